import { cents, D, money } from "@/lib/domain/money";
import { fitUnitPrice } from "@/lib/domain/unit-price";

/**
 * Factuursturen takes a quantity and a unit price and computes the line total itself. We derive
 * the unit price from the line total (never from a rounded unit price) so that quantity × price
 * rounds to exactly that total. Prices are sent with two decimals: how many more Factuursturen
 * keeps is not documented, and a price it rounds would move a cent. When no two-decimal price
 * reproduces the total (3 × 3.33 incl. read excl.), the line is booked as one unit of its total
 * and its description says the quantity ("3 × Pen"), so no cent is lost.
 */
const PRICE_DECIMALS = 2;

export type PricedLine = { amount: string; price: string; description: string };

export function priceLine(total: string, quantity: string, description: string): PricedLine {
  const lineTotal = cents(money(total, "line total"));
  const qty = money(quantity, "quantity");
  const fit = fitUnitPrice(lineTotal, qty, PRICE_DECIMALS);
  if (fit) return { amount: qty.toFixed(), price: fit.price.toFixed(PRICE_DECIMALS), description };
  if (qty.isZero() && lineTotal.isZero()) return { amount: "0", price: new D(0).toFixed(PRICE_DECIMALS), description };
  const shown = qty.isZero() ? description : `${qty.abs().toFixed()} × ${description}`;
  // A credit keeps its sign on the quantity, as the document has it.
  const amount = qty.isNegative() ? "-1" : "1";
  const price = qty.isNegative() ? lineTotal.negated() : lineTotal;
  return { amount, price: price.toFixed(PRICE_DECIMALS), description: shown };
}

/** The VAT percentage as the manual writes it: "21.00", "9.00", "0.00". */
export function taxRate(percentage: string): string {
  const rate = money(percentage, "VAT percentage");
  return rate.toFixed(Math.max(2, rate.decimalPlaces()));
}
