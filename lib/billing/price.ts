import Decimal from "decimal.js";
import { env, type Env } from "../config/env";
import { cents, D } from "../domain/money";

/** The price of one year of one integration: excl. VAT, the VAT (rounded once, half-up), incl. VAT. */
export type SubscriptionPrice = { exclVat: Decimal; vatRate: Decimal; vat: Decimal; inclVat: Decimal };

export function priceOf(exclVat: Decimal.Value, vatRate: Decimal.Value): SubscriptionPrice {
  const excl = cents(new D(exclVat));
  const rate = new D(vatRate);
  const vat = cents(excl.times(rate).dividedBy(100));
  return { exclVat: excl, vatRate: rate, vat, inclVat: excl.plus(vat) };
}

/** From the configuration (SUBSCRIPTION_PRICE_EXCL_VAT, SUBSCRIPTION_VAT_RATE). */
export const subscriptionPrice = (e: Env = env()) => priceOf(e.SUBSCRIPTION_PRICE_EXCL_VAT, e.SUBSCRIPTION_VAT_RATE);
