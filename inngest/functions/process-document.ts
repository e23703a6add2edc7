import { db } from "@/lib/db/client";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { attempt } from "@/lib/pipeline/attempt";
import { callRecorder } from "@/lib/pipeline/call-recorder";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { markBooked, markError, markHeld, markOpen, markProcessing, storeFetched } from "@/lib/pipeline/document-status";
import { bookingHold } from "@/lib/integrations/lifecycle";
import { toFailure, type Failure } from "@/lib/pipeline/failure";
import { fixedDebtorFor } from "@/lib/pipeline/fixed-debtor";
import { isCredentialFailure, recordConnectionHealth } from "@/lib/pipeline/connection-health";
import { HELD_RECONNECT, markWaitingForReconnect } from "@/lib/pipeline/reconnect-hold";
import { prepareBooking } from "@/lib/pipeline/prepare-booking";
import { checkCustomerVatNumber, notRegisteredMessage, viesBaseUrl } from "@/lib/pipeline/vat-number-check";
import { classify } from "@/lib/domain/classify";
import { env } from "@/lib/config/env";
import { productFor } from "@/lib/pipeline/product-codes";
import { noteNotFound, takeNotFound } from "@/lib/pipeline/fresh-lookups";
import { bookingSettingOf } from "@/lib/pipeline/booking-setting";
import { paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { recordPayments } from "@/lib/pipeline/record-payments";
import type { SourceDocument } from "@/connectors/types";
import { bookingConfigFor } from "@/lib/pipeline/booking-config";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordShopChanges } from "@/lib/changes/record-shop-changes";
import { reprocessDocument } from "@/lib/pipeline/reprocess-document";
import { undoBooking } from "@/lib/undo/undo-booking";
import { inngest } from "../client";
import { documentProcessRequested, paymentReceived } from "../events";
import { alertsErrorRecorded } from "./alerts-events";

/**
 * Books one recorded document: fetch from the shop → eligibility → normalize + pre-check →
 * look up by our reference (a retry after a timeout must not book twice) → debtor → products →
 * invoice → booked. One run at a time per integration, so debtors and products never race.
 * Every external call is its own step; failures a retry cannot fix land on the Errors tab.
 */
export const processDocument = inngest.createFunction(
  {
    id: "process-document",
    triggers: [documentProcessRequested],
    concurrency: { limit: 1, key: "event.data.integrationId" },
    retries: 5,
    onFailure: async ({ event, error, step }) => {
      const { documentId, integrationId } = event.data.event.data as { documentId: string; integrationId: string };
      const failure = { code: "retries_exhausted", message: `Could not reach the systems after several attempts: ${error.message}. Click Process to try again.` };
      await markError(db(), documentId, failure);
      await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.failed", detail: { ...failure, retryable: false } });
      await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId, subject: "document", subjectId: documentId, code: "retries_exhausted", message: error.message }));
    },
  },
  async ({ event, step, attempt: runAttempt }) => {
    const { documentId, integrationId } = event.data;
    const integration = await loadIntegration(db(), integrationId);
    // Paused (renewal unpaid) or cancelled: nothing is booked; the document waits on the Open tab.
    const hold = bookingHold(integration.status);
    if (hold) {
      const held = await step.run("hold", async () => {
        const row = await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { status: true } });
        if (row.status !== "booked") await markHeld(db(), documentId, hold);
        return row.status;
      });
      return held === "booked" ? { status: "booked", already: true } : { status: "open", held: hold.code };
    }
    const calls = callRecorder();
    /** One external call as one step, its exchange saved for "More info". */
    const external = <T>(id: string, call: () => Promise<T>) =>
      step.run(id, async () => {
        try {
          return await attempt(call);
        } catch (err) {
          // A retryable failure: Inngest runs this step again; the trail shows each retry.
          await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.retry", detail: { step: id, runAttempt, message: err instanceof Error ? err.message : String(err) } });
          throw err;
        } finally {
          await calls.save(db(), integrationId, documentId);
        }
      });
    const recordError = (failure: Pick<Failure, "code" | "message" | "params">, side?: "source" | "target") =>
      step.run("record-error", async () => {
        await markError(db(), documentId, failure);
        await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.failed", detail: { code: failure.code, message: failure.message, retryable: false } });
        if (side) await recordConnectionHealth(db(), integrationId, side, failure);
        return { status: "error", ...failure };
      });
    /**
     * Dead credentials are the connection's problem, not the document's: it waits on Open (nothing
     * lost), the connection turns red and "reconnect needed" is considered; a reconnect books it.
     */
    const waitForReconnect = async (failure: Pick<Failure, "code" | "message">, side: "source" | "target") => {
      await step.run("wait-for-reconnect", async () => {
        await markWaitingForReconnect(db(), documentId, side, failure);
        await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.waiting", detail: { code: failure.code, message: failure.message, side } });
        await recordConnectionHealth(db(), integrationId, side, failure);
        return null;
      });
      await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId, subject: "document", subjectId: documentId, code: failure.code, message: failure.message, side }));
      return { status: "open", held: HELD_RECONNECT, code: failure.code };
    };
    // Alerts (lib/alerts) decide on a mail in their own run: booking never waits for it.
    const fail = async (failure: Pick<Failure, "code" | "message" | "params">, side?: "source" | "target") => {
      if (side && isCredentialFailure(failure.code)) return waitForReconnect(failure, side);
      const recorded = await recordError(failure, side);
      await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId, subject: "document", subjectId: documentId, code: failure.code, message: failure.message, params: failure.params, side }));
      return recorded;
    };

    let connectors;
    try {
      connectors = connectorsFor(integration, calls.onCall);
    } catch (err) {
      return fail(toFailure(err)); // unsupported system or invalid settings: no retry can help
    }
    const { source, target } = connectors;

    /**
     * Payments follow their document once it is booked (when the integration books payments);
     * a booked document announced again brings the payments added in the shop since (`queued`).
     */
    const followPayments = async (raw: SourceDocument, send: "all" | "queued" = "all") => {
      if (!paymentsSettingOf(integration.settings.payments).enabled || !source.payments) return 0;
      const payments = source.payments.bind(source);
      let found;
      try {
        found = payments(raw);
      } catch {
        return 0; // the document is booked; a payment the shop's data does not give is left to the merchant
      }
      const pending = await step.run("record-payments", () => recordPayments(db(), integrationId, documentId, found, send));
      if (pending.length) await step.sendEvent("send-payments", pending.map((paymentId) => paymentReceived.create({ paymentId, integrationId })));
      return pending.length;
    };

    /**
     * A booked document announced again: never booked twice, but compared with what was booked
     * (lib/changes). With "Credit and rebook changed documents" on, a changed one is undone and
     * booked again, once: the undo claims the booking, and its rebooking is one memoized event.
     */
    const checkBookedForChanges = async (kind: "order" | "invoice" | "creditnote", sourceId: string) => {
      const again = await step.run("fetch-booked-from-shop", async () => {
        try {
          return await source.fetchDocument(kind, sourceId);
        } catch {
          return null; // the booking stands; a shop that does not answer now is asked again next time
        } finally {
          await calls.save(db(), integrationId, documentId);
        }
      });
      if (!again) return { status: "booked", already: true };
      const changes = await step.run("compare-with-booking", () => recordShopChanges(db(), documentId, source, again as SourceDocument, bookingConfigFor(integration, target)));
      if (changes.length && bookingSettingOf(integration.settings.booking).creditAndRebook) {
        const undone = await step.run("undo-changed-booking", () => undoBooking(db(), documentId, { actor: "system" }));
        if (undone.ok) {
          await step.run("requeue-changed", async () => {
            await reprocessDocument(db(), documentId);
            await recordAudit(db(), { actor: "system", integrationId, documentId, action: "booking.rebooked", detail: { how: undone.how, changes: changes.length } });
            return null;
          });
          await step.sendEvent("rebook-changed", documentProcessRequested.create({ documentId, integrationId }));
          return { status: "queued", rebook: true, changes: changes.length };
        }
      }
      // Paid later, or a further partial payment: new payments of the booked document (each once, by its key).
      const payments = await followPayments(again as SourceDocument, "queued");
      return { status: "booked", already: true, ...(changes.length ? { changes: changes.length } : {}), ...(payments ? { payments } : {}) };
    };

    const doc = await step.run("start", async () => {
      const row = await db().document.findUniqueOrThrow({ where: { id: documentId }, select: { kind: true, sourceId: true, status: true } });
      if (row.status !== "booked") {
        await markProcessing(db(), documentId);
        await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.started", detail: { runAttempt } });
      }
      return row;
    });
    if (doc.status === "booked") return checkBookedForChanges(doc.kind as "order" | "invoice" | "creditnote", doc.sourceId);
    const kind = doc.kind as "order" | "invoice" | "creditnote";

    const fetched = await external("fetch-from-shop", () => source.fetchDocument(kind, doc.sourceId));
    if (!fetched.ok) return fail(fetched.failure, "source");
    const raw = fetched.value;

    const eligibility = source.eligibility(raw);
    if (!eligibility.eligible) {
      await step.run("mark-open", () => markOpen(db(), documentId, eligibility.reason).then(() => null));
      return { status: "open", reason: eligibility.reason };
    }

    const booking = bookingSettingOf(integration.settings.booking);
    let prepared;
    try {
      prepared = prepareBooking(source, raw, bookingConfigFor(integration, target));
    } catch (err) {
      const failure = toFailure(err);
      await step.run("store-unbookable", () => storeFetched(db(), documentId, { payload: raw.payload, number: raw.number }).then(() => null));
      return fail(failure);
    }
    const { document } = prepared;
    await step.run("store-normalized", async () => {
      const billing = document.customer.billing;
      await storeFetched(db(), documentId, {
        payload: raw.payload, number: document.source.number, normalized: document, totals: document.totals,
        currency: document.currency, date: document.date,
        customerName: billing.company || [billing.firstName, billing.lastName].filter(Boolean).join(" ") || document.customer.email,
      });
      return null;
    });

    const existing = await external("find-existing-invoice", async () => {
      const found = await target.findInvoiceByReference(prepared.reference);
      if (!found) noteNotFound(integrationId, prepared.reference);
      return found;
    });
    if (!existing.ok) return fail(existing.failure, "target");
    if (existing.value) {
      await step.run("mark-booked-existing", async () => {
        await markBooked(db(), documentId, existing.value!);
        await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.booked", detail: { targetRef: existing.value!.id, targetNumber: existing.value!.number, found: true } });
        return null;
      });
      const payments = await followPayments(raw);
      return { status: "booked", invoice: existing.value, found: true, payments };
    }

    // ICP: 0% VAT stands on the customer's VAT number. VIES must know it; its answer is kept as proof.
    if (classify(document).vatClass === "icp" && booking.viesCheck) {
      const baseUrl = viesBaseUrl(integration.source.baseUrl, integration.licenseKey, env().VIES_BASE_URL);
      const checked = await external("check-vat-number", () => checkCustomerVatNumber(document, { baseUrl, requesterVatNumber: booking.requesterVatNumber, onCall: calls.onCall }));
      if (!checked.ok) return fail(checked.failure);
      const check = checked.value;
      await step.run("store-vat-check", () => db().document.update({ where: { id: documentId }, data: { vatCheck: check } }).then(() => null));
      if (check.status !== "valid") return fail({ code: "vat_number_not_registered", message: notRegisteredMessage(document, check) });
    }

    // The debtor and products this integration already linked, read in a step: every replay of this
    // run must take the same path. Read outside a step, a link made by another document's run while
    // this one waited for a retry turned a planned "find-product:X" into "link-product:X", and the
    // retry failed with "Could not find step" until retries ran out.
    const email = document.customer.email?.trim().toLowerCase();
    const productCodes = target.createsProducts === false ? [] : [...new Set(prepared.lines.map((l) => productFor(l).code))];
    const known = await step.run("known-links", () => knownLinks(integrationId, email, productCodes));

    // Debtor: the payment method's fixed debtor, else the one linked to this email, else found by
    // email or created, and then linked to the email so later documents skip the lookups.
    let debtorId = fixedDebtorFor(document, integration.paymentMethods);
    if (!debtorId && email) debtorId = known.debtorId ?? undefined;
    if (!debtorId) {
      let resolved: string | undefined;
      if (email) {
        const found = await external("find-debtor", () => target.findDebtorByEmail(email));
        if (!found.ok) return fail(found.failure, "target");
        resolved = found.value ?? undefined;
      }
      if (!resolved) {
        const created = await external("create-debtor", () => target.createDebtor(document));
        if (!created.ok) return fail(created.failure, "target");
        resolved = created.value;
      }
      if (email) {
        const targetId = resolved;
        await step.run("link-debtor", () =>
          db().debtorLink.upsert({ where: { integrationId_sourceKey: { integrationId, sourceKey: email } }, create: { integrationId, sourceKey: email, targetId }, update: {} }).then(() => null),
        );
      }
      debtorId = resolved;
    }

    // Products: find or create each distinct product once (not for targets that create none).
    const productIds = new Map<string, string>();
    for (const line of target.createsProducts === false ? [] : prepared.lines) {
      const product = productFor(line);
      if (productIds.has(product.code)) continue;
      let productId = Object.hasOwn(known.products, product.code) ? known.products[product.code] : undefined;
      const productLinked = productId !== undefined;
      if (!productId) {
        const found = await external(`find-product:${product.code}`, () => target.findProductByCode(product.code));
        if (!found.ok) return fail(found.failure, "target");
        productId = found.value ?? undefined;
      }
      if (!productId) {
        const created = await external(`create-product:${product.code}`, () =>
          target.createProduct({ code: product.code, description: product.description, vatRate: line.vatRate, unitPriceExcl: line.unitPriceExcl, vatCode: line.vatCode, ledgerAccount: line.ledgerAccount }),
        );
        if (created.ok) productId = created.value;
        else {
          // A create whose answer was lost (a timeout) did create the product, and its retry is
          // refused as a duplicate code ("Productcode is al in gebruik"): look again before failing.
          const again = await external(`find-product-again:${product.code}`, () => target.findProductByCode(product.code));
          if (!again.ok || !again.value) return fail(created.failure, "target");
          productId = again.value;
        }
      }
      const targetId = productId;
      if (!productLinked) {
        await step.run(`link-product:${product.code}`, () =>
          db().productLink.upsert({ where: { integrationId_sourceCode: { integrationId, sourceCode: product.code } }, create: { integrationId, sourceCode: product.code, targetId }, update: {} }).then(() => null),
        );
      }
      productIds.set(product.code, productId);
    }

    const invoice = await external("create-invoice", () =>
      target.createInvoice({
        lookedUp: takeNotFound(integrationId, prepared.reference),
        document,
        lines: prepared.lines.map((l) => ({ ...l, productId: productIds.get(productFor(l).code) })),
        debtorId: debtorId!,
        reference: prepared.reference,
        description: prepared.description,
        dueDate: prepared.dueDate,
        templateId: (integration.settings.target as { templateId?: string } | undefined)?.templateId,
      }),
    );
    if (!invoice.ok) return fail(invoice.failure, "target");
    await step.run("mark-booked", async () => {
      await markBooked(db(), documentId, invoice.value);
      await recordAudit(db(), { actor: "system", integrationId, documentId, action: "attempt.booked", detail: { targetRef: invoice.value.id, targetNumber: invoice.value.number } });
      return null;
    });
    const payments = await followPayments(raw);
    return { status: "booked", invoice: invoice.value, payments };
  },
);

/** The target ids already linked to this email and these product codes (a step's JSON result). */
async function knownLinks(integrationId: string, email: string | undefined, productCodes: string[]): Promise<{ debtorId: string | null; products: Record<string, string> }> {
  const [debtor, products] = await Promise.all([
    email ? db().debtorLink.findUnique({ where: { integrationId_sourceKey: { integrationId, sourceKey: email } } }) : null,
    productCodes.length ? db().productLink.findMany({ where: { integrationId, sourceCode: { in: productCodes } } }) : [],
  ]);
  return { debtorId: debtor?.targetId ?? null, products: Object.fromEntries(products.map((p) => [p.sourceCode, p.targetId])) };
}
