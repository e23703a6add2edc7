import { env } from "@/lib/config/env";
import { termsMessages } from "@/lib/i18n/messages/signup-terms";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { TERMS_VERSION } from "@/lib/signup/terms";
import { PublicFooter, PublicHeader } from "../public-header";

export const dynamic = "force-dynamic";

const sections = ["service", "trial", "data", "care", "changes"] as const;

export default async function TermsPage() {
  const locale = await visitorLocale();
  const t = translator(termsMessages, locale);
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <PublicHeader locale={locale} back="/terms" />
      <article className="mx-auto mt-12 max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("version", { version: TERMS_VERSION })}</p>
        <p>{t("intro")}</p>
        {sections.map((s) => (
          <section key={s}>
            <h2 className="font-semibold">{t(`${s}Title`)}</h2>
            <p className="mt-1 text-slate-700">{t(`${s}Text`)}</p>
          </section>
        ))}
        <p className="text-sm text-slate-600">{t("contact", { support: env().SUPPORT_EMAIL })}</p>
      </article>
      <PublicFooter locale={locale} />
    </main>
  );
}
