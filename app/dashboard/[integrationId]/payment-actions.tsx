"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { focusRing } from "@/components/ui-classes";

/** Process (blue) for one payment that waits or failed: tries to book it against its invoice now. */
export function PaymentActions({ integrationId, paymentId, labels = { process: "Process", queued: "Queued: it is being processed again." } }: {
  integrationId: string;
  paymentId: string;
  /** In the merchant's language (the payments table passes them). */
  labels?: { process: string; queued: string };
}) {
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);

  async function process() {
    const res = await fetch(`/api/integrations/${integrationId}/payments/${paymentId}/process`, { method: "POST" });
    setNote(res.ok ? labels.queued : ((await res.json()).message as string));
    router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={process} className={`rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white hover:bg-blue-500 ${focusRing}`}>{labels.process}</button>
      {note && <span role="status" className="text-xs text-slate-600">{note}</span>}
    </span>
  );
}
