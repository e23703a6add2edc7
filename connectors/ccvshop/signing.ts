import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Every hash CCV Shop uses is a lowercase hex HMAC-SHA512 over fields joined with "|"
 * (official SDK BaseEndpoint, App-Example-Code Http/Hash.php). One helper, four messages.
 */
export const hmacHex = (key: string, ...fields: string[]) => createHmac("sha512", key).update(fields.join("|"), "utf8").digest("hex");

/** API request: public|METHOD|uri|body|x-date, keyed with the api secret. `uri` is path + query after the base URL. */
export const requestHash = (p: { publicKey: string; secretKey: string; method: string; uri: string; body: string; date: string }) =>
  hmacHex(p.secretKey, p.publicKey, p.method.toUpperCase(), p.uri, p.body, p.date);

/** API response (the SDK's validateResponse): same fields, with the raw response body and the response's x-date. */
export const responseHash = requestHash;

/** App Store calls (handshake, install redirect, uninstall): <our registered URL>|<data>, keyed with the App Secret Key. */
export const appStoreHash = (appSecret: string, url: string, data: string) => hmacHex(appSecret, url, data);

/**
 * Webhook delivery: <webhook address>|<raw body>, keyed with the webhook's own `key`.
 * Inferred by analogy with the App Store hash (webshop-apis.md §2.7 marks the formula [I]).
 */
export const webhookHash = (key: string, address: string, rawBody: string) => hmacHex(key, address, rawBody);

/** Constant-time comparison of two hex digests (false on any length or format difference). */
export function safeEqualHex(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected.toLowerCase(), "utf8");
  const b = Buffer.from(given.trim().toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** x-date as the Python SDK sends it (ISO-8601 UTC, seconds precision, "Z"). */
export const ccvDate = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, "Z");
