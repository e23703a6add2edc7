import { textError } from "./http";
import type { FactuursturenState } from "./state";

const challenge = { "WWW-Authenticate": 'Basic realm="factuursturen.nl API"' };

/**
 * HTTP Basic with username:apikey, as the real API. Missing, wrong or deactivated credentials get
 * 401 with a Basic challenge and a short text body.
 */
export function authenticate(state: FactuursturenState, req: Request): Response | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec((req.headers.get("authorization") ?? "").trim());
  if (!match) return textError(401, "Authorization required", challenge);
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const apiKey = colon < 0 ? "" : decoded.slice(colon + 1);
  if (username.toLowerCase() !== state.login.username.toLowerCase() || apiKey !== state.login.apiKey) {
    return textError(401, "Invalid username or API key", challenge);
  }
  if (!state.login.active) return textError(401, "This API key is not active", challenge);
  return undefined;
}
