import { inngest } from "@/inngest/client";
import { documentProcessRequested } from "@/inngest/events";

/** The event the Process button sends, once per requeued document, a few hundred per request. */
export async function sendProcessEvents(integrationId: string, documentIds: string[]): Promise<void> {
  for (let i = 0; i < documentIds.length; i += 200) {
    await inngest.send(documentIds.slice(i, i + 200).map((documentId) => documentProcessRequested.create({ documentId, integrationId })));
  }
}
