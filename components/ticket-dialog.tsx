"use client";

import Link from "next/link";
import { useId, useState, type RefObject } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { supportMessages } from "@/lib/i18n/messages/support";
import { translator } from "@/lib/i18n/translate";

export type TicketSent = { message: string; number: string; url: string };
type FieldError = { message: string; field?: string };
export type InvalidProps = (field: string) => { "aria-invalid"?: true; "aria-describedby"?: string };

const tones = {
  red: "bg-red-600 hover:bg-red-500",
  green: "bg-green-600 hover:bg-green-500",
} as const;

/**
 * The dialog both ticket buttons open (Report problem, Ask us): the fields it is given, a send that
 * posts them as JSON, the error next to the field the server names, then the ticket's number and
 * link. One place for the dialog's behaviour, so both stay keyboard-usable the same way.
 */
export function TicketDialog({ dialog, locale, title, intro, submitLabel, tone, endpoint, bodyOf, failedText, onSent, children }: {
  dialog: RefObject<HTMLDialogElement | null>;
  locale: Locale;
  title: string;
  intro: string;
  submitLabel: string;
  tone: keyof typeof tones;
  endpoint: string;
  bodyOf: (form: FormData) => Record<string, unknown>;
  failedText: string;
  onSent?: (sent: TicketSent) => void;
  children: (invalid: InvalidProps) => React.ReactNode;
}) {
  const t = translator(supportMessages, locale);
  const ids = { title: useId(), error: useId() };
  const [sent, setSent] = useState<TicketSent | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(bodyOf(form)) });
      const body = (await res.json().catch(() => ({}))) as Partial<TicketSent> & { field?: string };
      if (res.ok && body.number && body.url) {
        const done = { message: body.message ?? "", number: body.number, url: body.url };
        setSent(done);
        onSent?.(done);
      } else {
        setError({ message: body.message ?? failedText, field: body.field });
      }
    } catch {
      setError({ message: failedText });
    } finally {
      setBusy(false);
    }
  }

  const invalid: InvalidProps = (field) => (error?.field === field ? { "aria-invalid": true, "aria-describedby": ids.error } : {});
  const close = () => { dialog.current?.close(); setSent(null); setError(null); };
  const secondary = "rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100";

  return (
    <dialog ref={dialog} aria-labelledby={ids.title} className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg p-0 text-left text-sm font-normal whitespace-normal text-slate-900 shadow-xl backdrop:bg-slate-900/40">
      <div className="space-y-3 p-5">
        <h2 id={ids.title} className="text-lg font-semibold">{title}</h2>
        {sent ? (
          <>
            <p role="status">{sent.message}</p>
            <p><Link href={sent.url} className="text-blue-700 underline">{t("viewTicket", { number: sent.number })}</Link></p>
            <div className="flex justify-end">
              <button type="button" onClick={close} className={secondary}>{t("close")}</button>
            </div>
          </>
        ) : (
          <form onSubmit={send} className="space-y-3">
            <p className="text-slate-600">{intro}</p>
            {children(invalid)}
            {error && <p id={ids.error} role="alert" className="text-red-700">{error.message}</p>}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={close} className={secondary}>{t("cancel")}</button>
              <button type="submit" disabled={busy} className={`rounded px-3 py-1.5 font-medium text-white disabled:opacity-60 ${tones[tone]}`}>{busy ? t("sending") : submitLabel}</button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
