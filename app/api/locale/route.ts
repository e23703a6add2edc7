import { NextResponse } from "next/server";
import { currentAccount } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locale";
import { LOCALE_COOKIE } from "@/lib/i18n/request-locale";

/**
 * The language switcher: remembers the choice in a cookie and, for a signed-in merchant, on the
 * account (mails follow it too), then goes back to the page it came from.
 */
export async function POST(req: Request) {
  // Not a form (a JSON or empty body): no language chosen, back to the start page.
  const form = await req.formData().catch(() => new FormData());
  const locale = form.get("locale");
  const back = String(form.get("back") ?? "/");
  // Only a path on this site: never an open redirect.
  const target = new URL(back.startsWith("/") && !back.startsWith("//") ? back : "/", env().APP_URL);
  const res = NextResponse.redirect(target, 303);
  if (!isLocale(locale)) return res;
  res.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  const account = await currentAccount();
  if (account) await db().account.update({ where: { id: account.accountId }, data: { locale } });
  return res;
}
