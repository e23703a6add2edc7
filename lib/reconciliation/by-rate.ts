import Decimal from "decimal.js";
import type { ReportRow } from "./build-report";

/** The report's rows folded per VAT rate (countries together), incl. VAT: what the chart draws. */
export function byRate(rows: ReportRow[]): { rate: string; shop: Decimal; booked: Decimal }[] {
  const map = new Map<string, { rate: string; shop: Decimal; booked: Decimal }>();
  for (const r of rows) {
    const entry = map.get(r.rate) ?? { rate: r.rate, shop: new Decimal(0), booked: new Decimal(0) };
    entry.shop = entry.shop.plus(r.shop.incl);
    entry.booked = entry.booked.plus(r.booked.incl);
    map.set(r.rate, entry);
  }
  return [...map.values()];
}
