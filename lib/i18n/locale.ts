import Decimal from "decimal.js";

/** The languages the product speaks: Dutch and English, chosen per merchant (Account.locale). */
export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (locales as readonly string[]).includes(value);

export const parseLocale = (value: unknown, fallback: Locale = DEFAULT_LOCALE): Locale => (isLocale(value) ? value : fallback);

/** The preferred supported language of an Accept-Language header ("nl-BE,nl;q=0.9,en;q=0.8" → nl). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.lang && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale);
}

/**
 * The one rule for a request's language: the signed-in merchant's own choice, else the switcher's
 * cookie, else the browser's Accept-Language, else English.
 */
export function chooseLocale(from: { account?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (from.account) return parseLocale(from.account);
  if (from.cookie) return parseLocale(from.cookie);
  return localeFromAcceptLanguage(from.acceptLanguage) ?? DEFAULT_LOCALE;
}

const intlTag: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/**
 * An amount as the merchant reads it: `€ 1.234,56` in Dutch, `€1,234.56` in English, in the
 * currency the shop sent (euro when none). A code Intl does not know (a shop's typo) is written as
 * the code instead of failing the page. Formatting only: the Decimal is rounded half-up to cents
 * here for display, never for arithmetic.
 */
export function formatMoney(locale: Locale, amount: Decimal.Value | { toFixed(): string }, currency?: string | null): string {
  const value = new Decimal(typeof amount === "object" && !Decimal.isDecimal(amount) ? amount.toFixed() : (amount as Decimal.Value)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole = "0", cents = "00"] = value.abs().toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "nl" ? "." : ",");
  const number = locale === "nl" ? `${grouped},${cents}` : `${grouped}.${cents}`;
  const symbol = currencySymbol(currency?.trim().toUpperCase() || "EUR");
  const sign = value.isNegative() && !value.isZero() ? "-" : "";
  if (locale === "nl") return `${symbol} ${sign}${number}`;
  // English puts a sign right against the amount, a letter code with a space (CHF 10.00).
  return `${sign}${symbol}${/^[A-Z]{2,}$/.test(symbol) ? " " : ""}${number}`;
}

function currencySymbol(currency: string): string {
  if (currency === "EUR") return "€";
  try {
    const part = new Intl.NumberFormat("en", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency");
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

/** A calendar date: 21-11-2026 in Dutch, 21 Nov 2026 in English (UTC, as stored). */
export function formatDate(locale: Locale, date: Date): string {
  return locale === "nl"
    ? new Intl.DateTimeFormat(intlTag.nl, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(date)
    : new Intl.DateTimeFormat(intlTag.en, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A moment, to the minute, in Dutch/Belgian time (Europe/Amsterdam). */
export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(intlTag[locale], {
    day: "2-digit", month: locale === "nl" ? "2-digit" : "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam",
  }).format(date);
}
