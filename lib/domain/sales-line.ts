import { cents, D, type Dec } from "./money";
import type { SalesLine } from "./sales-document";

/**
 * A SalesLine from the Decimal amounts a source worked out, the same way for every source:
 * unit prices kept to six decimals (enough to reproduce each line total to the cent), discounts
 * and totals rounded half-up to cents, and the VAT the difference of the rounded totals, so every
 * line adds up to the cent.
 */
export type Amounts = { excl: Dec; incl: Dec };

const UNIT_DP = 6;
const none: Amounts = { excl: new D(0), incl: new D(0) };

export function salesLine(input: {
  kind: SalesLine["kind"];
  description: string;
  code?: string;
  quantity: Dec;
  vatRate: Dec;
  unitPrice: Amounts;
  /** The line total after discount (before rounding). */
  total: Amounts;
  discount?: Amounts;
}): SalesLine {
  const totalExcl = cents(input.total.excl);
  const totalIncl = cents(input.total.incl);
  const discount = input.discount ?? none;
  return {
    kind: input.kind,
    code: input.code,
    description: input.description,
    quantity: input.quantity.toFixed(),
    vatRate: input.vatRate.toFixed(),
    unitPriceExcl: input.unitPrice.excl.toDecimalPlaces(UNIT_DP).toFixed(),
    unitPriceIncl: input.unitPrice.incl.toDecimalPlaces(UNIT_DP).toFixed(),
    discountExcl: cents(discount.excl).toFixed(),
    discountIncl: cents(discount.incl).toFixed(),
    totalExcl: totalExcl.toFixed(),
    totalIncl: totalIncl.toFixed(),
    vatAmount: totalIncl.minus(totalExcl).toFixed(),
  };
}

/** The manuals' "if the rate is smaller than 1, the VAT percentage is multiplied by 100" (0.21 → 21). */
export const asPercentage = (rate: Dec): Dec => (rate.gt(0) && rate.lt(1) ? rate.times(100) : rate);
