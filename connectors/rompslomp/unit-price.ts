import Decimal from "decimal.js";
import { cents, D, money } from "@/lib/domain/money";

const MAX_DECIMALS = 10;

/**
 * Rompslomp only takes a unit price excl. VAT and a quantity, and computes the line total itself.
 * We derive the unit price from the line total (never from a rounded unit price), with the fewest
 * decimals (at least 2) for which quantity × price rounds to exactly that total: 3 × 2.753 = 8.259
 * → 8.26, where 3 × 2.75 would lose a cent.
 */
export function unitPriceFor(totalExcl: string, quantity: string): { quantity: Decimal; price: Decimal; decimals: number } {
  const total = cents(money(totalExcl, "line total excl. VAT"));
  const qty = money(quantity, "quantity");
  // A zero quantity cannot carry an amount; book one unit of the total so no cent disappears.
  if (qty.isZero()) return total.isZero() ? { quantity: qty, price: new D(0), decimals: 2 } : { quantity: new D(1), price: total, decimals: 2 };
  const exact = total.div(qty);
  for (let decimals = 2; decimals <= MAX_DECIMALS; decimals++) {
    const price = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    if (cents(price.times(qty)).eq(total)) return { quantity: qty, price, decimals };
  }
  // Only reachable for quantities beyond 10^8 units: fall back to one unit of the total.
  return { quantity: new D(1), price: total, decimals: 2 };
}

/** The VAT percentage of the document as Rompslomp's fraction: "21" → "0.21", "9" → "0.09", "0" → "0.00". */
export function vatFraction(percentage: string): string {
  const fraction = money(percentage, "VAT percentage").div(100);
  return fraction.toFixed(Math.max(2, fraction.decimalPlaces()));
}

/** An amount as Rompslomp's decimal string with at least two decimals ("12.40", "2.753"). */
export function amountString(value: Decimal, decimals = 2): string {
  return value.toFixed(Math.max(decimals, 2));
}
