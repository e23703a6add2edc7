"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { documentPageMessages } from "@/lib/i18n/messages/document-page";
import { translator } from "@/lib/i18n/translate";

/** "Undo booking" with a confirm dialog; the answer (done or why not) under the button. */
export function UndoButton({ integrationId, documentId, bookedAs, locale }: { integrationId: string; documentId: string; bookedAs: string; locale: Locale }) {
  const t = translator(documentPageMessages, locale);
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function undo() {
    setBusy(true);
    try {
      const res = await fetch(`/api/integrations/${integrationId}/documents/${documentId}/undo`, { method: "POST" });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      dialog.current?.close();
      setNote(res.ok ? t("undoDone") : t("undoFailed", { message: body.message ?? String(res.status) }));
      if (res.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-1">
      <button type="button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}
        className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">
        {t("undoButton")}
      </button>
      {note && <p role="status" className="text-xs text-slate-700">{note}</p>}
      <dialog ref={dialog} aria-labelledby="undo-title" className="m-auto max-w-md rounded-md p-4 shadow-lg backdrop:bg-black/30">
        <h4 id="undo-title" className="font-semibold">{t("undoConfirmTitle")}</h4>
        <p className="mt-2 text-sm">{t("undoConfirmText", { ref: bookedAs })}</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600">{t("cancel")}</button>
          <button type="button" disabled={busy} onClick={undo} className="rounded bg-red-600 px-3 py-1 text-sm font-medium text-white hover:bg-red-500 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">{t("undoConfirm")}</button>
        </div>
      </dialog>
    </div>
  );
}
