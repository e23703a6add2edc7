import Decimal from "decimal.js";
import { cents, D, money } from "@/lib/domain/money";
import { fitUnitPrice } from "@/lib/domain/unit-price";

const MAX_DECIMALS = 6;

/**
 * e-Boekhouden invoices take a quantity and a price per unit and compute the line total itself:
 * the price is fitted to the line total (lib/domain/unit-price.ts) with up to 6 decimals.
 */
export function unitPriceFor(total: Decimal, quantity: Decimal): { quantity: Decimal; price: Decimal } {
  const target = cents(total);
  // A zero quantity cannot carry an amount: book one unit of the total so no cent disappears.
  if (quantity.isZero() && target.isZero()) return { quantity, price: target };
  const fit = fitUnitPrice(target, quantity, MAX_DECIMALS);
  return fit ? { quantity, price: fit.price } : { quantity: new D(1), price: target };
}

/** Quantities keep at most 4 decimals in e-Boekhouden; beyond that the line is booked as one unit. */
export function bookableQuantity(quantity: string): Decimal | undefined {
  const q = money(quantity, "quantity");
  return q.decimalPlaces() <= 4 ? q : undefined;
}

/** An amount as e-Boekhouden's decimal text: at least two decimals ("12.40", "2.753"). */
export const amountText = (value: Decimal) => value.toFixed(Math.max(2, value.decimalPlaces()));
