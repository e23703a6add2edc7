import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../crypto/keys";

/**
 * "View as merchant": an operator opens a merchant's dashboard read-only. The choice lives in a
 * signed, short-lived cookie naming the merchant account and the operator who started it; it is
 * honoured only for that operator (lib/auth/session.ts) and every state-changing request made
 * while it is set is refused in one place (lib/auth/read-only-guard.ts, mounted by proxy.ts).
 */
export const VIEW_AS_COOKIE = "bk_view_as";
export const VIEW_AS_TTL_MS = 30 * 60_000;
/** Ends the view: the one state-changing route that stays reachable while viewing. */
export const VIEW_AS_STOP_PATH = "/api/ops/view-as/stop";
/** Where a refused form post or server action lands: says why, links back. */
export const READ_ONLY_PAGE = "/dashboard/read-only";

export type ViewAsClaim = { accountId: string; operatorId: string; expiresAt: number };

// A key of its own, derived from the session secret: a view-as cookie can never pass for a session token.
const viewAsKey = (secret = authSecret()) => createHmac("sha256", secret).update("boekkoppeling view-as cookie v1").digest();

const mac = (payload: string, secret?: string) => createHmac("sha256", viewAsKey(secret)).update(payload).digest("base64url");

/** The cookie value: base64url(JSON claim) "." base64url(HMAC). */
export function signViewAs(claim: ViewAsClaim, secret?: string): string {
  const payload = Buffer.from(JSON.stringify({ a: claim.accountId, o: claim.operatorId, e: claim.expiresAt })).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The claim of a cookie we signed and that has not expired; null for anything else (forged, altered, old, garbage). */
export function verifyViewAs(value: string | undefined, now = Date.now(), secret?: string): ViewAsClaim | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { a?: unknown; o?: unknown; e?: unknown };
    if (typeof raw.a !== "string" || typeof raw.o !== "string" || typeof raw.e !== "number") return null;
    if (raw.e <= now) return null;
    return { accountId: raw.a, operatorId: raw.o, expiresAt: raw.e };
  } catch {
    return null;
  }
}

/** Cookie attributes: not readable by scripts, sent on same-site navigations only, gone when it expires. */
export function viewAsCookieOptions(appUrl: string, maxAgeMs = VIEW_AS_TTL_MS) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: appUrl.startsWith("https://"), maxAge: Math.floor(maxAgeMs / 1000) };
}
