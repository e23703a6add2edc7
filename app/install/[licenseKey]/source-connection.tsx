import { sourceSetups } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import { StatusDot } from "@/components/status-dot";
import { focusRing } from "@/components/ui-classes";
import { env, isSandbox } from "@/lib/config/env";
import type { Locale } from "@/lib/i18n/locale";
import { localizeKnown } from "@/lib/i18n/match-message";
import { commonTranslator } from "@/lib/i18n/messages/common";
import { wizardMessages } from "@/lib/i18n/messages/wizard";
import { installAnswers } from "@/lib/i18n/messages/wizard-notices";
import { translator } from "@/lib/i18n/translate";
import { initialValues } from "@/lib/install/credential-values";
import { awaitsAuthorization, sourceConnect } from "@/lib/install/source-connect";
import { ConnectForm } from "./connect-form";

type Connection = { status: string; statusDetail: string | null; baseUrl: string | null } | undefined;

function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <label className="block">
      <span className="font-medium">{label}</span>
      <input readOnly value={value} aria-label={label} className={`mt-1 block w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs ${focusRing}`} />
    </label>
  );
}

/** The webshop line of the Connections step: its dot, and the way this shop system is connected. */
export function SourceConnection({ licenseKey, system, name, connection, credentials, termsAccepted, locale }: {
  licenseKey: string;
  system: SourceSystem;
  name: string;
  connection: Connection;
  credentials: Record<string, unknown>;
  termsAccepted: boolean;
  locale: Locale;
}) {
  const t = translator(wizardMessages, locale);
  const hasCredentials = Object.keys(credentials).length > 0;
  const pending = awaitsAuthorization(system, credentials);
  const dot = !hasCredentials || pending ? "unknown" : connection?.status === "error" ? "error" : "ok";
  const fields = sourceSetups[system]?.credentialForm?.fields ?? [];
  const baseUrl = connection?.baseUrl ?? null;
  const plan = sourceConnect({ system, licenseKey, baseUrl, appUrl: env().APP_URL, sandbox: isSandbox() });
  const form = (
    <ConnectForm licenseKey={licenseKey} side="source" systemName={name} fields={fields} initial={initialValues(fields, credentials, baseUrl)} connected={dot === "ok"}
      submitLabel={system === "magento1" ? t("save") : undefined} locale={locale} />
  );
  const action = `inline-block rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;

  return (
    <div id="webshop" className="space-y-2">
      <p>
        <StatusDot status={dot} label={commonTranslator(locale)("webshopOf", { name })} locale={locale} />
        {connection?.statusDetail && <span className="ml-2 break-words text-red-700">{localizeKnown(installAnswers, connection.statusDetail, locale)}</span>}
      </p>
      {termsAccepted && plan.kind === "app-store" && (
        <div className="rounded-md border border-slate-200 p-3">
          <p><strong>{t("appStoreLead")}</strong> {t("appStoreText", { name, store: plan.store })}</p>
          <p className="mt-1 text-slate-600">{localizeKnown(installAnswers, plan.steps, locale)}</p>
          {plan.installLink && <a href={plan.installLink} className={`mt-2 bg-slate-900 text-white ${action}`}>{t("installFromStore", { store: plan.store })}</a>}
        </div>
      )}
      {termsAccepted && plan.kind === "magento2" && (
        <>
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <p><strong>{t("magento2OldLead")}</strong> {t("magento2OldText")}</p>
            <CopyField label={t("callbackUrl")} value={plan.callbackUrl} />
            <CopyField label={t("identityUrl")} value={plan.identityUrl} />
          </div>
          <p><strong>{t("magento2NewLead")}</strong> {t("magento2NewText")}</p>
          {form}
        </>
      )}
      {termsAccepted && plan.kind === "magento1" && (
        <>
          <p>{t("magento1Text")}</p>
          {form}
          {hasCredentials && (
            <a href={plan.startUrl} className={`bg-yellow-400 text-slate-900 ${action}`}>{pending ? t("connect") : t("authorizeAgain")}</a>
          )}
        </>
      )}
      {termsAccepted && plan.kind === "form" && form}
    </div>
  );
}
