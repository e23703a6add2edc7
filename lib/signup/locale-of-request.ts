import { chooseLocale, type Locale } from "../i18n/locale";
import { LOCALE_COOKIE } from "../i18n/request-locale";

/**
 * The language of a route handler's answer, from the request itself (route handlers are also
 * called directly in tests, outside Next's request scope): the signed-in account's language when
 * known, else the switcher's cookie, else Accept-Language, else English.
 */
export function localeOfRequest(req: Request, accountLocale?: string | null): Locale {
  const cookie = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return chooseLocale({ account: accountLocale, cookie: cookie && decodeURIComponent(cookie), acceptLanguage: req.headers.get("accept-language") });
}
