import Link from "next/link";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { listIntegrations } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { commonTranslator, labelOf } from "@/lib/i18n/messages/common";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { StatusDot } from "@/components/status-dot";
import { focusRing } from "@/components/ui-classes";

export default async function DashboardPage() {
  const { accountId } = await requireAccount();
  const integrations = await listIntegrations(db(), accountId);
  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const c = commonTranslator(locale);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("yourIntegrations")}</h1>
      {integrations.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white px-5 py-6 text-slate-600">{t("noIntegrations")}</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {integrations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-5">
              <div className="min-w-0">
                <Link href={`/dashboard/${i.id}/report`} className={`rounded font-medium hover:underline ${focusRing}`}>{i.name}</Link>
                <p className="text-sm break-words text-slate-600">
                  {systemNames[i.sourceSystem as SystemId] ?? i.sourceSystem} → {systemNames[i.targetSystem as SystemId] ?? i.targetSystem}
                  {" · "}<span className="font-mono break-all">{i.licenseKey}</span>
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-4 text-sm">
                {i.connections.map((conn) => (
                  <StatusDot key={conn.side} status={conn.status} label={conn.side === "source" ? c("webshop") : c("accounting")} locale={locale} />
                ))}
                <span className="rounded bg-slate-100 px-2 py-0.5">{labelOf(locale, "integration", i.status)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
