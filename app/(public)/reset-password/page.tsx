import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher";
import { focusRing } from "@/components/ui-classes";
import { findResetToken, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/client";
import { passwordResetMessages } from "@/lib/i18n/messages/password-reset";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { resetPasswordAction } from "./actions";

export const dynamic = "force-dynamic";

/** Step 2 of a password reset, from the mailed link: the new password, or why the link no longer works. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; error?: string }> }) {
  const locale = await visitorLocale();
  const t = translator(passwordResetMessages, locale);
  const { token: raw, error } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const found = await findResetToken(db(), token);
  const input = `mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 ${focusRing}`;
  const problem = error === "too_short" ? t("resetTooShort", { min: MIN_PASSWORD_LENGTH }) : error === "mismatch" ? t("resetMismatch") : null;
  return (
    <main className="mx-auto mt-16 max-w-sm px-6 sm:mt-24">
      <div className="flex justify-end"><LanguageSwitcher locale={locale} back={`/reset-password?token=${encodeURIComponent(token)}`} /></div>
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      {!found ? (
        <>
          <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("resetInvalidLink")}</p>
          <p className="mt-4 text-sm"><Link href="/forgot-password" className="text-blue-700 hover:underline">{t("resetRequestNew")}</Link></p>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("resetIntro", { email: found.email, min: MIN_PASSWORD_LENGTH })}</p>
          <form action={resetPasswordAction} className="mt-6 space-y-4">
            <input type="hidden" name="token" value={token} />
            <label className="block">
              <span className="text-sm font-medium">{t("newPassword")}</span>
              <input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} className={input} />
            </label>
            <label className="block">
              <span className="text-sm font-medium">{t("confirmPassword")}</span>
              <input name="confirm" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} className={input} />
            </label>
            {problem && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p>}
            <button type="submit" className={`w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 ${focusRing}`}>{t("resetSubmit")}</button>
          </form>
        </>
      )}
    </main>
  );
}
