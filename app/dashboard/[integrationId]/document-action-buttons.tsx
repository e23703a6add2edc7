"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { translator } from "@/lib/i18n/translate";
import { TicketDialog, type TicketSent } from "@/components/ticket-dialog";

// Under the buttons, wrapping, so a long message never stretches the table it sits in.
const noteClass = "basis-full max-w-xs whitespace-normal text-left text-xs text-slate-600";

/** Process (blue) and Report problem (red) for a document that is not booked. */
export function DocumentActionButtons({ integrationId, documentId, canReport, locale }: { integrationId: string; documentId: string; canReport: boolean; locale: Locale }) {
  const t = translator(supportMessages, locale);
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const [sent, setSent] = useState<TicketSent | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { message: useId(), hint: useId() };
  const base = `/api/integrations/${integrationId}/documents/${documentId}`;

  async function process() {
    const res = await fetch(`${base}/process`, { method: "POST" });
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    setNote(res.ok ? t("processQueued") : (body.message ?? t("processFailed")));
    if (res.ok) router.refresh();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={process} className="rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white hover:bg-blue-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">{t("process")}</button>
      {canReport && (
        <button type="button" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog" className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">{t("reportProblem")}</button>
      )}
      {note && <span role="status" className={noteClass}>{note}</span>}
      {sent && !note && (
        <span role="status" className={noteClass}>
          {sent.message} <Link href={sent.url} className="text-blue-700 underline">{t("viewTicket", { number: sent.number })}</Link>
        </span>
      )}
      {canReport && (
        <TicketDialog dialog={dialog} locale={locale} title={t("reportTitle")} intro={t("reportIntro")} submitLabel={t("reportSend")} tone="red"
          endpoint={`${base}/ticket`} failedText={t("reportFailed")} onSent={(done) => { setSent(done); setNote(null); }}
          bodyOf={(form) => ({ message: String(form.get("message") ?? "") })}>
          {() => (
            <div>
              <label htmlFor={ids.message} className="block font-medium">{t("reportMessageLabel")}</label>
              <p id={ids.hint} className="text-xs text-slate-500">{t("reportMessageHint")}</p>
              <textarea id={ids.message} name="message" rows={4} maxLength={5000} aria-describedby={ids.hint} autoFocus
                className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
            </div>
          )}
        </TicketDialog>
      )}
    </span>
  );
}
