"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { focusRing } from "@/components/ui-classes";
import { announce } from "../lists/list-status";

/** "Retry all in this group": one request requeues every document of the cause (in the period shown). */
export function RetryGroupButton({ integrationId, groupKey, period, labels }: {
  integrationId: string; groupKey: string; period: Record<string, string>; labels: { button: string; failed: string };
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function retry() {
    setBusy(true);
    try {
      const res = await fetch(`/api/integrations/${integrationId}/error-groups/retry`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: groupKey, ...period }),
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      announce(body.message ?? labels.failed);
      if (res.ok) router.refresh();
    } catch {
      announce(labels.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" onClick={retry} disabled={busy}
      className={`rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-60 ${focusRing}`}>
      {labels.button}
    </button>
  );
}
