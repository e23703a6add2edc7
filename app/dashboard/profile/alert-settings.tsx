import { alertPreferences } from "@/lib/alerts/preferences";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locale";
import { alertMessages } from "@/lib/i18n/messages/alerts";
import { translator } from "@/lib/i18n/translate";
import { AlertSettingsForm } from "./alert-settings-form";

/** Profile section: which alert mails the account receives (lib/alerts). */
export async function AlertSettings({ accountId, locale }: { accountId: string; locale: Locale }) {
  const t = translator(alertMessages, locale);
  const current = await alertPreferences(db(), accountId);
  return (
    <section aria-labelledby="alerts" className="mt-10">
      <h2 id="alerts" className="text-lg font-semibold">{t("sectionTitle")}</h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("sectionHelp")}</p>
      <AlertSettingsForm
        current={current}
        save={t("save")}
        switches={[
          { name: "newCause", label: t("newCauseLabel"), help: t("newCauseHelp") },
          { name: "digest", label: t("digestLabel"), help: t("digestHelp") },
          { name: "reconnect", label: t("reconnectLabel"), help: t("reconnectHelp") },
          { name: "weekly", label: t("weeklyLabel"), help: t("weeklyHelp") },
        ]}
      />
    </section>
  );
}
