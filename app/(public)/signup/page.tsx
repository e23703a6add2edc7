import Link from "next/link";
import { sourceSystemSchema, systemNames, targetSystemSchema } from "@/connectors/types";
import { TrialForm } from "@/components/trial-form";
import { signupMessages } from "@/lib/i18n/messages/signup";
import { visitorLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { trialFormOptions } from "@/lib/signup/form-options";
import { PublicFooter, PublicHeader } from "../public-header";
import { signUpAction } from "./actions";

export const dynamic = "force-dynamic";

/** The trial sign-up, for the pair chosen on the integrations page (`?source=…&target=…`, changeable here). */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const source = sourceSystemSchema.safeParse(query.source).data;
  const target = targetSystemSchema.safeParse(query.target).data;
  const locale = await visitorLocale();
  const t = translator(signupMessages, locale);
  const options = trialFormOptions(locale);
  const back = `/signup${source || target ? `?${new URLSearchParams({ ...(source && { source }), ...(target && { target }) })}` : ""}`;

  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <PublicHeader locale={locale} back={back} />
      <div className="mx-auto mt-12 max-w-lg">
        <h1 className="text-2xl font-semibold">{t("pageTitle")}</h1>
        {source && target && <p className="mt-1 text-lg text-slate-700">{systemNames[source]} → {systemNames[target]}</p>}
        <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
        <div className="mt-6">
          <TrialForm
            locale={locale}
            action={signUpAction}
            initial={{ source: source ?? "", target: target ?? "", locale }}
            countries={options.countries}
            sources={options.sources}
            targets={options.targets}
            submitLabel={t("submit")}
            label={t("pageTitle")}
          />
        </div>
        <p className="mt-6 text-sm"><Link href="/integrations" className="underline">{t("backToIntegrations")}</Link></p>
      </div>
      <PublicFooter locale={locale} />
    </main>
  );
}
