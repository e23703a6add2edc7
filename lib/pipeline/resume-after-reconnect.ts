import { inngest } from "@/inngest/client";
import { paymentReceived } from "@/inngest/events";
import { sendProcessEvents } from "../dashboard/send-process-events";
import type { Db } from "../db/client";
import { documentsWaitingForReconnect, paymentsWaitingForReconnect } from "./reconnect-hold";

/**
 * New credentials were saved: the documents and payments that waited for them are processed again, each once
 * (a booked one is never booked again; the target is searched by our reference first). A send that
 * fails loses nothing: they stay on the Open tab, which the nightly re-check processes.
 */
export async function resumeAfterReconnect(db: Db, integrationId: string): Promise<number> {
  const [documents, payments] = await Promise.all([documentsWaitingForReconnect(db, integrationId), paymentsWaitingForReconnect(db, integrationId)]);
  if (!documents.length && !payments.length) return 0;
  try {
    if (documents.length) await sendProcessEvents(integrationId, documents);
    // Payments follow their documents: one booked meanwhile is registered, one not yet waits for it.
    for (let i = 0; i < payments.length; i += 200) {
      await inngest.send(payments.slice(i, i + 200).map((paymentId) => paymentReceived.create({ paymentId, integrationId })));
    }
  } catch (err) {
    console.warn(`[reconnect] waiting work of ${integrationId} left for the nightly re-checks: ${err instanceof Error ? err.message : String(err)}`);
  }
  return documents.length + payments.length;
}
