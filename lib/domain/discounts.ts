import type Decimal from "decimal.js";
import { cents, D, money, sum } from "./money";
import type { SalesLine } from "./sales-document";

/**
 * An order-level discount ("10% off the order", a coupon of €5) has no VAT rate of its own: it is
 * spread over the VAT rates of the lines it discounts, in proportion to their amounts incl. VAT
 * (as the PrestaShop and CCV manuals describe), and each part is booked at its own rate. The parts
 * add up to the discount to the cent: the cents left after rounding go to the largest parts first.
 */
export type OrderDiscount = {
  /** Positive = a price reduction. */
  amount: Decimal;
  /** Whether `amount` includes VAT (most shops) or is given excl. VAT. */
  includesVat: boolean;
  description: string;
};

const hundred = new D(100);

/** Splits `total` over `weights` in proportion, in whole cents that add up to `total` exactly. */
export function splitInCents(total: Decimal, weights: Decimal[]): Decimal[] {
  const weightSum = sum(weights);
  if (weightSum.isZero()) return weights.map((_, i) => (i === 0 ? cents(total) : new D(0)));
  const totalCents = cents(total).times(100);
  const exact = weights.map((w) => totalCents.times(w).div(weightSum));
  const floored = exact.map((e) => e.toDecimalPlaces(0, D.ROUND_FLOOR));
  let left = totalCents.minus(sum(floored)).toNumber();
  // Largest remainder first; ties go to the larger weight, then the earlier rate, so the result is stable.
  const order = exact
    .map((e, i) => ({ i, rest: e.minus(floored[i]!), weight: weights[i]! }))
    .sort((a, b) => b.rest.cmp(a.rest) || b.weight.cmp(a.weight) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floored[i] = floored[i]!.plus(1);
    left -= 1;
  }
  return floored.map((c) => c.div(100));
}

/**
 * The discount as one negative line per VAT rate of the discounted lines (product lines; all lines
 * when there are none), with cents-exact excl., VAT and incl. amounts.
 */
export function allocateDiscount(lines: SalesLine[], discount: OrderDiscount, sign: 1 | -1 = 1): SalesLine[] {
  if (discount.amount.isZero()) return [];
  const products = lines.filter((l) => l.kind === "product");
  const base = products.length ? products : lines;
  const byRate = new Map<string, Decimal>();
  for (const line of base) {
    const rate = money(line.vatRate).toFixed();
    byRate.set(rate, (byRate.get(rate) ?? new D(0)).plus(money(line.totalIncl).abs()));
  }
  const rates = [...byRate.keys()];
  const parts = splitInCents(discount.amount.abs(), rates.map((r) => byRate.get(r)!));
  return rates
    .map((rate, i) => discountLine(discount, new D(rate), parts[i]!, sign))
    .filter((line) => !money(line.totalIncl).isZero() || !money(line.totalExcl).isZero());
}

function discountLine(discount: OrderDiscount, rate: Decimal, part: Decimal, sign: 1 | -1): SalesLine {
  const factor = rate.div(hundred).plus(1);
  const excl = discount.includesVat ? cents(part.div(factor)) : part;
  const incl = discount.includesVat ? part : cents(part.times(factor));
  const negative = (d: Decimal) => d.times(-sign).toFixed(2);
  return {
    kind: "discount",
    description: discount.description,
    quantity: String(sign),
    vatRate: rate.toFixed(),
    unitPriceExcl: excl.neg().toFixed(2),
    unitPriceIncl: incl.neg().toFixed(2),
    discountExcl: "0",
    discountIncl: "0",
    totalExcl: negative(excl),
    totalIncl: negative(incl),
    vatAmount: negative(incl.minus(excl)),
  };
}
