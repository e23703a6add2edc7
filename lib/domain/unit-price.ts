import Decimal from "decimal.js";
import { cents, D, type Dec } from "./money";

/**
 * Targets that take a quantity and a unit price compute each line total themselves:
 * cents(quantity × price), or cents(quantity × price × (1 + rate)) where they work incl. VAT.
 * This derives the price from the line total (never from a rounded unit price), with the fewest
 * decimals (at least 2, at most `maxDecimals`) for which the target lands exactly on `total`:
 * 3 × 2.753 = 8.259 → 8.26, where 3 × 2.75 would lose a cent. Undefined when no such price
 * exists (a zero quantity, or too many units for `maxDecimals`): each target books those its own way.
 */
export function fitUnitPrice(total: Dec, quantity: Dec, maxDecimals: number, factor: Dec = new D(1)): { price: Dec; decimals: number } | undefined {
  if (quantity.isZero()) return undefined;
  const exact = total.div(factor).div(quantity);
  for (let decimals = 2; decimals <= maxDecimals; decimals++) {
    const price = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    if (cents(quantity.times(price).times(factor)).eq(total)) return { price, decimals };
  }
  return undefined;
}
