import { randomBytes } from "node:crypto";

/**
 * License keys: the secret in the installation URL and part of every booking reference, so they
 * must be unguessable yet short and easy to read aloud. Format `BK-XXXXX-XXXXX-XXXXX-XXXXX`:
 * 20 Crockford base32 characters (no I, L, O, U) from the system's CSPRNG = 100 bits, 26
 * characters in all (booking references leave room for at most 27).
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 4;
const GROUP_LENGTH = 5;
const PREFIX = "BK";

export const LICENSE_KEY_PATTERN = new RegExp(`^${PREFIX}(-[${ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`);
export const LICENSE_KEY_LENGTH = PREFIX.length + GROUPS * (GROUP_LENGTH + 1);
export const LICENSE_KEY_BITS = GROUPS * GROUP_LENGTH * 5;

export function generateLicenseKey(random: (size: number) => Buffer = randomBytes): string {
  // Each byte's low 5 bits pick a character: 256 is a multiple of 32, so every character is equally likely.
  const bytes = random(GROUPS * GROUP_LENGTH);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]!).join("");
  const groups = Array.from({ length: GROUPS }, (_, i) => chars.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH));
  return [PREFIX, ...groups].join("-");
}

/**
 * A unique-constraint failure: Prisma's P2002, or, inside an interactive transaction on a driver
 * adapter, the adapter's own error (kind UniqueConstraintViolation, or PostgreSQL's code 23505 as it is).
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { kind?: string; code?: string; originalCode?: string } } | null;
  return e?.code === "P2002" || e?.cause?.kind === "UniqueConstraintViolation" || e?.cause?.code === "23505" || e?.cause?.originalCode === "23505";
}

/**
 * Runs `create` with fresh keys until one is not taken yet. A collision of 100-bit keys is
 * practically impossible, but the unique constraint is what guarantees it, so it is retried.
 */
export async function withUniqueLicenseKey<T>(create: (licenseKey: string) => Promise<T>, next: () => string = generateLicenseKey, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create(next());
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= attempts) throw err;
    }
  }
}
