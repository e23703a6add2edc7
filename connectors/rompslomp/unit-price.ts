import Decimal from "decimal.js";
import { cents, D, money } from "@/lib/domain/money";
import { fitUnitPrice } from "@/lib/domain/unit-price";

const MAX_DECIMALS = 10;

/**
 * Rompslomp only takes a unit price excl. VAT and a quantity, and computes the line total itself:
 * the price is fitted to the line total (lib/domain/unit-price.ts) with up to 10 decimals.
 */
export function unitPriceFor(totalExcl: string, quantity: string): { quantity: Decimal; price: Decimal; decimals: number } {
  const total = cents(money(totalExcl, "line total excl. VAT"));
  const qty = money(quantity, "quantity");
  // A zero quantity cannot carry an amount; book one unit of the total so no cent disappears.
  if (qty.isZero() && total.isZero()) return { quantity: qty, price: new D(0), decimals: 2 };
  const fit = fitUnitPrice(total, qty, MAX_DECIMALS);
  // No fit beyond 10^8 units (or at quantity 0): one unit of the total.
  return fit ? { quantity: qty, ...fit } : { quantity: new D(1), price: total, decimals: 2 };
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
