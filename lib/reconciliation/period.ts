/**
 * A reconciliation period. documentDate is stored as the shop-local (Europe/Amsterdam) calendar
 * date at 00:00Z, so a Dutch month is simply [first day 00:00Z, first day of next month 00:00Z).
 */
export type ReconciliationPeriod = { from: Date; to: Date; month?: string };

const isDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isMonth = (v: string | undefined): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** Today's month in the Netherlands, "YYYY-MM" (at 00:30 on the 1st in Amsterdam it is already the new month). */
export function currentMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit" }).formatToParts(now);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

export function monthPeriod(month: string): ReconciliationPeriod {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)), month };
}

/**
 * From the page's query: `from`/`to` (inclusive days) when both are valid and in order, else
 * `month`, else the current Dutch month.
 */
export function periodFromQuery(query: { month?: string; from?: string; to?: string }, now = new Date()): ReconciliationPeriod {
  if (isDay(query.from) && isDay(query.to) && query.from <= query.to) {
    const to = new Date(`${query.to}T00:00:00Z`);
    return { from: new Date(`${query.from}T00:00:00Z`), to: new Date(to.getTime() + 86_400_000) };
  }
  return monthPeriod(isMonth(query.month) ? query.month : currentMonth(now));
}

/** YYYY-MM-DD of a stored day. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** The last day inside the period (its end is exclusive). */
export const lastDayOf = (p: ReconciliationPeriod) => dayOf(new Date(p.to.getTime() - 86_400_000));

/** The query string that names this period again (links, exports). */
export const periodQuery = (p: ReconciliationPeriod) =>
  p.month ? `month=${p.month}` : `from=${dayOf(p.from)}&to=${lastDayOf(p)}`;

/** Today's date in the Netherlands, YYYY-MM-DD (documentDate's calendar). */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
