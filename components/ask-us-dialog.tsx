"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { translator } from "@/lib/i18n/translate";

type Integration = { id: string; name: string; licenseKey: string };
type Sent = { message: string; number: string; url: string };
type Field = "subject" | "message" | "integrationId";

export function AskUsDialog({ locale, integrations, preselected }: { locale: Locale; integrations: Integration[]; preselected?: string }) {
  const t = translator(supportMessages, locale);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), subject: useId(), message: useId(), integration: useId(), error: useId() };
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<{ message: string; field?: Field } | null>(null);
  const [busy, setBusy] = useState(false);

  function open() {
    setSent(null);
    setError(null);
    dialog.current?.showModal();
  }

  async function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/support/tickets", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ subject: form.get("subject"), message: form.get("message"), integrationId: form.get("integrationId") || undefined }),
      });
      const body = (await res.json().catch(() => ({}))) as Partial<Sent> & { field?: Field };
      if (res.ok && body.number && body.url) {
        setSent({ message: body.message ?? "", number: body.number, url: body.url });
        router.refresh();
      } else {
        setError({ message: body.message ?? t("askFailed"), field: body.field });
      }
    } catch {
      setError({ message: t("askFailed") });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: Field) => (error?.field === field ? { "aria-invalid": true, "aria-describedby": ids.error } : {});

  return (
    <>
      <button type="button" onClick={open} aria-haspopup="dialog"
        className="rounded bg-green-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-green-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-700">
        {t("askUs")}
      </button>
      <dialog ref={dialog} aria-labelledby={ids.title} className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg p-0 text-sm text-slate-900 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-3 p-5">
          <h2 id={ids.title} className="text-lg font-semibold">{t("askTitle")}</h2>
          {sent ? (
            <>
              <p role="status">{sent.message}</p>
              <p><Link href={sent.url} className="text-blue-700 underline">{t("viewTicket", { number: sent.number })}</Link></p>
              <div className="flex justify-end">
                <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">{t("close")}</button>
              </div>
            </>
          ) : (
            <form onSubmit={send} className="space-y-3">
              <p className="text-slate-600">{t("askIntro")}</p>
              <div>
                <label htmlFor={ids.subject} className="block font-medium">{t("askSubject")}</label>
                <input id={ids.subject} name="subject" required maxLength={200} autoFocus {...invalid("subject")} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
              </div>
              <div>
                <label htmlFor={ids.message} className="block font-medium">{t("askMessage")}</label>
                <textarea id={ids.message} name="message" required rows={5} maxLength={5000} {...invalid("message")} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5" />
              </div>
              {integrations.length > 0 && (
                <div>
                  <label htmlFor={ids.integration} className="block font-medium">{t("askIntegration")}</label>
                  <select id={ids.integration} name="integrationId" defaultValue={preselected ?? ""} {...invalid("integrationId")} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5">
                    <option value="">{t("askNoIntegration")}</option>
                    {integrations.map((i) => <option key={i.id} value={i.id}>{i.name} ({i.licenseKey})</option>)}
                  </select>
                </div>
              )}
              {error && <p id={ids.error} role="alert" className="text-red-700">{error.message}</p>}
              <div className="flex justify-end gap-2">
                <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">{t("cancel")}</button>
                <button type="submit" disabled={busy} className="rounded bg-green-600 px-3 py-1.5 font-medium text-white hover:bg-green-500 disabled:opacity-60">{busy ? t("sending") : t("askSend")}</button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}
