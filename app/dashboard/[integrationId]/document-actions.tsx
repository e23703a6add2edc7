"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Process (blue) and Report problem (red) for one document on the Errors or Open tab. */
export function DocumentActions({ integrationId, documentId, canReport }: { integrationId: string; documentId: string; canReport: boolean }) {
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const base = `/api/integrations/${integrationId}/documents/${documentId}`;

  async function process() {
    const res = await fetch(`${base}/process`, { method: "POST" });
    setNote(res.ok ? "Queued: it is being processed again." : ((await res.json()).message as string));
    router.refresh();
  }
  async function report() {
    const message = window.prompt("What did you try already? (optional)") ?? "";
    const res = await fetch(`${base}/ticket`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message }) });
    setNote(res.ok ? "Thanks, we received your report and will look into it." : "Could not send the report; please try again.");
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={process} className="rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white hover:bg-blue-500">Process</button>
      {canReport && <button type="button" onClick={report} className="rounded bg-red-600 px-2 py-1 text-xs font-medium text-white hover:bg-red-500">Report problem</button>}
      {note && <span role="status" className="text-xs text-slate-600">{note}</span>}
    </span>
  );
}
