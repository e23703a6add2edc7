import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OAuth 1.0a request signing (RFC 5849 §3.4), as Magento 2 (HMAC-SHA256 or HMAC-SHA1) and
 * Magento 1.9 (HMAC-SHA1, PLAINTEXT) check it. Shared by both connectors and their sandboxes.
 *
 * Signed: the method, the URL without query, and every oauth_* parameter (except the signature
 * itself) plus the query parameters plus the parameters of a form-encoded body, each
 * percent-encoded, sorted and joined. A JSON body is not part of the signature.
 */
export type SignatureMethod = "HMAC-SHA256" | "HMAC-SHA1" | "PLAINTEXT";
export const signatureMethods: readonly SignatureMethod[] = ["HMAC-SHA256", "HMAC-SHA1", "PLAINTEXT"];

/** RFC 3986 percent-encoding (PHP's rawurlencode): unreserved characters stay, everything else is %XX. */
export const percentEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** scheme://host[:port]/path, lower-case scheme and host, default port dropped, no query or fragment. */
export function baseUrlOf(url: string | URL): string {
  const u = new URL(url);
  const defaultPort = (u.protocol === "http:" && u.port === "80") || (u.protocol === "https:" && u.port === "443") || u.port === "";
  return `${u.protocol.toLowerCase()}//${u.hostname.toLowerCase()}${defaultPort ? "" : `:${u.port}`}${u.pathname}`;
}

/** The query parameters of a URL, decoded the way PHP's urldecode does ("+" is a space). */
export function queryParams(url: string | URL): [string, string][] {
  return [...new URL(url).searchParams.entries()];
}

/** The signature base string: METHOD&enc(base URL)&enc(sorted, encoded k=v pairs joined by &). */
export function signatureBaseString(method: string, url: string | URL, params: [string, string][]): string {
  const pairs = params
    .filter(([k]) => k !== "oauth_signature" && k !== "realm")
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return [method.toUpperCase(), percentEncode(baseUrlOf(url)), percentEncode(pairs)].join("&");
}

/** The signature of a base string with the consumer secret and the (request or access) token secret. */
export function computeSignature(signatureMethod: SignatureMethod, base: string, consumerSecret: string, tokenSecret = ""): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  if (signatureMethod === "PLAINTEXT") return key;
  const algorithm = signatureMethod === "HMAC-SHA256" ? "sha256" : "sha1";
  return createHmac(algorithm, key).update(base).digest("base64");
}

export type SignInput = {
  method: string;
  /** The full request URL, query included. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  token?: string;
  tokenSecret?: string;
  signatureMethod?: SignatureMethod;
  /** Further protocol parameters: oauth_callback (initiate), oauth_verifier (token exchange). */
  extra?: Record<string, string>;
  /** The parameters of an application/x-www-form-urlencoded body, if any. */
  form?: [string, string][];
  nonce?: string;
  timestamp?: number;
};

/** The oauth_* parameters of one request, signature included. */
export function signedParams(input: SignInput): Record<string, string> {
  const params: Record<string, string> = {
    oauth_consumer_key: input.consumerKey,
    oauth_nonce: input.nonce ?? randomBytes(16).toString("hex"),
    oauth_signature_method: input.signatureMethod ?? "HMAC-SHA256",
    oauth_timestamp: String(input.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_version: "1.0",
    ...(input.token ? { oauth_token: input.token } : {}),
    ...input.extra,
  };
  const base = signatureBaseString(input.method, input.url, [...Object.entries(params), ...queryParams(input.url), ...(input.form ?? [])]);
  params.oauth_signature = computeSignature(params.oauth_signature_method as SignatureMethod, base, input.consumerSecret, input.tokenSecret);
  return params;
}

/** `Authorization: OAuth k="v",…` for one request. */
export function authorizationHeader(input: SignInput): string {
  const params = signedParams(input);
  return `OAuth ${Object.entries(params).map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`).join(",")}`;
}

/** The oauth_* parameters of an `Authorization: OAuth …` header; null when it is not one. */
export function parseAuthorizationHeader(header: string | null | undefined): Record<string, string> | null {
  if (!header) return null;
  const at = header.toLowerCase().indexOf("oauth ");
  if (at < 0) return null;
  const params: Record<string, string> = {};
  for (const part of header.slice(at + 6).split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = safeDecode(part.slice(0, eq).trim());
    if (!/^oauth_[a-z_-]+$/.test(name)) continue; // realm and anything else is not signed
    params[name] = safeDecode(part.slice(eq + 1).trim().replace(/^"|"$/g, ""));
  }
  return params;
}

/** Checks a received request's signature in constant time. */
export function verifySignature(input: {
  method: string;
  url: string;
  params: Record<string, string>;
  form?: [string, string][];
  consumerSecret: string;
  tokenSecret?: string;
}): boolean {
  const method = input.params.oauth_signature_method as SignatureMethod;
  if (!signatureMethods.includes(method) || !input.params.oauth_signature) return false;
  const base = signatureBaseString(input.method, input.url, [...Object.entries(input.params), ...queryParams(input.url), ...(input.form ?? [])]);
  const expected = Buffer.from(computeSignature(method, base, input.consumerSecret, input.tokenSecret));
  const given = Buffer.from(input.params.oauth_signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `oauth_token=…&oauth_token_secret=…` (token endpoints answer form-encoded text, not JSON). */
export function parseFormEncoded(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text.trim()).entries());
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
