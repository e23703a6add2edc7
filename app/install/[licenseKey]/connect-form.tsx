import type { CredentialField } from "@/connectors/setup-types";
import { focusRing } from "@/components/ui-classes";
import type { Locale } from "@/lib/i18n/locale";
import { localizeFields } from "@/lib/i18n/localize-fields";
import { wizardMessages } from "@/lib/i18n/messages/wizard";
import { translator } from "@/lib/i18n/translate";
import { connectWithCredentials } from "./actions";
import { CredentialForm } from "./credential-form";

/**
 * A side's credential form in the Connections step: open while the side is not connected (with
 * the manuals' red Connect button), folded away behind "Change the connection" once it is.
 */
export function ConnectForm({ licenseKey, side, systemName, fields, initial, connected, submitLabel, locale }: {
  licenseKey: string;
  side: "source" | "target";
  systemName: string;
  fields: CredentialField[];
  initial: Record<string, string>;
  connected: boolean;
  /** Where the form only saves and another button connects (Magento 1.9). */
  submitLabel?: string;
  locale: Locale;
}) {
  const t = translator(wizardMessages, locale);
  const form = (
    <CredentialForm
      fields={localizeFields(fields, locale)}
      initial={initial}
      action={connectWithCredentials.bind(null, licenseKey, side)}
      submitLabel={submitLabel ?? (connected ? t("reconnect") : t("connect"))}
      submitClass={connected ? "border border-slate-300 bg-white" : "bg-red-600 text-white"}
      texts={{ form: t("connectSystem", { system: systemName }), optional: t("optional"), connecting: t("connecting") }}
    />
  );
  if (!connected) return form;
  return (
    <details>
      <summary className={`cursor-pointer rounded text-slate-600 ${focusRing}`}>{t("changeConnection", { system: systemName })}</summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}
