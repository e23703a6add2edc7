import { randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../config/env";
import { createOAuthState, readOAuthState } from "./oauth-state";

/**
 * Binds an OAuth flow to the browser that started it, once. The signed state (oauth-state.ts) says
 * which integration; it also carries a random nonce, and the start sets that nonce in an httpOnly
 * cookie named after it. The callback accepts the state only with its cookie and deletes the
 * cookie: a callback URL replayed, leaked or planted in another browser is refused, and so is the
 * same one a second time. (None of our OAuth2 targets documents PKCE; Rompslomp, the one using
 * this flow, is a confidential client with a secret: accounting-apis.md §1.)
 */
const COOKIE_PREFIX = "oauth_";
const PATH = "/api/oauth";
const MAX_AGE_S = 30 * 60;

const cookieName = (nonce: string) => `${COOKIE_PREFIX}${nonce.slice(0, 12)}`;
const secure = () => (env().APP_URL.startsWith("https://") ? "; Secure" : "");

/** A fresh state for `licenseKey` and the Set-Cookie header that binds it to this browser. */
export function startOAuthFlow(licenseKey: string, now = Date.now()): { state: string; setCookie: string } {
  const nonce = randomBytes(24).toString("base64url");
  return {
    state: createOAuthState(licenseKey, now, undefined, nonce),
    setCookie: `${cookieName(nonce)}=${nonce}; Path=${PATH}; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secure()}`,
  };
}

export type OAuthCallbackCheck = { ok: true; licenseKey: string; clearCookie: string } | { ok: false };

/** The license key when the state is ours, unexpired and came back to the browser that started it; the cookie to clear. */
export function finishOAuthFlow(state: string | null, cookieHeader: string | null, now = Date.now()): OAuthCallbackCheck {
  const claim = state ? readOAuthState(state, now, undefined, { withNonce: true }) : null;
  if (!claim?.nonce) return { ok: false };
  const name = cookieName(claim.nonce);
  const given = (cookieHeader ?? "").split(/;\s*/).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
  if (!given || given.length !== claim.nonce.length || !timingSafeEqual(Buffer.from(given), Buffer.from(claim.nonce))) return { ok: false };
  return { ok: true, licenseKey: claim.licenseKey, clearCookie: `${name}=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Lax${secure()}` };
}
