import { ConnectorError } from "../types";

/**
 * PrestaShop dates are "YYYY-MM-DD HH:MM:SS" in the shop's own time zone, with no zone marker;
 * "0000-00-00 00:00:00" means "not set" (webshop-apis.md §3.7). They are kept as shop-local text:
 * the booking date is the date part, and filters are sent back in the same form.
 */
const SHOP_DATE = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}:\d{2}))?$/;

export const isUnsetDate = (value: string | null | undefined) => !value || /^0000-00-00/.test(value.trim());

/** The YYYY-MM-DD of a shop date; throws ConnectorError("invalid_payload") naming the field. */
export function shopDay(value: string | null | undefined, field: string): string {
  const m = value ? SHOP_DATE.exec(value.trim()) : null;
  if (!m || isUnsetDate(value)) throw new ConnectorError("invalid_payload", `The PrestaShop field "${field}" is not a date: ${JSON.stringify(value ?? null)}.`, false);
  return m[1]!;
}

/** "YYYY-MM-DD HH:MM:SS" in `timeZone`, the form PrestaShop's date filters take. */
export function shopDateTime(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The same wall-clock moment `months` calendar months earlier (day clamped to the month's end). */
export function monthsBefore(shopDate: string, months: number): string {
  const [date, time = "00:00:00"] = shopDate.split(" ");
  const [y, m, d] = date!.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const day = String(Math.min(d, lastDay)).padStart(2, "0");
  return `${first.toISOString().slice(0, 7)}-${day} ${time}`;
}

/** A shop-local "YYYY-MM-DD HH:MM:SS" in `timeZone` as an ISO-8601 UTC instant. */
export function shopDateToIso(value: string, timeZone: string, field = "date"): string {
  const day = shopDay(value, field);
  const time = value.trim().slice(11) || "00:00:00";
  const asUtc = Date.parse(`${day}T${time}Z`);
  // The zone's offset at that moment, found by formatting the UTC guess back in the zone (twice, for DST edges).
  const offset = (at: number) => Date.parse(`${shopDateTime(new Date(at), timeZone).replace(" ", "T")}Z`) - at;
  let instant = asUtc - offset(asUtc);
  instant = asUtc - offset(instant);
  return new Date(instant).toISOString();
}
