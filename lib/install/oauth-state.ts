import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../crypto/keys";

/**
 * The OAuth `state` parameter: which integration the consent is for, signed so a callback cannot
 * attach tokens to someone else's integration, and short-lived.
 */
const TTL_MS = 30 * 60_000;

const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest("base64url");

/** `nonce`: binds the state to a browser cookie (oauth-browser-binding.ts). */
export function createOAuthState(licenseKey: string, now = Date.now(), secret = authSecret(), nonce?: string): string {
  const payload = Buffer.from(JSON.stringify({ k: licenseKey, e: now + TTL_MS, ...(nonce ? { n: nonce } : {}) })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The license key the state was made for, or null when it is forged or expired; with its nonce when asked. */
export function readOAuthState(state: string, now?: number, secret?: string): string | null;
export function readOAuthState(state: string, now: number | undefined, secret: string | undefined, options: { withNonce: true }): { licenseKey: string; nonce?: string } | null;
export function readOAuthState(state: string, now = Date.now(), secret = authSecret(), options?: { withNonce: true }): string | { licenseKey: string; nonce?: string } | null {
  const [payload, mac] = state.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { k, e, n } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { k: string; e: number; n?: string };
    if (!(e > now) || typeof k !== "string") return null;
    return options?.withNonce ? { licenseKey: k, nonce: typeof n === "string" ? n : undefined } : k;
  } catch {
    return null;
  }
}
