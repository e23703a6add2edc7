import { ConnectorError } from "../types";

/**
 * KMO timestamps are ISO-8601 with an offset ("2024-05-01T10:15:00+02:00", contract); one without
 * an offset is read as Belgian local time. Bookings are dated in Belgian/Dutch time (one zone).
 */
const ZONE = "Europe/Brussels";
const parts = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });

function localParts(moment: Date) {
  const p = Object.fromEntries(parts.formatToParts(moment).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** Minutes the zone is ahead of UTC at that moment. */
function offsetMinutes(moment: Date): number {
  const { date, time } = localParts(moment);
  return Math.round((Date.parse(`${date}T${time}Z`) - Math.floor(moment.getTime() / 1000) * 1000) / 60_000);
}

export function parseKmoTimestamp(value: string, field: string): Date {
  const text = value.trim().replace(" ", "T");
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  const bad = () => new ConnectorError("invalid_payload", `The KMO Shops field "${field}" is not a date: ${JSON.stringify(value)}.`, false);
  if (!m) throw bad();
  const time = m[2] ?? "00:00:00";
  if (m[3]) {
    const zone = m[3].toUpperCase() === "Z" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
    const date = new Date(`${m[1]}T${time}${zone}`);
    if (Number.isNaN(date.getTime())) throw bad();
    return date;
  }
  const asUtc = new Date(`${m[1]}T${time}Z`);
  if (Number.isNaN(asUtc.getTime())) throw bad();
  return new Date(asUtc.getTime() - offsetMinutes(asUtc) * 60_000);
}

/** YYYY-MM-DD in Brussels/Amsterdam time (an order at 23:30 UTC on 30 April is booked on 1 May). */
export const localDate = (moment: Date) => localParts(moment).date;

/** Midnight at the start of a local date, as an instant (the poll's first `updated_since`). */
export const startOfLocalDay = (isoDate: string) => parseKmoTimestamp(`${isoDate}T00:00:00`, "startDate");
