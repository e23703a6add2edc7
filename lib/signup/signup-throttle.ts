import type { Db } from "../db/client";

/**
 * Sign-ups per client address, in the login throttle's table (key `signup-ip:<addr>`): at most
 * 20 per hour. Generous enough for an office behind one address, tight enough that a script
 * cannot fill the database or other people's mailboxes.
 */
export const SIGNUP_THROTTLE = { windowMs: 60 * 60_000, perIp: 20 } as const;

const keyOf = (ip: string) => `signup-ip:${ip}`;

/** Counts one sign-up from `ip`; returns when sign-ups from it may resume, or null when this one may go ahead. */
export async function takeSignupSlot(db: Db, ip: string | undefined, now = new Date()): Promise<Date | null> {
  if (!ip) return null;
  const key = keyOf(ip);
  const row = await db.loginThrottle.findUnique({ where: { key } });
  if (row?.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  const fresh = !row || now.getTime() - row.windowStart.getTime() >= SIGNUP_THROTTLE.windowMs;
  const windowStart = fresh ? now : row.windowStart;
  const count = (fresh ? 0 : row.failures) + 1;
  const windowEnd = new Date(windowStart.getTime() + SIGNUP_THROTTLE.windowMs);
  // The slot that reaches the limit is still granted; the ones after it wait for the window's end.
  const lockedUntil = count >= SIGNUP_THROTTLE.perIp ? windowEnd : null;
  await db.loginThrottle.upsert({ where: { key }, create: { key, failures: count, windowStart, lockedUntil }, update: { failures: count, windowStart, lockedUntil } });
  return null;
}
