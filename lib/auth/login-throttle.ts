import type { Db } from "../db/client";

/**
 * Fixed-window login throttle kept in the database (so it holds across processes and restarts).
 * Per email: 5 failures per 15 minutes; per client address: 30. Past that, logins from that
 * key are refused until the window ends, whether or not the password is right.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perEmail: 5, perIp: 30 } as const;

export const throttleKeys = (email: string, ip: string | undefined) => [
  { key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE.perEmail },
  ...(ip ? [{ key: `ip:${ip}`, limit: THROTTLE.perIp }] : []),
];

/** The moment the login may be tried again, or null when it is allowed now. */
export async function lockedUntil(db: Db, email: string, ip: string | undefined, now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: throttleKeys(email, ip).map((k) => k.key) } } });
  const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => !!d && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

export async function recordFailure(db: Db, email: string, ip: string | undefined, now = new Date()): Promise<void> {
  for (const { key, limit } of throttleKeys(email, ip)) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > THROTTLE.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const windowStart = fresh ? now : row.windowStart;
    const lockedUntil = failures >= limit ? new Date(windowStart.getTime() + THROTTLE.windowMs) : null;
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart, lockedUntil },
      update: { failures, windowStart, lockedUntil },
    });
  }
}

/** A successful login clears the email's counter (not the address's: that one guards against spraying). */
export async function recordSuccess(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
