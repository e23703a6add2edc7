import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Request signing between the executor and the app, as Inngest Cloud does it (brief §7.4).
 * The app's serve endpoint is public; unsigned (dev-mode) it would run any function with any
 * event and any fake step results for whoever posts to it. With a key only this process (or
 * the instances sharing NEXTAUTH_SECRET) knows, the SDK verifies every call we make.
 */

const globalForKey = globalThis as unknown as { __inngestEmbeddedSigningKey?: string };

/**
 * The signing key shared by the executor and the Inngest client of this process: derived from
 * `secret` when given (so instances sharing it accept each other's calls), else random per process.
 */
export function embeddedSigningKey(secret?: string): string {
  globalForKey.__inngestEmbeddedSigningKey ??= `signkey-embedded-${
    secret ? createHmac("sha256", secret).update("inngest-embedded-signing-key").digest("hex") : randomBytes(32).toString("hex")
  }`;
  return globalForKey.__inngestEmbeddedSigningKey;
}

const withoutPrefix = (key: string) => key.replace(/^signkey-\w+-/, "");

/** JSON with object keys sorted (RFC 8785 for the JSON we send): the form the SDK verifies. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** X-Inngest-Signature for a body we send: t=<unix s>&s=<hex HMAC-SHA256(key, body + t)>. */
export function signature(body: string, key: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000).toString();
  const s = createHmac("sha256", withoutPrefix(key)).update(body).update(t).digest("hex");
  return `t=${t}&s=${s}`;
}

/** What the SDK puts in `Authorization: Bearer …` when it calls us (its hashed signing key). */
export function hashedKey(key: string): string {
  const prefix = /^signkey-\w+-/.exec(key)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(withoutPrefix(key), "hex")).digest("hex");
}

export function bearerMatches(header: string | undefined, key: string): boolean {
  const expected = Buffer.from(`Bearer ${hashedKey(key)}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
