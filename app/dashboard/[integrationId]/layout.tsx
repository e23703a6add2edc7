import { notFound } from "next/navigation";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { IntegrationTabs } from "./integration-tabs";

const tabs = ["report", "errors", "open", "payments", "configuration"] as const;

export default async function IntegrationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  const t = translator(dashboardMessages, await requestLocale());
  return (
    <>
      <h1 className="text-2xl font-semibold break-words">{integration.name}</h1>
      <p className="text-sm break-words text-slate-600">
        {systemNames[integration.sourceSystem as SystemId]} → {systemNames[integration.targetSystem as SystemId]} · {t("licenseKey")}{" "}
        <span className="font-mono break-all">{integration.licenseKey}</span>
      </p>
      <IntegrationTabs
        label={t("integrationTabs")}
        tabs={tabs.map((tab) => ({ href: `/dashboard/${integration.id}/${tab}`, label: t(`tab.${tab}`) }))}
      />
      <div className="mt-6">{children}</div>
    </>
  );
}
