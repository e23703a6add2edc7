import { requestHash, safeEqualHex } from "../signing";
import { ccvError } from "./http";
import type { CcvState } from "./state";

/** How far x-date may be from the sandbox's clock (CCV's own tolerance is not documented). */
const MAX_SKEW_MS = 15 * 60_000;

/** The uri a client signs: the request path after the tenant's base path, plus the query string. */
export function signedUri(url: URL, tenant: string): string {
  const prefix = `/sandbox/ccvshop/${tenant}`;
  const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
  return path + url.search;
}

/** x-date in any of the SDKs' forms: "…Z", "…+00:00", "…+0000" (optionally with milliseconds). */
function parseDate(text: string): number {
  const normalized = text.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(normalized) ? Date.parse(normalized) : Number.NaN;
}

/**
 * CCV's request authentication: x-public names the key pair, x-hash is the HMAC-SHA512 of
 * public|METHOD|uri|body|x-date with the secret. Returns an error response, or null when valid.
 * The 401 codes are inferred; CCV's exact auth error codes are not public.
 */
export function authenticate(req: Request, uri: string, body: string, state: CcvState, now = Date.now()): Response | null {
  const publicKey = req.headers.get("x-public");
  const date = req.headers.get("x-date");
  const hash = req.headers.get("x-hash");
  if (!publicKey || !date || !hash) return ccvError(401, "401.10", "Authentication failed: the x-public, x-date and x-hash headers are required.");
  if (publicKey !== state.credentials.publicKey) return ccvError(401, "401.11", "Authentication failed: unknown public key.");
  const at = parseDate(date);
  if (Number.isNaN(at)) return ccvError(401, "401.12", "Authentication failed: x-date is not an ISO-8601 date.");
  if (Math.abs(now - at) > MAX_SKEW_MS) return ccvError(401, "401.13", "Authentication failed: x-date is too far from the server time.");
  const expected = requestHash({ publicKey, secretKey: state.credentials.secretKey, method: req.method, uri, body, date });
  if (!safeEqualHex(expected, hash)) return ccvError(401, "401.14", "Authentication failed: the x-hash does not match the request.");
  return null;
}
