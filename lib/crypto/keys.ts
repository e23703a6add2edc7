import { env, isEmbedded, type Env } from "../config/env";
import { generatedSecret } from "../config/generated-secret";

/**
 * The 32-byte key for secrets at rest. Production must set ENCRYPTION_KEY (base64 or hex);
 * embedded mode generates one into DATA_DIR on first start and keeps it there.
 */
export function encryptionKey(e: Env = env()): Buffer {
  const raw = e.ENCRYPTION_KEY ?? (isEmbedded(e) ? generatedSecret(e.DATA_DIR, "encryption.key") : undefined);
  if (!raw) throw new Error("ENCRYPTION_KEY is required when DATABASE_URL is set (32 bytes, base64 or hex).");
  return decodeKey(raw, "ENCRYPTION_KEY");
}

/**
 * The keys secrets may be sealed with, current first: during a key rotation ENCRYPTION_KEY_PREVIOUS
 * still opens what the old key sealed, until `npm run secrets:reencrypt` has re-sealed it all.
 */
export function decryptionKeys(e: Env = env()): Buffer[] {
  return [encryptionKey(e), ...(e.ENCRYPTION_KEY_PREVIOUS ? [decodeKey(e.ENCRYPTION_KEY_PREVIOUS, "ENCRYPTION_KEY_PREVIOUS")] : [])];
}

function decodeKey(raw: string, name: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error(`${name} must decode to exactly 32 bytes.`);
  return key;
}

/** The next-auth JWT secret: NEXTAUTH_SECRET, or generated into DATA_DIR when embedded. */
export function authSecret(e: Env = env()): string {
  const secret = e.NEXTAUTH_SECRET ?? (isEmbedded(e) ? generatedSecret(e.DATA_DIR, "nextauth.secret") : undefined);
  if (!secret) throw new Error("NEXTAUTH_SECRET is required when DATABASE_URL is set (32+ characters).");
  return secret;
}
