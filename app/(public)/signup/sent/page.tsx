import Link from "next/link";
import { isSandbox } from "@/lib/config/env";
import { signupMessages } from "@/lib/i18n/messages/signup";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { PublicFooter, PublicHeader } from "../../public-header";

export const dynamic = "force-dynamic";

/**
 * After the sign-up: check your mail. The same page whether the address was new or already had a
 * login, so it reveals nothing about other people's accounts.
 */
export default async function SignUpSentPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  const raw = (await searchParams).to;
  const to = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 254) ?? "";
  const locale = await visitorLocale();
  const t = translator(signupMessages, locale);
  const back = `/signup/sent${to ? `?to=${encodeURIComponent(to)}` : ""}`;
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <PublicHeader locale={locale} back={back} />
      <div className="mx-auto mt-12 max-w-lg space-y-4">
        <h1 className="text-2xl font-semibold">{t("sentTitle")}</h1>
        <p>{t("sentText", { email: to })}</p>
        <p className="text-sm text-slate-600">{t("sentNoMail")}</p>
        {isSandbox() && (
          <div className="rounded-md border border-blue-200 bg-blue-50 p-3 text-sm">
            <p>{t("sentMailboxHelp")}</p>
            <Link href={`/mailbox${to ? `?to=${encodeURIComponent(to)}` : ""}`} className="mt-2 inline-block rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">{t("sentMailbox")}</Link>
          </div>
        )}
      </div>
      <PublicFooter locale={locale} />
    </main>
  );
}
