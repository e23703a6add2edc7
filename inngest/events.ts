import { eventType } from "inngest";
import { z } from "zod";

/** Every event the app sends or receives, named domain/noun.verb, validated with zod. */

const licenseKey = z.string().min(1).max(100);

/** "Fetch now": fetch new documents from the shop of one integration immediately. */
export const integrationSyncRequested = eventType("integration/sync.requested", {
  schema: z.object({ licenseKey }),
});

/** A webhook or poll delivered a document; it is recorded and processed once. */
export const documentReceived = eventType("document/received", {
  schema: z.object({
    integrationId: z.string().min(1),
    kind: z.enum(["order", "invoice", "creditnote"]),
    sourceId: z.string().min(1),
  }),
});

/** Book (or re-book after Process on the Errors tab) one recorded document. */
export const documentProcessRequested = eventType("document/process.requested", {
  schema: z.object({ documentId: z.string().min(1), integrationId: z.string().min(1) }),
});

/** A payment arrived for a document; it is booked once its invoice is booked. */
export const paymentReceived = eventType("payment/received", {
  schema: z.object({ paymentId: z.string().min(1), integrationId: z.string().min(1) }),
});

/** The scheduled payments check of one integration (CCV Shop, six times a day). */
export const paymentsCheckRequested = eventType("payments/check.requested", {
  schema: z.object({ integrationId: z.string().min(1) }),
});
