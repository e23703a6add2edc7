import Decimal from "decimal.js";
import type { Db } from "@/lib/db/client";
import type { ReconciliationPeriod } from "@/lib/reconciliation/period";
import { periodTotals } from "@/lib/reconciliation/period-totals";

export type Revenue = { key: string; excl: Decimal; vat: Decimal; incl: Decimal };

const fold = (entries: { key: string; excl: Decimal; vat: Decimal; incl: Decimal }[]) => {
  const map = new Map<string, Revenue>();
  for (const e of entries) {
    const r = map.get(e.key) ?? { key: e.key, excl: new Decimal(0), vat: new Decimal(0), incl: new Decimal(0) };
    map.set(e.key, { key: e.key, excl: r.excl.plus(e.excl), vat: r.vat.plus(e.vat), incl: r.incl.plus(e.incl) });
  }
  return [...map.values()];
};

/** The month's revenue (eligible documents, the shop's amounts) per VAT rate and per country: the reconciliation's SQL aggregate, folded. */
export async function revenueOfPeriod(db: Db, integrationId: string, period: ReconciliationPeriod) {
  const totals = await periodTotals(db, integrationId, period);
  const perRate = fold(totals.map((t) => ({ key: t.rate, ...t.shop }))).sort((a, b) => Number(b.key || -1) - Number(a.key || -1));
  const perCountry = fold(totals.map((t) => ({ key: t.country, ...t.shop }))).sort((a, b) => b.excl.comparedTo(a.excl));
  return { perRate, perCountry };
}
