import { isPaymentNotYet } from "@/connectors/types";
import { db } from "@/lib/db/client";
import { D } from "@/lib/domain/money";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { attempt } from "@/lib/pipeline/attempt";
import { callRecorder } from "@/lib/pipeline/call-recorder";
import { isCredentialFailure, recordConnectionHealth } from "@/lib/pipeline/connection-health";
import { HELD_RECONNECT, markPaymentWaitingForReconnect } from "@/lib/pipeline/reconnect-hold";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { toFailure } from "@/lib/pipeline/failure";
import { markPaymentAwaitingDocument, markPaymentBooked, markPaymentError, markPaymentHeld, markPaymentNotYet } from "@/lib/pipeline/payment-status";
import { bookingHold } from "@/lib/integrations/lifecycle";
import { paymentAccountFor, paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { bookingReference } from "@/lib/pipeline/prepare-booking";
import { inngest } from "../client";
import { paymentReceived } from "../events";
import { alertsErrorRecorded } from "./alerts-events";

/**
 * Books one recorded payment against its document, never before the document is booked: waiting
 * for it, or when the accounting system says "not yet" (no open invoice, amount differs) tried
 * again on the following two nights, then on Errors. One run at a time per integration, so the
 * "already booked before" sum a target's idempotency check relies on never races.
 */
export const processPayment = inngest.createFunction(
  {
    id: "process-payment",
    triggers: [paymentReceived],
    concurrency: { limit: 1, key: "event.data.integrationId" },
    retries: 5,
    onFailure: async ({ event, error, step }) => {
      const { paymentId } = event.data.event.data as { paymentId: string };
      await markPaymentError(db(), paymentId, {
        code: "retries_exhausted",
        message: `Could not reach the accounting system after several attempts: ${error.message}. Click Process to try again.`,
      });
      const { integrationId } = event.data.event.data as { integrationId: string };
      await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId, subject: "payment", subjectId: paymentId, code: "retries_exhausted", message: error.message }));
    },
  },
  async ({ event, step }) => {
    const { paymentId, integrationId } = event.data;
    const integration = await loadIntegration(db(), integrationId);

    const found = await step.run("load-payment", async () => {
      const payment = await db().payment.findUniqueOrThrow({
        where: { id: paymentId },
        include: { document: { select: { id: true, kind: true, sourceId: true, sourceNumber: true, status: true, targetRef: true, targetNumber: true, documentDate: true, normalized: true } } },
      });
      const others = payment.documentId
        ? await db().payment.aggregate({ where: { documentId: payment.documentId, status: "booked", id: { not: payment.id } }, _sum: { amount: true } })
        : undefined;
      const doc = payment.document;
      return {
        status: payment.status,
        amount: payment.amount.toFixed(2),
        method: payment.method ?? undefined,
        paidAt: (payment.paidAt ?? payment.createdAt).toISOString(),
        transactionId: (payment.rawPayload as { transactionId?: string } | null)?.transactionId,
        bookedBefore: (others?._sum.amount ?? new D(0)).toFixed(2),
        document: doc && {
          id: doc.id, kind: doc.kind, sourceId: doc.sourceId, status: doc.status, number: doc.sourceNumber ?? doc.sourceId,
          targetRef: doc.targetRef, targetNumber: doc.targetNumber ?? undefined, date: doc.documentDate?.toISOString().slice(0, 10),
          // The kind the reference was made with: the fetched one (an invoice can turn out to be a credit invoice).
          bookedKind: (doc.normalized as { kind?: string } | null)?.kind ?? doc.kind,
          classification: (doc.normalized as { paymentMethod?: { classification?: string } } | null)?.paymentMethod?.classification,
        },
      };
    });
    if (found.status === "booked") return { status: "booked", already: true };
    // Paused (renewal unpaid) or cancelled: the payment waits with its document.
    const hold = bookingHold(integration.status);
    if (hold) {
      await step.run("hold", () => markPaymentHeld(db(), paymentId, hold).then(() => null));
      return { status: "waiting", code: hold.code };
    }
    const doc = found.document;
    if (!doc || doc.status !== "booked" || !doc.targetRef) {
      await step.run("await-document", () =>
        markPaymentAwaitingDocument(db(), paymentId, "Its order or invoice is not booked yet; the payment follows as soon as it is.").then(() => null),
      );
      return { status: "waiting", code: "document_not_booked" };
    }

    const calls = callRecorder();
    const recordError = (failure: { code: string; message: string }) =>
      step.run("record-error", async () => {
        await markPaymentError(db(), paymentId, failure);
        await recordConnectionHealth(db(), integrationId, "target", failure);
        return { status: "error", code: failure.code };
      });
    // Alerts (lib/alerts) decide on a mail in their own run: booking never waits for it.
    const fail = async (failure: { code: string; message: string }) => {
      // Dead credentials: the payment waits for the reconnect (nothing lost), as its document would.
      const recorded = isCredentialFailure(failure.code)
        ? await step.run("wait-for-reconnect", async () => {
          await markPaymentWaitingForReconnect(db(), paymentId, failure);
          await recordConnectionHealth(db(), integrationId, "target", failure);
          return { status: "waiting", code: HELD_RECONNECT };
        })
        : await recordError(failure);
      await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId, subject: "payment", subjectId: paymentId, code: failure.code, message: failure.message, side: "target" }));
      return recorded;
    };
    let target;
    try {
      target = connectorsFor(integration, calls.onCall).target;
    } catch (err) {
      return fail(toFailure(err));
    }
    if (!target.registerPayment) {
      return fail({ code: "payments_not_supported", message: "This accounting system cannot register payments through the integration; book the payment by hand." });
    }
    const register = target.registerPayment.bind(target);

    const registered = await step.run("register-payment", async () => {
      try {
        return await attempt(() =>
          register({
            reference: bookingReference(integration.licenseKey, doc.bookedKind, doc.sourceId),
            document: { id: doc.targetRef!, number: doc.targetNumber },
            salesNumber: doc.number,
            amount: found.amount,
            paidAt: found.paidAt,
            documentDate: doc.date,
            method: found.method,
            transactionId: found.transactionId,
            bookedBefore: found.bookedBefore,
            account: paymentAccountFor(paymentsSettingOf(integration.settings.payments), found.method, doc.classification),
          }),
        );
      } finally {
        await calls.save(db(), integrationId, doc.id);
      }
    });
    if (registered.ok) {
      const ref = registered.value;
      await step.run("mark-booked", () => markPaymentBooked(db(), paymentId, ref).then(() => null));
      return { status: "booked", target: ref };
    }
    const failure = registered.failure;
    if (isPaymentNotYet(failure.code)) {
      const status = await step.run("not-yet", () => markPaymentNotYet(db(), paymentId, failure));
      if (status === "error") await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId, subject: "payment", subjectId: paymentId, code: failure.code, message: failure.message }));
      return { status, code: failure.code };
    }
    return fail(failure);
  },
);
