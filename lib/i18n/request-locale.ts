import { cookies, headers } from "next/headers";
import { cache } from "react";
import { currentAccount } from "../auth/session";
import { db } from "../db/client";
import { chooseLocale, parseLocale, type Locale } from "./locale";

/** The cookie the language switcher sets (for visitors; signed-in merchants also store it on their account). */
export const LOCALE_COOKIE = "locale";

/**
 * The language of this request: the signed-in merchant's own choice, else the switcher's cookie,
 * else the browser's Accept-Language, else English.
 */
// Memoized per request: the root layout, the section layout and the page all ask.
export const requestLocale = cache(async (): Promise<Locale> => {
  const account = await currentAccount();
  const row = account ? await db().account.findUnique({ where: { id: account.accountId }, select: { locale: true } }) : null;
  return row ? parseLocale(row.locale) : visitorLocale();
});

/** The language of a visitor who is not signed in (public pages, install pages). */
export async function visitorLocale(): Promise<Locale> {
  return chooseLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: (await headers()).get("accept-language") });
}
