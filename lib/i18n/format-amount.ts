import type Decimal from "decimal.js";
import { formatMoney, type Locale } from "./locale";

/**
 * A stored amount with the currency the shop sent: formatMoney, but a currency code Intl does not
 * know (a shop's typo) is written as the code instead of failing the whole page.
 */
export function formatAmount(locale: Locale, amount: Decimal.Value | { toFixed(): string }, currency: string | null | undefined): string {
  const value = typeof amount === "object" && amount !== null && "toFixed" in amount ? amount.toFixed() : (amount as Decimal.Value);
  const code = currency?.trim().toUpperCase() || "EUR";
  try {
    return formatMoney(locale, value, code);
  } catch {
    return formatMoney(locale, value).replace("€", `${code}${locale === "nl" ? "" : " "}`);
  }
}
