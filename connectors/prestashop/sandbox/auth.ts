import type { WsError } from "./query";
import type { PsState, WebserviceKey } from "./state";

/**
 * WebserviceRequest::webserviceChecks, in its order: the webservice switch (503, code 22), then
 * the key (Basic user name first, else ?ws_key=): missing 16, empty 17, not 32 characters 18,
 * unknown or inactive 20 + 21, all 401 with PrestaShop's WWW-Authenticate realm.
 */
export const REALM = 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."';

export function keyFromRequest(req: Request, url: URL, state: PsState): string | null {
  const header = state.webservice.dropsAuthorizationHeader ? null : req.headers.get("authorization");
  if (header && /^basic\s+/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^basic\s+/i, ""), "base64").toString("utf8");
    return decoded.split(":")[0] ?? "";
  }
  return url.searchParams.get("ws_key");
}

export function authenticate(req: Request, url: URL, state: PsState): { key: WebserviceKey } | { errors: WsError[]; headers?: Record<string, string> } {
  if (!state.webservice.enabled) {
    return { errors: [{ status: 503, code: 22, message: "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office" }] };
  }
  const raw = keyFromRequest(req, url, state);
  const unauthorized = (errors: [number, string][]) => ({ errors: errors.map(([code, message]) => ({ status: 401, code, message })), headers: { "www-authenticate": REALM } });
  if (raw === null) return unauthorized([[16, "Please enter the authentication key as the login. No password required"]]);
  const key = raw.trim();
  if (!key) return unauthorized([[17, "Authentication key is empty"]]);
  if (key.length !== 32) return unauthorized([[18, "Invalid authentication key format"]]);
  const found = state.keys.find((k) => k.key === key);
  if (!found || !found.active) return unauthorized([[20, "Authentification key is not active"], [21, "No permission for this authentication key"]]);
  return { key: found };
}
