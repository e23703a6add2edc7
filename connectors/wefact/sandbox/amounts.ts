import type Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import { money2, round2 } from "./http";
import type { VatPerRateJson } from "./state";

export type PricedLine = { number: Decimal; priceExcl: Decimal; percentage: Decimal; discount: Decimal };

/**
 * How the sandbox computes an invoice's totals (WeFact's method as we understand it [I]):
 * - "excl": each line excl. = quantity × price × (1 − discount) rounded to cents; VAT per rate on
 *   the sum excl. of that rate, rounded; incl. = excl. + VAT.
 * - "incl": each line incl. = quantity × price × (1 + rate) × (1 − discount) rounded to cents; VAT
 *   per rate = incl. of that rate × rate / (100 + rate), rounded; excl. = incl. − VAT.
 * `invoiceDiscount` is the invoice's Discount percentage, applied to every line.
 */
export function invoiceTotals(lines: PricedLine[], method: "excl" | "incl", invoiceDiscount: Decimal) {
  const factor = (l: PricedLine) => new D(1).minus(l.discount.div(100)).times(new D(1).minus(invoiceDiscount.div(100)));
  const perRate = new Map<string, { percentage: Decimal; excl: Decimal; incl: Decimal; tax: Decimal }>();
  for (const line of lines) {
    const key = line.percentage.toFixed();
    const bucket = perRate.get(key) ?? { percentage: line.percentage, excl: new D(0), incl: new D(0), tax: new D(0) };
    const base = line.number.times(line.priceExcl).times(factor(line));
    if (method === "excl") bucket.excl = bucket.excl.plus(round2(base));
    else bucket.incl = bucket.incl.plus(round2(base.times(new D(1).plus(line.percentage.div(100)))));
    perRate.set(key, bucket);
  }
  const summary: VatPerRateJson[] = [];
  let excl = new D(0), tax = new D(0), incl = new D(0);
  for (const b of perRate.values()) {
    if (method === "excl") {
      b.tax = round2(b.excl.times(b.percentage).div(100));
      b.incl = b.excl.plus(b.tax);
    } else {
      b.tax = round2(b.incl.times(b.percentage).div(new D(100).plus(b.percentage)));
      b.excl = b.incl.minus(b.tax);
    }
    excl = excl.plus(b.excl); tax = tax.plus(b.tax); incl = incl.plus(b.incl);
    summary.push({ TaxPercentage: b.percentage.toFixed(), AmountExcl: money2(b.excl), AmountTax: money2(b.tax), AmountIncl: money2(b.incl) });
  }
  return { AmountExcl: money2(excl), AmountTax: money2(tax), AmountIncl: money2(incl), summary };
}
