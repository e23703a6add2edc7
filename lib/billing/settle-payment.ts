import type { Db } from "../db/client";
import { canBook } from "../integrations/lifecycle";
import { renewalPeriod } from "./access";
import { sendPaymentConfirmation } from "./billing-mail";
import type { MollieClient, MolliePaymentStatus } from "./mollie-client";
import { releaseHeldWork } from "./release-held-work";

/** Sends the events that put released documents and payments through the pipeline (Inngest in the app). */
export type ReleasedWork = { integrationId: string; documents: string[]; payments: string[] };
export type SendReleased = (work: ReleasedWork) => Promise<void>;

export type Settlement =
  | { outcome: "unknown_payment" }
  | { outcome: "not_paid"; status: MolliePaymentStatus }
  | { outcome: "amount_mismatch"; paid: string; expected: string }
  | { outcome: "paid"; invoiceId: string; firstTime: boolean; paidUntil: Date | null; resumed: boolean; released: number };

/**
 * Mollie says payment `paymentId` changed: ask Mollie for its status (the webhook carries none, so
 * a forged call changes nothing). Paid, and only the first time: the invoice is paid, the
 * integration paid a year further (from its access end, or from now when that has passed), a paused
 * one resumes and what it held is booked, and the merchant gets a confirmation. Any repeat finds
 * the invoice paid and extends nothing.
 */
export async function settlePayment(db: Db, paymentId: string, deps: { mollie: MollieClient; sendReleased: SendReleased; now?: Date }): Promise<Settlement> {
  const invoice = await db.subscriptionInvoice.findUnique({ where: { paymentRef: paymentId } });
  if (!invoice) return { outcome: "unknown_payment" };
  const payment = await deps.mollie.getPayment(paymentId);
  if (payment.status !== "paid") return { outcome: "not_paid", status: payment.status };
  const expected = invoice.amountInclVat.toFixed(2);
  if (payment.amount.value !== expected || payment.amount.currency !== "EUR") return { outcome: "amount_mismatch", paid: `${payment.amount.currency} ${payment.amount.value}`, expected: `EUR ${expected}` };

  const now = deps.now ?? new Date();
  const applied = await markInvoicePaid(db, invoice.id, payment.paidAt ? new Date(payment.paidAt) : now, now);
  const integration = await db.integration.findUniqueOrThrow({ where: { id: invoice.integrationId } });
  if (applied) {
    const paid = await db.subscriptionInvoice.findUniqueOrThrow({ where: { id: invoice.id } });
    await sendPaymentConfirmation(db, { ...integration, paidUntil: integration.paidUntil ?? paid.periodEnd }, paid, applied.resumed);
  }
  let released = 0;
  if (canBook(integration.status)) {
    const work = await releaseHeldWork(db, integration.id);
    released = work.documents.length + work.payments.length;
    if (released) await deps.sendReleased({ integrationId: integration.id, ...work });
  }
  return { outcome: "paid", invoiceId: invoice.id, firstTime: !!applied, paidUntil: integration.paidUntil, resumed: applied?.resumed ?? false, released };
}

/**
 * Open → paid exactly once (the conditional update is the claim), in one transaction with the
 * year it buys and the resume of a paused integration. Null when it was already settled.
 */
async function markInvoicePaid(db: Db, invoiceId: string, paidAt: Date, now: Date): Promise<{ resumed: boolean } | null> {
  return db.$transaction(async (tx) => {
    const invoice = await tx.subscriptionInvoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { integrationId: true } });
    const integration = await tx.integration.findUniqueOrThrow({ where: { id: invoice.integrationId }, select: { status: true, trialEndsAt: true, paidUntil: true } });
    const period = renewalPeriod(integration, now);
    const claimed = await tx.subscriptionInvoice.updateMany({ where: { id: invoiceId, status: "open" }, data: { status: "paid", paidAt, periodStart: period.start, periodEnd: period.end } });
    if (claimed.count !== 1) return null;
    const resumed = integration.status === "paused";
    await tx.integration.update({ where: { id: invoice.integrationId }, data: { paidUntil: period.end, ...(resumed ? { status: "active", pausedAt: null } : {}) } });
    return { resumed };
  });
}
