import { sourceFactory, targetFactory } from "@/connectors/registry";
import type { BookingLine, ExternalCallRecord, TargetDocumentRef } from "@/connectors/types";
import { db as appDb, type Db } from "../db/client";
import { saveRefreshedCredentials } from "../integrations/connection-credentials";
import { loadIntegration } from "../integrations/load-integration";
import { bookingConfigFor } from "../pipeline/booking-config";
import { toFailure, type Failure } from "../pipeline/failure";
import { fixedDebtorFor } from "../pipeline/fixed-debtor";
import { prepareBooking } from "../pipeline/prepare-booking";
import { productFor } from "../pipeline/product-codes";
import { capturingFetch, PREVIEW_STOP } from "./capturing-fetch";

/** A request as the target would receive it (secrets redacted the way the audit log redacts them). */
export type PreviewRequest = { method: string; url: string; body?: string };

export type PreviewLine = Pick<BookingLine, "description" | "quantity" | "unitPriceExcl" | "vatRate" | "vatCode" | "ledgerAccount" | "totalExcl" | "totalIncl" | "kind">;

export type BookingPreview =
  | { ok: false; stage: "shop" | "eligibility" | "prepare" | "target"; failure: Pick<Failure, "code" | "message" | "params"> }
  | {
      ok: true;
      /** Why Process would not book it yet (the shop's status); the rest shows what it would book once it may. */
      notEligible?: string;
      reference: string;
      description: string;
      currency: string;
      totals: { excl: string; vat: string; incl: string };
      lines: PreviewLine[];
      /** Found by e-mail (or the payment method's fixed debtor), or the request that would create it. */
      debtor: { found: true; id: string; how: "fixed" | "linked" | "email" } | { found: false; request?: PreviewRequest };
      /** Found (id), to be created (request), or none: the target books lines without products (`none`). */
      products: { code: string; description: string; id?: string; request?: PreviewRequest; none?: true }[];
      /** The target already holds a booking under our reference: Process would mark it booked, not book again. */
      already: TargetDocumentRef | null;
      /** The create request the target would receive. */
      request?: PreviewRequest;
      /** The target builds the invoice from the debtor it reads back: shown once the debtor exists. */
      requestAfterDebtor?: true;
    };

/** Placeholder ids for what only the real booking creates; the preview says so next to them. */
export const NEW_DEBTOR_ID = "0";
const newProductId = (_code: string) => "0";

/**
 * "Preview booking": runs the real pipeline code (the shop connector's fetch and mapping,
 * prepareBooking, the target connector's look-ups and payload builders) for one document, with a
 * fetch that lets reads through and holds back every write. Nothing is created, nothing is stored.
 */
export async function previewBooking(documentId: string, options: { db?: Db; fetch?: typeof fetch } = {}): Promise<BookingPreview> {
  const db = options.db ?? appDb();
  const row = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { integrationId: true, kind: true, sourceId: true } });
  const integration = await loadIntegration(db, row.integrationId);
  const calls: ExternalCallRecord[] = [];
  const onCall = (call: ExternalCallRecord) => calls.push(call);
  const capture = capturingFetch(options.fetch ?? globalThis.fetch);
  const source = sourceFactory(integration.sourceSystem)(
    { baseUrl: integration.source.baseUrl, credentials: integration.source.credentials, onCall, fetch: capture.fetch },
    integration.settings.source ?? {},
  );
  const target = targetFactory(integration.targetSystem)(
    { baseUrl: integration.target.baseUrl, credentials: integration.target.credentials, onCall, fetch: capture.fetch },
    integration.settings.target ?? {},
    { onCredentials: (c) => saveRefreshedCredentials(db, integration.id, "target", c) },
  );

  /** Runs one connector call that would write; returns the request it was about to send, or why it failed before. */
  let lastFailure: Failure | undefined;
  let lastValue: unknown;
  const captured = async (call: () => Promise<unknown>): Promise<PreviewRequest | undefined> => {
    const from = calls.length;
    lastFailure = undefined;
    lastValue = undefined;
    try {
      lastValue = await call(); // a target that creates nothing here (WeFact without products) answers at once
    } catch (err) {
      lastFailure = toFailure(err); // expected: the held-back write; otherwise a failure before any write
    }
    const held = calls.slice(from).find((c) => c.error?.includes(PREVIEW_STOP));
    return held ? { method: held.method, url: held.url, body: pretty(held.requestBody) } : undefined;
  };

  const kind = row.kind as "order" | "invoice" | "creditnote";
  let raw;
  try {
    raw = await source.fetchDocument(kind, row.sourceId);
  } catch (err) {
    return { ok: false, stage: "shop", failure: pick(toFailure(err)) };
  }
  // Not bookable yet (e.g. unpaid): still shown as it would be booked once it is, with the reason.
  const eligibility = source.eligibility(raw);
  const notEligible = eligibility.eligible ? undefined : eligibility.reason;
  let prepared;
  try {
    prepared = prepareBooking(source, raw, bookingConfigFor(integration, target));
  } catch (err) {
    return { ok: false, stage: "prepare", failure: pick(toFailure(err)) };
  }
  const { document } = prepared;

  try {
    const already = await target.findInvoiceByReference(prepared.reference);

    let debtor: Extract<BookingPreview, { ok: true }>["debtor"] = { found: false };
    const fixed = fixedDebtorFor(document, integration.paymentMethods);
    const email = document.customer.email?.trim().toLowerCase();
    if (fixed) debtor = { found: true, id: fixed, how: "fixed" };
    else if (email) {
      const linked = (await db.debtorLink.findUnique({ where: { integrationId_sourceKey: { integrationId: integration.id, sourceKey: email } } }))?.targetId;
      const found = linked ?? (await target.findDebtorByEmail(email));
      if (found) debtor = { found: true, id: found, how: linked ? "linked" : "email" };
    }
    if (!debtor.found) debtor = { found: false, request: await captured(() => target.createDebtor(document)) };

    const products: Extract<BookingPreview, { ok: true }>["products"] = [];
    for (const line of target.createsProducts === false ? [] : prepared.lines) {
      const product = productFor(line);
      if (products.some((p) => p.code === product.code)) continue;
      const linked = (await db.productLink.findUnique({ where: { integrationId_sourceCode: { integrationId: integration.id, sourceCode: product.code } } }))?.targetId;
      const id = linked ?? (await target.findProductByCode(product.code)) ?? undefined;
      if (id) {
        products.push({ ...product, id });
        continue;
      }
      const request = await captured(() => target.createProduct({ code: product.code, description: product.description, vatRate: line.vatRate, unitPriceExcl: line.unitPriceExcl, vatCode: line.vatCode, ledgerAccount: line.ledgerAccount }));
      products.push(request ? { ...product, request } : { ...product, id: typeof lastValue === "string" ? lastValue : undefined, none: true });
    }
    const productId = (code: string) => { const p = products.find((x) => x.code === code); return p ? (p.id ?? newProductId(code)) : undefined; };

    const request = already ? undefined : await captured(() =>
      target.createInvoice({
        document,
        lines: prepared.lines.map((l) => ({ ...l, productId: productId(productFor(l).code) })),
        debtorId: debtor.found ? debtor.id : NEW_DEBTOR_ID,
        reference: prepared.reference,
        description: prepared.description,
        dueDate: prepared.dueDate,
        templateId: (integration.settings.target as { templateId?: string } | undefined)?.templateId,
      }),
    );
    // The create call failed on its own before writing (e.g. a currency the target refuses): the pipeline's error.
    // Where the target reads the debtor back while building the invoice (e-Boekhouden, Factuursturen), a
    // debtor still to be created has nothing to read: the invoice request exists only once it does.
    const waitsForDebtor = !debtor.found && !!debtor.request;
    if (!already && !request && lastFailure && !waitsForDebtor) return { ok: false, stage: "target", failure: pick(lastFailure) };
    return {
      ok: true,
      ...(notEligible ? { notEligible } : {}),
      reference: prepared.reference,
      description: prepared.description,
      currency: document.currency,
      totals: { excl: document.totals.excl, vat: document.totals.vat, incl: document.totals.incl },
      lines: prepared.lines.map((l) => ({ kind: l.kind, description: l.description, quantity: l.quantity, unitPriceExcl: l.unitPriceExcl, vatRate: l.vatRate, vatCode: l.vatCode, ledgerAccount: l.ledgerAccount, totalExcl: l.totalExcl, totalIncl: l.totalIncl })),
      debtor,
      products,
      already,
      request,
      ...(!already && !request && waitsForDebtor ? { requestAfterDebtor: true as const } : {}),
    };
  } catch (err) {
    return { ok: false, stage: "target", failure: pick(toFailure(err)) };
  }
}

const pick = (f: Failure) => ({ code: f.code, message: f.message, ...(f.params ? { params: f.params } : {}) });

/** JSON bodies indented for reading; anything else (form-encoded, SOAP) as sent. */
function pretty(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
