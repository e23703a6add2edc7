import Link from "next/link";
import { redirect } from "next/navigation";
import { currentAccount } from "@/lib/auth/session";
import { LanguageSwitcher } from "@/components/language-switcher";
import { LoginForm } from "@/components/login-form";
import { loginMessages } from "@/lib/i18n/messages/login";
import { passwordResetMessages } from "@/lib/i18n/messages/password-reset";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ installed?: string | string[]; reset?: string }> }) {
  if (await currentAccount()) redirect("/dashboard");
  const locale = await visitorLocale();
  const t = translator(loginMessages, locale);
  const reset = translator(passwordResetMessages, locale);
  const { installed, reset: wasReset } = await searchParams;
  const licenseKey = typeof installed === "string" ? installed.slice(0, 100) : undefined;
  return (
    <main className="mx-auto mt-16 max-w-sm px-6 sm:mt-24">
      <div className="flex justify-end"><LanguageSwitcher locale={locale} back="/login" /></div>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {licenseKey && <p className="mt-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{t("installed", { licenseKey })}</p>}
      {wasReset === "1" && <p role="status" className="mt-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{reset("resetDone")}</p>}
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <LoginForm locale={locale} />
      <p className="mt-4 text-sm"><Link href="/forgot-password" className="text-blue-700 hover:underline">{reset("forgotLink")}</Link></p>
    </main>
  );
}
