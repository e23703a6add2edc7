"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { translator } from "@/lib/i18n/translate";

type Sent = { message: string; number: string; url: string };

// Under the buttons, wrapping, so a long message never stretches the table it sits in.
const noteClass = "basis-full max-w-xs whitespace-normal text-left text-xs text-slate-600";

export function DocumentActionButtons({ integrationId, documentId, canReport, locale }: { integrationId: string; documentId: string; canReport: boolean; locale: Locale }) {
  const t = translator(supportMessages, locale);
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), message: useId(), hint: useId() };
  const base = `/api/integrations/${integrationId}/documents/${documentId}`;

  async function process() {
    const res = await fetch(`${base}/process`, { method: "POST" });
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    setNote(res.ok ? t("processQueued") : (body.message ?? t("processFailed")));
    if (res.ok) router.refresh();
  }

  function openReport() {
    setSent(null);
    setError(null);
    dialog.current?.showModal();
  }

  async function report(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const message = String(new FormData(event.currentTarget).get("message") ?? "");
      const res = await fetch(`${base}/ticket`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message }) });
      const body = (await res.json().catch(() => ({}))) as Partial<Sent>;
      if (res.ok && body.number && body.url) {
        const done = { message: body.message ?? "", number: body.number, url: body.url };
        setSent(done);
        setNote(null);
      } else {
        setError(body.message ?? t("reportFailed"));
      }
    } catch {
      setError(t("reportFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={process} className="rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white hover:bg-blue-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700">{t("process")}</button>
      {canReport && (
        <button type="button" onClick={openReport} aria-haspopup="dialog" className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">{t("reportProblem")}</button>
      )}
      {note && <span role="status" className={noteClass}>{note}</span>}
      {sent && !note && (
        <span role="status" className={noteClass}>
          {sent.message} <Link href={sent.url} className="text-blue-700 underline">{t("viewTicket", { number: sent.number })}</Link>
        </span>
      )}
      {canReport && (
        <dialog ref={dialog} aria-labelledby={ids.title} className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg p-0 text-left text-sm font-normal whitespace-normal text-slate-900 shadow-xl backdrop:bg-slate-900/40">
          <div className="space-y-3 p-5">
            <h2 id={ids.title} className="text-lg font-semibold">{t("reportTitle")}</h2>
            {sent ? (
              <>
                <p role="status">{sent.message}</p>
                <p><Link href={sent.url} className="text-blue-700 underline">{t("viewTicket", { number: sent.number })}</Link></p>
                <div className="flex justify-end">
                  <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">{t("close")}</button>
                </div>
              </>
            ) : (
              <form onSubmit={report} className="space-y-3">
                <p className="text-slate-600">{t("reportIntro")}</p>
                <div>
                  <label htmlFor={ids.message} className="block font-medium">{t("reportMessageLabel")}</label>
                  <p id={ids.hint} className="text-xs text-slate-500">{t("reportMessageHint")}</p>
                  <textarea id={ids.message} name="message" rows={4} maxLength={5000} aria-describedby={ids.hint} autoFocus
                    className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
                </div>
                {error && <p role="alert" className="text-red-700">{error}</p>}
                <div className="flex justify-end gap-2">
                  <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">{t("cancel")}</button>
                  <button type="submit" disabled={busy} className="rounded bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-500 disabled:opacity-60">{busy ? t("sending") : t("reportSend")}</button>
                </div>
              </form>
            )}
          </div>
        </dialog>
      )}
    </span>
  );
}
