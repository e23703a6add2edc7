import { randomInt } from "node:crypto";

// Letters and digits without the look-alikes (0/O, 1/l/I), so it can be typed over from a mail.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password for a new login: 4 groups of 4 from 56 characters ≈ 93 bits. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
