"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Fetch now: asks the shop for new documents at once instead of at the next poll. The labels come
 * translated from the server page.
 */
export function FetchNowButton({ integrationId, label, queuedText }: { integrationId: string; label: string; queuedText: string }) {
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function fetchNow() {
    setBusy(true);
    const res = await fetch(`/api/integrations/${integrationId}/sync`, { method: "POST" });
    setNote(res.ok ? queuedText : ((await res.json().catch(() => ({}))).message as string | undefined) ?? res.statusText);
    setBusy(false);
    router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={fetchNow} disabled={busy}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50">
        {label}
      </button>
      {note && <span role="status" className="text-xs text-slate-600">{note}</span>}
    </span>
  );
}
