import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * An id for a row inserted with SQL rather than through Prisma (which makes the cuids of
 * `@default(cuid())` itself): the same shape, a "c" then base-36 time, a counter and randomness,
 * so ids made either way sort roughly by creation and never collide.
 */
export function newId(now = Date.now()): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(13, "0").slice(-12);
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
