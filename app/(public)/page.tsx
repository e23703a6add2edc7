import Link from "next/link";
import { sourceSystemSchema, systemNames, targetSystemSchema } from "@/connectors/types";
import { landingMessages } from "@/lib/i18n/messages/signup-landing";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { PublicFooter, PublicHeader } from "./public-header";

export const dynamic = "force-dynamic";

const promises = [1, 2, 3] as const;

export default async function LandingPage() {
  const locale = await visitorLocale();
  const t = translator(landingMessages, locale);
  return (
    <main className="mx-auto max-w-4xl px-6 py-10 sm:py-16">
      <PublicHeader locale={locale} back="/" />
      <section className="mt-16">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("heroTitle")}</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">{t("heroText")}</p>
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <Link href="/integrations" className="rounded-md bg-green-600 px-5 py-2.5 font-medium text-white hover:bg-green-700">{t("ctaTrial")}</Link>
          <span className="text-sm text-slate-600">{t("ctaTrialNote")}</span>
        </div>
      </section>
      <section className="mt-12 grid gap-6 sm:grid-cols-3">
        {promises.map((n) => (
          <div key={n} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold">{t(`promise${n}Title`)}</h2>
            <p className="mt-2 text-sm text-slate-600">{t(`promise${n}Text`)}</p>
          </div>
        ))}
      </section>
      <section className="mt-12 grid gap-8 sm:grid-cols-2">
        <div>
          <h2 className="text-xl font-semibold">{t("webshops")}</h2>
          <ul className="mt-3 list-disc pl-5 text-slate-700" aria-label={t("webshopsList")}>
            {sourceSystemSchema.options.map((id) => <li key={id}>{systemNames[id]}</li>)}
          </ul>
        </div>
        <div>
          <h2 className="text-xl font-semibold">{t("accounting")}</h2>
          <ul className="mt-3 list-disc pl-5 text-slate-700" aria-label={t("accountingList")}>
            {targetSystemSchema.options.map((id) => <li key={id}>{systemNames[id]}</li>)}
          </ul>
        </div>
      </section>
      <p className="mt-10"><Link href="/integrations" className="font-medium text-slate-900 underline">{t("ctaIntegrations")}</Link></p>
      <PublicFooter locale={locale} />
    </main>
  );
}
