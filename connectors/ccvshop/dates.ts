import { ConnectorError } from "../types";

/**
 * CCV timestamps are UTC ISO-8601 in the SDKs' three forms ("…Z", "…+00:00", "…+0000"); a value
 * without a zone is taken as UTC too (webshop-apis.md §2.6). Bookings are dated in Dutch time.
 */
export function parseCcvTimestamp(value: string, field = "create_date"): Date {
  const text = value.trim().replace(" ", "T");
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (!m) throw new ConnectorError("invalid_payload", `The CCV Shop field "${field}" is not a date: ${JSON.stringify(value)}.`, false);
  const zone = !m[3] || m[3].toUpperCase() === "Z" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${m[1]}T${m[2] ?? "00:00:00"}${zone}`);
  if (Number.isNaN(date.getTime())) throw new ConnectorError("invalid_payload", `The CCV Shop field "${field}" is not a date: ${JSON.stringify(value)}.`, false);
  return date;
}

const amsterdam = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

/** YYYY-MM-DD of the moment in Europe/Amsterdam (an order at 23:30 UTC on 30 April is booked on 1 May). */
export function amsterdamDate(moment: Date): string {
  // Since 1970 Amsterdam's offset is whole hours and changes on whole UTC hours, so the date is the
  // same for every moment of a UTC hour: formatting once per hour saves the costly Intl call.
  const hour = Math.floor(moment.getTime() / 3_600_000);
  const known = hour >= 0 ? datesByHour.get(hour) : undefined;
  if (known) return known;
  const parts = Object.fromEntries(amsterdam.formatToParts(moment).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (hour >= 0) {
    if (datesByHour.size >= 4096) datesByHour.clear();
    datesByHour.set(hour, date);
  }
  return date;
}
const datesByHour = new Map<number, string>();
