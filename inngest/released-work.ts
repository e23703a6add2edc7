import type { ReleasedWork } from "@/lib/billing/settle-payment";
import { inngest } from "./client";
import { documentProcessRequested, paymentReceived } from "./events";

/** Puts what a paused integration held back through the pipeline: the same events as the Process buttons send. */
export async function sendReleasedWork(work: ReleasedWork): Promise<void> {
  const events = [
    ...work.documents.map((documentId) => documentProcessRequested.create({ documentId, integrationId: work.integrationId })),
    ...work.payments.map((paymentId) => paymentReceived.create({ paymentId, integrationId: work.integrationId })),
  ];
  if (events.length) await inngest.send(events);
}
