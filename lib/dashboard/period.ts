import type { Period } from "./integrations";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | undefined | null): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The period filter of a list (`from` and `to` as YYYY-MM-DD, `to` inclusive); bad values are ignored. */
export function periodFrom(search: { from?: string | null; to?: string | null }): Period {
  const to = day(search.to);
  return { from: day(search.from), to: to && new Date(to.getTime() + 86_400_000) };
}

/** False when `from` or `to` is given but is not a date (route handlers answer 400 then). */
export const isValidPeriod = (search: { from?: string | null; to?: string | null }) =>
  (!search.from || !!day(search.from)) && (!search.to || !!day(search.to));

/** The period as search parameters, to keep it in every link of a list. */
export function periodQuery(search: { from?: string; to?: string }): Record<string, string> {
  return { ...(search.from && DAY.test(search.from) ? { from: search.from } : {}), ...(search.to && DAY.test(search.to) ? { to: search.to } : {}) };
}
