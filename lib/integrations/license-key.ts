import { randomBytes } from "node:crypto";

/**
 * License keys: the secret in the installation URL (anyone holding it may open the wizard while the
 * integration installs), so they must be unguessable yet easy to read aloud. Format
 * `BK-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`: 30 Crockford base32 characters (no I, L, O, U) from
 * the system's CSPRNG = 150 bits. Booking references leave room for 27 characters of it: they use
 * the first 26 (bookingReferenceKey), as the 26-character keys of before (100 bits) did whole.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 6;
const GROUP_LENGTH = 5;
const PREFIX = "BK";

export const LICENSE_KEY_PATTERN = new RegExp(`^${PREFIX}(-[${ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`);
export const LICENSE_KEY_LENGTH = PREFIX.length + GROUPS * (GROUP_LENGTH + 1);
export const LICENSE_KEY_BITS = GROUPS * GROUP_LENGTH * 5;

/** The part of a key in booking references: the first four groups of a current key, an older key whole. */
const REFERENCE_LENGTH = PREFIX.length + 4 * (GROUP_LENGTH + 1);
export const bookingReferenceKey = (licenseKey: string) => (LICENSE_KEY_PATTERN.test(licenseKey) ? licenseKey.slice(0, REFERENCE_LENGTH) : licenseKey);

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
 * Runs `create` with fresh keys until one is not taken yet. A collision of 150-bit keys is
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
