import Decimal from "decimal.js";
import { cents, D, money } from "@/lib/domain/money";

const MAX_DECIMALS = 6;

/**
 * e-Boekhouden invoices take a quantity and a price per unit and compute the line total itself.
 * The price is derived from the line total (never from a rounded unit price), with the fewest
 * decimals (at least 2) for which quantity × price rounds to exactly that total:
 * 3 × 2.753 = 8.259 → 8.26, where 3 × 2.75 would lose a cent.
 */
export function unitPriceFor(total: Decimal, quantity: Decimal): { quantity: Decimal; price: Decimal } {
  const target = cents(total);
  // A zero quantity cannot carry an amount: book one unit of the total so no cent disappears.
  if (quantity.isZero()) return { quantity: target.isZero() ? quantity : new D(1), price: target };
  const exact = target.div(quantity);
  for (let decimals = 2; decimals <= MAX_DECIMALS; decimals++) {
    const price = exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    if (cents(price.times(quantity)).eq(target)) return { quantity, price };
  }
  return { quantity: new D(1), price: target };
}

/** Quantities keep at most 4 decimals in e-Boekhouden; beyond that the line is booked as one unit. */
export function bookableQuantity(quantity: string): Decimal | undefined {
  const q = money(quantity, "quantity");
  return q.decimalPlaces() <= 4 ? q : undefined;
}

/** An amount as e-Boekhouden's decimal text: at least two decimals ("12.40", "2.753"). */
export const amountText = (value: Decimal) => value.toFixed(Math.max(2, value.decimalPlaces()));
