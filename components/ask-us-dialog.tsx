"use client";

import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { translator } from "@/lib/i18n/translate";
import { TicketDialog } from "./ticket-dialog";

type Integration = { id: string; name: string; licenseKey: string };

/** The green Ask us button: a question ticket, about one integration or none. */
export function AskUsDialog({ locale, integrations, preselected }: { locale: Locale; integrations: Integration[]; preselected?: string }) {
  const t = translator(supportMessages, locale);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { subject: useId(), message: useId(), integration: useId() };
  const field = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog"
        className="rounded bg-green-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-700">
        {t("askUs")}
      </button>
      <TicketDialog dialog={dialog} locale={locale} title={t("askTitle")} intro={t("askIntro")} submitLabel={t("askSend")} tone="green"
        endpoint="/api/support/tickets" failedText={t("askFailed")} onSent={() => router.refresh()}
        bodyOf={(form) => ({ subject: form.get("subject"), message: form.get("message"), integrationId: form.get("integrationId") || undefined })}>
        {(invalid) => (
          <>
            <div>
              <label htmlFor={ids.subject} className="block font-medium">{t("askSubject")}</label>
              <input id={ids.subject} name="subject" required maxLength={200} autoFocus {...invalid("subject")} className={field} />
            </div>
            <div>
              <label htmlFor={ids.message} className="block font-medium">{t("askMessage")}</label>
              <textarea id={ids.message} name="message" required rows={5} maxLength={5000} {...invalid("message")} className={field} />
            </div>
            {integrations.length > 0 && (
              <div>
                <label htmlFor={ids.integration} className="block font-medium">{t("askIntegration")}</label>
                <select id={ids.integration} name="integrationId" defaultValue={preselected ?? ""} {...invalid("integrationId")} className={field}>
                  <option value="">{t("askNoIntegration")}</option>
                  {integrations.map((i) => <option key={i.id} value={i.id}>{i.name} ({i.licenseKey})</option>)}
                </select>
              </div>
            )}
          </>
        )}
      </TicketDialog>
    </>
  );
}
