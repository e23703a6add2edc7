import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher";
import { focusRing } from "@/components/ui-classes";
import { passwordResetMessages } from "@/lib/i18n/messages/password-reset";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { requestResetAction } from "./actions";

export const dynamic = "force-dynamic";

/** Step 1 of a password reset: the address to mail the link to. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string | string[]; error?: string }> }) {
  const locale = await visitorLocale();
  const t = translator(passwordResetMessages, locale);
  const { sent, error } = await searchParams;
  const sentTo = typeof sent === "string" ? sent.slice(0, 254) : undefined;
  return (
    <main className="mx-auto mt-16 max-w-sm px-6 sm:mt-24">
      <div className="flex justify-end"><LanguageSwitcher locale={locale} back="/forgot-password" /></div>
      <h1 className="text-2xl font-semibold">{t("requestTitle")}</h1>
      {sentTo ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{t("requestSent", { email: sentTo })}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("requestIntro")}</p>
          <form action={requestResetAction} className="mt-6 space-y-4">
            <label className="block">
              <span className="text-sm font-medium">{t("email")}</span>
              <input name="email" type="email" autoComplete="username" required className={`mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 ${focusRing}`} />
            </label>
            {error === "invalid" && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("requestInvalid")}</p>}
            <button type="submit" className={`w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 ${focusRing}`}>{t("requestSubmit")}</button>
          </form>
        </>
      )}
      <p className="mt-6 text-sm"><Link href="/login" className="text-blue-700 hover:underline">{t("backToLogin")}</Link></p>
    </main>
  );
}
