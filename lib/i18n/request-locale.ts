import { cookies, headers } from "next/headers";
import { currentAccount } from "../auth/session";
import { db } from "../db/client";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, parseLocale, type Locale } from "./locale";

/** The cookie the language switcher sets (for visitors; signed-in merchants also store it on their account). */
export const LOCALE_COOKIE = "locale";

/**
 * The language of this request: the signed-in merchant's own choice, else the switcher's cookie,
 * else the browser's Accept-Language, else English.
 */
export async function requestLocale(): Promise<Locale> {
  const account = await currentAccount();
  if (account) {
    const row = await db().account.findUnique({ where: { id: account.accountId }, select: { locale: true } });
    if (row) return parseLocale(row.locale);
  }
  return visitorLocale();
}

/** The language of a visitor who is not signed in (public pages, install pages). */
export async function visitorLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (cookie) return parseLocale(cookie);
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}
