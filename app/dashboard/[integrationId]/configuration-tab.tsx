import Link from "next/link";
import { StatusDot } from "@/components/status-dot";
import { systemNames, type SystemId } from "@/connectors/types";
import type { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/locale";
import { configurationMessages } from "@/lib/i18n/messages/configuration";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { configurationChangedAt } from "@/lib/integrations/configuration-changed";
import { configurationView } from "@/lib/integrations/configuration-view";
import { configListsOf } from "@/lib/integrations/save-configuration";
import { settingsMap } from "@/lib/integrations/settings";
import { refreshConfigurationLists, saveConfiguration } from "./configuration/actions";
import { GroupForm } from "./configuration/group-form";
import { RefreshButton } from "./configuration/refresh-button";

type Integration = NonNullable<Awaited<ReturnType<typeof findIntegration>>>;

const wizardLink = "text-sm font-medium text-blue-700 underline hover:text-blue-600";

/**
 * The Configuration tab: the connections and their state (Edit configuration opens the wizard),
 * then every setting of this integration's webshop and accounting system by what it affects,
 * each group saved on its own.
 */
export async function ConfigurationTab({ integration }: { integration: Integration }) {
  const locale = await requestLocale();
  const t = translator(configurationMessages, locale);
  const settings = settingsMap(await db().integrationSetting.findMany({ where: { integrationId: integration.id }, select: { key: true, value: true } }));
  const groups = configurationView(integration, settings, configListsOf(settings), t);
  const changedAt = await configurationChangedAt(db(), integration.id);
  const source = systemNames[integration.sourceSystem as SystemId] ?? integration.sourceSystem;
  const target = systemNames[integration.targetSystem as SystemId] ?? integration.targetSystem;
  const magento = integration.sourceSystem.startsWith("magento");
  const context = { source, target, documents: t(magento ? "docs.invoices" : "docs.orders") };
  const wizard = `/install/${encodeURIComponent(integration.licenseKey)}`;

  return (
    <div className="space-y-8">
      <section aria-label="Connections">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Connections</h2>
          <Link href={wizard} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500">Edit configuration</Link>
        </div>
        <ul className="mt-3 space-y-2">
          {integration.connections.map((c) => (
            <li key={c.side} className="flex flex-wrap items-center gap-3 text-sm">
              <StatusDot status={c.status} label={c.side === "source" ? "Webshop" : "Accounting"} />
              <span className="break-all text-slate-600">{c.statusDetail ?? (c.lastCheckedAt ? `checked ${c.lastCheckedAt.toISOString()}` : "not checked yet")}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="settings-title" className="space-y-4">
        <div>
          <h2 id="settings-title" className="text-lg font-semibold">{t("title")}</h2>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <p data-testid="configuration-changed" className="text-sm text-slate-600">{changedAt ? t("changed", { date: formatDateTime(locale, changedAt) }) : t("changed.never")}</p>
        </div>
        {groups.map(({ group, fields }) => {
          const title = t(`group.${group}`, context);
          return (
            <section key={group} id={`settings-${group}`} aria-label={title} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{title}</h3>
              {fields.length === 0 ? (
                <p className="text-sm text-slate-600">{group === "fetching" ? t("fetching.webhooks", context) : group === "payments" ? t("group.payments.none", context) : t("group.documents.none", context)}</p>
              ) : (
                <GroupForm title={title} fields={fields} locale={locale} context={context} action={saveConfiguration.bind(null, integration.id, group)} />
              )}
              {group === "documents" && integration.sourceSystem === "prestashop" && (
                <RefreshButton label={t("refresh.statuses")} locale={locale} action={refreshConfigurationLists.bind(null, integration.id, "statuses")} />
              )}
              {group === "booking" && <RefreshButton label={t("refresh.lists")} locale={locale} action={refreshConfigurationLists.bind(null, integration.id, "catalog")} />}
              {group === "vat" && <p className="text-sm text-slate-600">{t("wizard.vat")} <Link href={`${wizard}#vat`} className={wizardLink}>{t("wizard.vat.link")}</Link></p>}
              {group === "payments" && <p className="text-sm text-slate-600">{t("wizard.debtors")} <Link href={`${wizard}#payment-methods`} className={wizardLink}>{t("wizard.debtors.link")}</Link></p>}
            </section>
          );
        })}
      </section>
    </div>
  );
}
