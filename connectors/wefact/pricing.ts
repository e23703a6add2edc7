import Decimal from "decimal.js";
import { cents, D, money } from "@/lib/domain/money";
import { fitUnitPrice } from "@/lib/domain/unit-price";

/** WeFact keeps unit prices with at most this many decimals [I]; more would be rounded away by WeFact. */
export const PRICE_DECIMALS = 5;

/**
 * With VatCalcMethod "incl" WeFact computes each line incl. VAT from quantity × PriceExcl × (1 + rate)
 * rounded to cents, and derives the VAT per rate from those incl. amounts. So we derive PriceExcl
 * from the shop's line total incl. VAT (never from a rounded unit price), with the fewest decimals
 * (at least 2) for which WeFact lands exactly on that total. Returns `perUnit: false` when no price
 * with PRICE_DECIMALS does (huge quantities): the line is then booked as one unit of its total.
 */
export function inclPricing(totalIncl: string, quantity: string, vatRate: string): { quantity: Decimal; priceExcl: Decimal; perUnit: boolean } {
  const total = cents(money(totalIncl, "line total incl. VAT"));
  const qty = money(quantity, "quantity");
  const factor = new D(1).plus(money(vatRate, "VAT percentage").div(100));
  const perUnit = fitUnitPrice(total, qty, PRICE_DECIMALS, factor);
  if (perUnit) return { quantity: qty, priceExcl: perUnit.price, perUnit: true };
  if (qty.isZero() && total.isZero()) return { quantity: qty, priceExcl: new D(0), perUnit: true };
  const one = new D(1);
  const whole = fitUnitPrice(total, one, PRICE_DECIMALS, factor);
  if (whole) return { quantity: one, priceExcl: whole.price, perUnit: false };
  // Unreachable for real rates: 5 decimals × (1 + rate) always lands within half a cent.
  throw new Error(`cannot price ${totalIncl} at ${vatRate}% in WeFact`);
}

/** A decimal as WeFact's text: at least two decimals ("20.65", "20.61983", "-4.13"). */
export function amountText(value: Decimal): string {
  return value.toFixed(Math.max(2, Math.min(value.decimalPlaces(), PRICE_DECIMALS)));
}
