import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { decryptionKeys, encryptionKey } from "./keys";

// Envelope: "v1:" + base64(iv[12] | tag[16] | ciphertext). The version allows key rotation later.
const VERSION = "v1";

export function encryptSecret(plaintext: string, key: Buffer = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** Opens an envelope with `key`, or else with the current key and then the previous one (key rotation). */
export function decryptSecret(envelope: string, key?: Buffer): string {
  return openEnvelope(envelope, key).plaintext;
}

/** Which key opened it, too: 0 = the current one; more = an older key, so it wants re-sealing. */
export function openEnvelope(envelope: string, key?: Buffer): { plaintext: string; keyIndex: number } {
  const keys = key ? [key] : decryptionKeys();
  let failure: unknown;
  for (const [keyIndex, candidate] of keys.entries()) {
    try {
      return { plaintext: decryptWith(envelope, candidate), keyIndex };
    } catch (err) {
      if (err instanceof Error && /Unknown secret envelope/.test(err.message)) throw err;
      failure = err;
    }
  }
  throw failure;
}

function decryptWith(envelope: string, key: Buffer): string {
  const [version, payload] = envelope.split(":", 2);
  if (version !== VERSION || !payload) throw new Error("Unknown secret envelope format");
  const raw = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Credentials are JSON objects; this is the only way they enter or leave the database. */
export const sealCredentials = (credentials: Record<string, unknown>, key?: Buffer) =>
  encryptSecret(JSON.stringify(credentials), key);

export const openCredentials = <T = Record<string, unknown>>(envelope: string, key?: Buffer): T =>
  JSON.parse(decryptSecret(envelope, key)) as T;
