import { DEFAULT_LOCALE, localeFromAcceptLanguage, parseLocale, type Locale } from "../i18n/locale";
import { LOCALE_COOKIE } from "../i18n/request-locale";

/**
 * The language of a route handler's answer, from the request itself (route handlers are also
 * called directly in tests, outside Next's request scope): the signed-in account's language when
 * known, else the switcher's cookie, else Accept-Language, else English.
 */
export function localeOfRequest(req: Request, accountLocale?: string | null): Locale {
  if (accountLocale) return parseLocale(accountLocale);
  const cookie = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (cookie) return parseLocale(decodeURIComponent(cookie));
  return localeFromAcceptLanguage(req.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}
