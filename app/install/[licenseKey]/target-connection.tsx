import { targetSetups } from "@/connectors/registry";
import type { TargetSystem } from "@/connectors/types";
import { StatusDot } from "@/components/status-dot";
import { focusRing } from "@/components/ui-classes";
import type { Locale } from "@/lib/i18n/locale";
import { localizeKnown } from "@/lib/i18n/match-message";
import { commonTranslator } from "@/lib/i18n/messages/common";
import { wizardMessages } from "@/lib/i18n/messages/wizard";
import { installAnswers } from "@/lib/i18n/messages/wizard-notices";
import { translator } from "@/lib/i18n/translate";
import { initialValues } from "@/lib/install/credential-values";
import { ConnectForm } from "./connect-form";

type Connection = { status: string; statusDetail: string | null } | undefined;

const button = `rounded-md px-3 py-1.5 text-sm font-medium ${focusRing}`;

/** The accounting line of the Connections step: OAuth systems' red Connect button, or the system's credential form. */
export function TargetConnection({ licenseKey, system, name, connection, credentials, termsAccepted, locale }: {
  licenseKey: string;
  system: TargetSystem;
  name: string;
  connection: Connection;
  credentials: Record<string, unknown>;
  termsAccepted: boolean;
  locale: Locale;
}) {
  const t = translator(wizardMessages, locale);
  const setup = targetSetups[system];
  const connected = connection?.status === "ok";
  const fields = setup?.credentialForm?.fields ?? [];
  return (
    <div id="accounting" className="space-y-2">
      <p className="flex flex-wrap items-center gap-3">
        <StatusDot status={connection?.status ?? "unknown"} label={commonTranslator(locale)("accountingOf", { name })} locale={locale} />
        {termsAccepted && setup?.authorizeUrl && (
          <a href={`/api/oauth/${system}/start?licenseKey=${encodeURIComponent(licenseKey)}`} className={`${button} ${connected ? "border border-slate-300" : "bg-red-600 text-white"}`}>
            {connected ? t("reconnect") : t("connect")}
          </a>
        )}
        {connection?.statusDetail && <span className="break-words text-red-700">{localizeKnown(installAnswers, connection.statusDetail, locale)}</span>}
      </p>
      {termsAccepted && !setup?.authorizeUrl && setup?.credentialForm && (
        <ConnectForm licenseKey={licenseKey} side="target" systemName={name} fields={fields} initial={initialValues(fields, credentials, null)} connected={connected} locale={locale} />
      )}
    </div>
  );
}
