/**
 * How long an integration may book: until the later of its trial end and its paid-until date.
 * Neither set (demo integrations, those seeded by hand) means no end.
 */
export type AccessDates = { trialEndsAt: Date | null; paidUntil: Date | null };

export function accessEndsAt(i: AccessDates): Date | null {
  const ends = [i.trialEndsAt, i.paidUntil].filter((d): d is Date => d instanceof Date);
  if (ends.length === 0) return null;
  return new Date(Math.max(...ends.map((d) => d.getTime())));
}

/** One year later, same calendar day and time (UTC); 29 February runs to 1 March. */
export function plusOneYear(date: Date): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/**
 * The year a renewal paid now buys: from the current access end, or from now when that has passed
 * (a paused integration gets a whole year from the day it is paid).
 */
export function renewalPeriod(i: AccessDates, now = new Date()): { start: Date; end: Date } {
  const end = accessEndsAt(i);
  const start = end && end > now ? end : now;
  return { start, end: plusOneYear(start) };
}

export const DAY_MS = 86_400_000;
/** The renewal offer goes out this long before the access ends. */
export const REMINDER_DAYS = 7;
