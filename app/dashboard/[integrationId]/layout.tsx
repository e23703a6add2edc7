import { notFound } from "next/navigation";
import { systemNames, type SystemId } from "@/connectors/types";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { dashboardMessages } from "@/lib/i18n/messages/dashboard";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { pollingSources } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import { fetchNowMessages } from "@/lib/i18n/messages/fetch-now";
import { canFetch } from "@/lib/integrations/lifecycle";
import { FetchNowButton } from "./fetch-now-button";
import { IntegrationTabs } from "./integration-tabs";
import { LicenseSwitcher } from "./license-switcher";
import { SubscriptionStatus } from "./subscription-status";
import { AskUs } from "@/components/ask-us";
import { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import { ChangedAfterBooking } from "./documents/changed-after-booking";
import { historyImportMessages } from "@/lib/i18n/messages/history-import";

const tabs = ["report", "errors", "open", "payments", "configuration"] as const;

export default async function IntegrationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  const { accountId } = await requireAccount();
  const integration = await findIntegration(db(), accountId, integrationId);
  if (!integration) notFound();
  const locale = await requestLocale();
  const t = translator(dashboardMessages, locale);
  const fetchNow = translator(fetchNowMessages, locale);
  // Polling shops are asked on their interval; Fetch now asks at once (webhook shops announce themselves).
  const polls = pollingSources.has(integration.sourceSystem as SourceSystem) && canFetch(integration.status);
  return (
    <>
      <h1 className="text-2xl font-semibold break-words">{integration.name}</h1>
      <p className="text-sm break-words text-slate-600">
        {systemNames[integration.sourceSystem as SystemId]} → {systemNames[integration.targetSystem as SystemId]} · {t("licenseKey")}{" "}
        <span className="font-mono break-all">{integration.licenseKey}</span>
      </p>
      <LicenseSwitcher accountId={accountId} current={integration.id} />
      <SubscriptionStatus accountId={accountId} integrationId={integration.id} />
      {polls && <div className="mt-2"><FetchNowButton integrationId={integration.id} label={fetchNow("button")} queuedText={fetchNow("queued")} /></div>}
      <div className="mt-3"><AskUs integrationId={integration.id} /></div>
      <ChangedAfterBooking integrationId={integration.id} />
      <IntegrationTabs
        label={t("integrationTabs")}
        tabs={[
          { href: `/dashboard/${integration.id}/overview`, label: translator(reconciliationMessages, locale)("tab.overview") },
          ...tabs.map((tab) => ({ href: `/dashboard/${integration.id}/${tab}`, label: t(`tab.${tab}`) })),
          { href: `/dashboard/${integration.id}/reconciliation`, label: translator(reconciliationMessages, locale)("tab.reconciliation") },
          { href: `/dashboard/${integration.id}/history`, label: translator(historyImportMessages, locale)("tab") },
        ]}
      />
      <div className="mt-6">{children}</div>
    </>
  );
}
