import Decimal from "decimal.js";

/** A normalized document (the parts the reconciliation reads) with lines of [rate, excl] at that rate's VAT. */
export function normalizedDoc(opts: { date: string; country?: string; lines: [rate: string, excl: string][]; credit?: boolean }) {
  const sign = opts.credit ? -1 : 1;
  const lines = opts.lines.map(([rate, excl]) => {
    const e = new Decimal(excl).times(sign);
    const vat = e.times(rate).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return { kind: "product", description: "x", quantity: "1", vatRate: rate, unitPriceExcl: e.toFixed(2), unitPriceIncl: e.plus(vat).toFixed(2),
      totalExcl: e.toFixed(2), vatAmount: vat.toFixed(2), totalIncl: e.plus(vat).toFixed(2) };
  });
  const sum = (k: "totalExcl" | "vatAmount" | "totalIncl") => lines.reduce((s, l) => s.plus(l[k]), new Decimal(0)).toFixed(2);
  return {
    normalized: { kind: opts.credit ? "creditnote" : "order", date: opts.date, currency: "EUR", shopCountry: "NL", deliveryCountry: opts.country ?? "NL", lines,
      totals: { excl: sum("totalExcl"), vat: sum("vatAmount"), incl: sum("totalIncl") }, creditFactor: sign },
    totalExclVat: sum("totalExcl"),
    totalInclVat: sum("totalIncl"),
    documentDate: new Date(`${opts.date}T00:00:00Z`),
  };
}
