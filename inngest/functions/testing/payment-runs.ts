import { InngestTestEngine } from "@inngest/test";
import type { DocumentKind } from "@/connectors/types";
import type { Db } from "@/lib/db/client";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { processDocument } from "../process-document";
import { processPayment } from "../process-payment";
import { sentEventSteps } from "./sent-events";

/**
 * Payment tests run the real functions one after the other: process-document for the document
 * (its payment events stood in for), then process-payment for each payment the test picks.
 */
export async function bookDocument(db: Db, integrationId: string, kind: DocumentKind, sourceId: string) {
  const { documentId } = await receiveDocument(db, { integrationId, kind, sourceId });
  const { result } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    steps: sentEventSteps(),
  }).execute();
  return { documentId, result: result as { status: string; payments?: number } };
}

export type PaymentRunResult = { status: string; code?: string; already?: boolean; target?: { id: string; already?: boolean } };

export async function runPayment(db: Db, paymentId: string) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const { result, error } = await new InngestTestEngine({
    function: processPayment,
    events: [{ name: "payment/received", data: { paymentId, integrationId: payment.integrationId } }],
    steps: sentEventSteps(),
  }).execute();
  // `error`: the run failed (a retryable failure; Inngest would retry it), `result` is then undefined.
  return { result: result as PaymentRunResult, error, payment: await db.payment.findUniqueOrThrow({ where: { id: paymentId } }) };
}
