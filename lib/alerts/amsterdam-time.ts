/** Calendar days and weeks as the merchant lives them (Europe/Amsterdam), as UTC instants. */

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });
const clock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
});

/** The Amsterdam calendar date of an instant, as yyyy-mm-dd. */
export const amsterdamDay = (at: Date): string => dayFormat.format(at);

/** How far Amsterdam's clock is ahead of UTC at an instant (1 or 2 hours). */
function offsetMs(at: Date): number {
  const p = Object.fromEntries(clock.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** Midnight at the start of an Amsterdam calendar day (yyyy-mm-dd). Clocks change at 01:00 UTC, never at midnight. */
export function amsterdamMidnight(day: string): Date {
  const asUtc = Date.parse(`${day}T00:00:00Z`);
  return new Date(asUtc - offsetMs(new Date(asUtc - 2 * 3_600_000)));
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The last full week (Monday to Sunday, Amsterdam) before the week `now` is in: `start` inclusive,
 * `end` exclusive, and the calendar days of its Monday and Sunday for the mail.
 */
export function lastWeek(now: Date): { start: Date; end: Date; monday: string; sunday: string } {
  const today = amsterdamDay(now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thisMonday = addDays(today, -weekday);
  const monday = addDays(thisMonday, -7);
  return { start: amsterdamMidnight(monday), end: amsterdamMidnight(thisMonday), monday, sunday: addDays(thisMonday, -1) };
}

/** A yyyy-mm-dd day as a Date at UTC midnight, for formatDate (which prints UTC dates). */
export const dayAsDate = (day: string) => new Date(`${day}T00:00:00Z`);
