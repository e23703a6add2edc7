import Link from "next/link";
import { sourceSystemSchema, systemNames } from "@/connectors/types";
import { env, isSandbox, sandboxUrl } from "@/lib/config/env";
import { integrationsMessages } from "@/lib/i18n/messages/signup-integrations";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { installMethodOf, integrationPairs, sandboxAppStoreLink } from "@/lib/signup/integration-pairs";
import { PublicFooter, PublicHeader } from "../public-header";

export const dynamic = "force-dynamic";

/** Every webshop × accounting pair, grouped by webshop, with the way that webshop is installed. */
export default async function IntegrationsPage() {
  const locale = await visitorLocale();
  const t = translator(integrationsMessages, locale);
  const pairs = integrationPairs();
  const sandbox = isSandbox();

  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <PublicHeader locale={locale} back="/integrations" />
      <h1 className="mt-12 text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-2xl text-slate-600">{t("intro")}</p>

      <div className="mt-10 space-y-8">
        {sourceSystemSchema.options.map((source) => {
          const sourceName = systemNames[source];
          const appStore = installMethodOf(source) === "app-store";
          const storeLink = appStore && sandbox ? sandboxAppStoreLink(source, env().APP_URL, sandboxUrl()) : null;
          return (
            <section key={source} id={source} aria-labelledby={`${source}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id={`${source}-title`} className="text-xl font-semibold">{t("pairsOf", { source: sourceName })}</h2>
              <p className="mt-1 text-sm font-medium text-slate-800">{appStore ? `${t("methodAppStore", { source: sourceName })} · ${t("trialAppStore")}` : t("methodLink")}</p>
              <p className="mt-1 text-sm text-slate-600">{appStore ? t("methodAppStoreText", { source: sourceName }) : t("methodLinkText", { source: sourceName })}</p>
              {storeLink && (
                <p className="mt-3 text-sm">
                  <a href={storeLink} className="inline-block rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">{t("sandboxAppStore", { source: sourceName })}</a>
                  <span className="ml-2 text-slate-600">{t("sandboxNote", { source: sourceName })}</span>
                </p>
              )}
              {appStore && <p className="mt-3 text-sm text-slate-600">{t("appStoreSignupText")}</p>}
              <ul className="mt-4 divide-y divide-slate-100" aria-label={t("pairsOf", { source: sourceName })}>
                {pairs.filter((p) => p.source === source).map(({ target }) => {
                  const pair = { source: sourceName, target: systemNames[target] };
                  return (
                    <li key={target} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        <span className="font-medium">{t("pair", pair)}</span>
                        <span className="ml-2 text-xs text-slate-500">{t("trialLink")}</span>
                      </span>
                      <Link href={`/signup?source=${source}&target=${target}`} aria-label={t("startTrialFor", pair)}
                        className="rounded-md bg-green-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-700">
                        {t("startTrial")}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      <PublicFooter locale={locale} />
    </main>
  );
}
