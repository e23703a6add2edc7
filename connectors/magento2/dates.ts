import { ConnectorError } from "../types";

/**
 * Magento's sales timestamps: "YYYY-MM-DD HH:MM:SS", no zone suffix, stored in UTC
 * (webshop-apis.md §1.11). Bookings are dated in Dutch time.
 */
export function parseMagentoTimestamp(value: string, field = "created_at", shop = "Magento"): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  const date = m ? new Date(`${m[1]}T${m[2] ?? "00:00:00"}${!m[3] || m[3].toUpperCase() === "Z" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`) : null;
  if (!date || Number.isNaN(date.getTime())) throw new ConnectorError("invalid_payload", `The ${shop} field "${field}" is not a date: ${JSON.stringify(value)}.`, false);
  return date;
}

/** A moment as Magento writes it (UTC, no suffix): the value searchCriteria filters compare with. */
export const magentoTimestamp = (moment: Date) => moment.toISOString().slice(0, 19).replace("T", " ");

const amsterdam = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
});
const partsOf = (moment: Date) => Object.fromEntries(amsterdam.formatToParts(moment).map((p) => [p.type, p.value]));

/** YYYY-MM-DD of the moment in Europe/Amsterdam (an invoice at 23:30 UTC on 30 April is booked on 1 May). */
export function amsterdamDate(moment: Date): string {
  const p = partsOf(moment);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The UTC moment at which a day (YYYY-MM-DD) starts in Amsterdam: where a first poll begins. */
export function amsterdamMidnight(day: string): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const p = partsOf(guess);
  // Amsterdam is ahead of UTC (1 or 2 hours): subtract what the clock there shows at UTC midnight.
  const offsetMs = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - guess.getTime();
  return new Date(guess.getTime() - offsetMs);
}
