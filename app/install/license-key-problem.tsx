import Link from "next/link";
import { redirect } from "next/navigation";
import { sourceSystemSchema, systemNames } from "@/connectors/types";
import { LanguageSwitcher } from "@/components/language-switcher";
import { currentAccount } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/locale";
import { licenseKeyMessages } from "@/lib/i18n/messages/signup-license-key";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { licenseKeyProblem } from "@/lib/install/license-key-problem";
import { installMethodOf } from "@/lib/signup/integration-pairs";

const button = "inline-block rounded-md px-4 py-2 text-sm font-medium";

/**
 * /install/<key> when the wizard cannot open: says why (unknown key, cancelled on a date, log in
 * first) and what to do next, in the visitor's language.
 */
export async function LicenseKeyProblemPage({ licenseKey }: { licenseKey: string }) {
  const session = await currentAccount();
  const problem = await licenseKeyProblem(db(), licenseKey, session);
  if (problem.kind === "other-case") redirect(`/install/${encodeURIComponent(problem.licenseKey)}`);
  const locale = await requestLocale();
  const t = translator(licenseKeyMessages, locale);
  const key = problem.kind === "unknown" ? licenseKey : problem.licenseKey;
  const title = problem.kind === "unknown" ? t("unknownTitle") : problem.kind === "cancelled" ? t("cancelledTitle") : t("loginTitle");
  const source = problem.kind === "cancelled" ? sourceSystemSchema.safeParse(problem.sourceSystem).data : undefined;

  return (
    <main className="mx-auto mt-16 max-w-lg space-y-4 px-6">
      <div className="flex justify-end"><LanguageSwitcher locale={locale} back={`/install/${encodeURIComponent(licenseKey)}`} /></div>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {problem.kind === "unknown" && t("unknownText", { key })}
        {problem.kind === "cancelled" && t("cancelledText", { key, date: formatDate(locale, problem.cancelledAt) })}
        {problem.kind === "login" && (problem.signedInElsewhere ? t("otherLoginText", { key }) : t("loginText", { key }))}
      </div>
      <div className="space-y-2 text-sm">
        {problem.kind === "unknown" && <><p>{t("unknownCheck")}</p><p>{t("unknownSignUp")}</p></>}
        {problem.kind === "cancelled" && (
          <>
            <p>{t("cancelledAgain")}</p>
            {source && installMethodOf(source) === "app-store" && <p>{t("cancelledAppStore", { source: systemNames[source] })}</p>}
          </>
        )}
      </div>
      <p className="flex flex-wrap gap-3">
        {problem.kind !== "login" && <Link href="/integrations" className={`${button} bg-green-600 text-white`}>{t("integrations")}</Link>}
        {session
          ? <Link href="/dashboard" className={`${button} border border-slate-300`}>{t("dashboard")}</Link>
          : <Link href="/login" className={`${button} ${problem.kind === "login" ? "bg-slate-900 text-white" : "border border-slate-300"}`}>{t("login")}</Link>}
      </p>
      <p className="text-sm text-slate-600">{t("support", { support: env().SUPPORT_EMAIL })}</p>
    </main>
  );
}
