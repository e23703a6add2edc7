import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccvshopDemoSource } from "@/connectors/ccvshop/sandbox/demo";
import creditInvoice from "@/connectors/ccvshop/__fixtures__/invoice-credit.json";
import type { MutationJson } from "@/connectors/eboekhouden/sandbox/state";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { sandboxAccountIds } from "@/connectors/rompslomp/sandbox/seed";
import type { PaymentJson, SalesInvoiceJson } from "@/connectors/rompslomp/sandbox/state";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import type { DocumentKind } from "@/connectors/types";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { setSetting } from "@/lib/integrations/settings";
import { duePayments, reprocessPayment } from "@/lib/pipeline/payment-status";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { processDocument } from "./process-document";
import { processPayment } from "./process-payment";
import { sentEventSteps } from "./testing/sent-events";

/**
 * Payments end to end through the real pipeline (process-document, then process-payment) with the
 * sandboxes in-process: CCV Shop → Rompslomp and PrestaShop → e-Boekhouden as the demo integrations
 * are configured, plus a CCV Shop (invoices) → Rompslomp integration for invoice payments and refunds.
 */
const APP = "http://localhost:3000";
const CCV = "DEMO-CCVSHOP-ROMPSLOMP";
const PS = "DEMO-PRESTASHOP-EBOEKHOUDEN";
const INV = "TEST-CCVINVOICES-ROMPSLOMP";
const admin = (system: string, key: string) => `${APP}/sandbox/${system}/${key.toLowerCase()}/_admin`;

let t: TestDb;
const ids: Record<string, string> = {};
const realFetch = globalThis.fetch;

/** CCV Shop booking invoices (and credit invoices) into Rompslomp, payments on. */
async function createInvoicesIntegration(): Promise<string> {
  const tenant = INV.toLowerCase();
  const source = ccvshopDemoSource(tenant, "invoices");
  const target = rompslompDemoTarget(tenant);
  const account = await t.db.account.create({ data: { name: "Invoices shop" } });
  const settings: Record<string, unknown> = { source: source.settings, target: target.settings, costAccounts: target.costAccounts, payments: { enabled: true, accounts: { ideal: String(sandboxAccountIds.clearingIdeal), default: String(sandboxAccountIds.bank) } } };
  const connection = (side: string, system: string, credentials: object) => ({ side, system, baseUrl: `${APP}/sandbox/${system}/${tenant}`, credentialsEnc: sealCredentials(credentials as Record<string, unknown>), status: "ok" });
  const integration = await t.db.integration.create({
    data: {
      accountId: account.id, licenseKey: INV, name: "CCV invoices → Rompslomp", sourceSystem: "ccvshop", targetSystem: "rompslomp", status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", "ccvshop", source.credentials), connection("target", "rompslomp", target.credentials)] },
      settings: { create: Object.entries(settings).map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: target.vatGrid },
    },
  });
  return integration.id;
}

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  for (const key of [CCV, PS]) ids[key] = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: key } })).id;
  ids[INV] = await createInvoicesIntegration();
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const post = async (url: string, body: unknown) => {
  const res = await inProcessSandboxFetch(url, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

async function book(key: string, kind: DocumentKind, sourceId: string) {
  const integrationId = ids[key]!;
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  const { result } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    // Sending payment/received to Inngest is stood in for: the test runs process-payment itself.
    steps: sentEventSteps(),
  }).execute();
  return { documentId, result: result as { status: string; payments?: number } };
}

async function pay(paymentId: string) {
  const payment = await t.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const { result } = await new InngestTestEngine({ function: processPayment, events: [{ name: "payment/received", data: { paymentId, integrationId: payment.integrationId } }], steps: sentEventSteps() }).execute();
  return { result: result as { status: string; code?: string; already?: boolean; target?: { already?: boolean } }, payment: await t.db.payment.findUniqueOrThrow({ where: { id: paymentId } }) };
}

const paymentsOf = (documentId: string) => t.db.payment.findMany({ where: { documentId }, orderBy: { createdAt: "asc" } });
const rompslomp = async (key: string) => (await (await inProcessSandboxFetch(`${admin("rompslomp", key)}/state`)).json()) as { invoices: SalesInvoiceJson[]; payments: PaymentJson[] };
const invoiceOf = async (key: string, reference: string) => (await rompslomp(key)).invoices.find((i) => i.api_reference === reference)!;
const paymentsOnInvoice = async (key: string, invoiceId: number) => (await rompslomp(key)).payments.filter((p) => p.sales_invoice_id === invoiceId);

/** A payment recorded by hand (as the shop would report a second one), on a document. */
const recordPayment = (integrationId: string, documentId: string | null, sourceId: string, amount: string, extra: Record<string, unknown> = {}) =>
  t.db.payment.create({
    data: { integrationId, documentId, sourceId, amount, method: "iDEAL", paidAt: new Date("2024-07-06T10:00:00Z"), status: "queued", rawPayload: { sourceId, amount, transactionId: `tr_${sourceId}`, ...extra } },
  });

// ─── CCV Shop → Rompslomp ──────────────────────────────────────────────────

const ccvRow = (name: string, count: number, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
let orderSeq = 2000;
const ccvOrder = (email: string, overrides: Record<string, unknown> = {}) => {
  orderSeq += 1;
  return {
    ordernumber: orderSeq, ordernumber_full: `WEB-${orderSeq}`, transaction_id: `tr_${orderSeq}`, create_date: "2024-07-05T14:00:00Z",
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
    total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
    customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [ccvRow("Theepot", 1, 24.95, 21), ccvRow("Thee", 2, 5.98, 9)],
    ...overrides,
  };
};

describe("payments: CCV Shop → Rompslomp", () => {
  let orderId: string;
  let documentId: string;

  it("books a paid order's invoice, then its payment: the invoice shows paid", async () => {
    const payload = ccvOrder("paid@example.nl");
    orderId = await post(`${admin("ccvshop", CCV)}/documents`, { kind: "order", payload });
    const booked = await book(CCV, "order", orderId);
    documentId = booked.documentId;
    expect(booked.result).toMatchObject({ status: "booked", payments: 1 });
    const [recorded] = await paymentsOf(documentId);
    expect(recorded).toMatchObject({ sourceId: payload.ordernumber_full, status: "queued", method: "iDEAL" });
    expect(recorded!.amount.toFixed(2)).toBe("41.86");
    expect((await invoiceOf(CCV, `${CCV}-order-${orderId}`)).open_amount).toBe("41.86");

    const { result, payment } = await pay(recorded!.id);
    expect(result.status).toBe("booked");
    expect(payment).toMatchObject({ status: "booked", attempts: 1, errorCode: null });
    const invoice = await invoiceOf(CCV, `${CCV}-order-${orderId}`);
    expect([invoice.open_amount, invoice.payment_status]).toEqual(["0.0", "paid"]);
    expect(payment.targetRef).toContain(String(invoice.id));
    // The manual: description "sales number + transaction id", on the clearing account set for payments.
    expect(await paymentsOnInvoice(CCV, invoice.id)).toEqual([
      expect.objectContaining({ amount: "41.86", description: `${payload.ordernumber_full} ${payload.transaction_id}`, account_id: sandboxAccountIds.clearingIdeal }),
    ]);
  });

  it("books a payment delivered twice once: re-sending it changes nothing", async () => {
    const before = await paymentsOf(documentId);
    // The shop's webhook again: the document is booked, so nothing is booked or recorded again.
    expect((await book(CCV, "order", orderId)).result).toMatchObject({ status: "booked" });
    expect(await paymentsOf(documentId)).toEqual(before);
    // The payment event delivered again.
    expect((await pay(before[0]!.id)).result).toMatchObject({ status: "booked", already: true });
    const invoice = await invoiceOf(CCV, `${CCV}-order-${orderId}`);
    expect(await paymentsOnInvoice(CCV, invoice.id)).toHaveLength(1);
  });

  it("pays once when the answer of the first registration was lost", async () => {
    const [payment] = await paymentsOf(documentId);
    // As if Rompslomp added the payment but our answer never came: the row is still queued.
    await t.db.payment.update({ where: { id: payment!.id }, data: { status: "queued", targetRef: null } });
    const { result, payment: after } = await pay(payment!.id);
    expect(result).toMatchObject({ status: "booked", target: { already: true } });
    expect(after.status).toBe("booked");
    const invoice = await invoiceOf(CCV, `${CCV}-order-${orderId}`);
    expect(await paymentsOnInvoice(CCV, invoice.id)).toHaveLength(1);
    expect(invoice.open_amount).toBe("0.0");
  });

  it("books two partial payments on one invoice, and a lost answer of the second still pays once", async () => {
    const id = await post(`${admin("ccvshop", CCV)}/documents`, { kind: "order", payload: ccvOrder("partial@example.nl") });
    const { documentId: docId } = await book(CCV, "order", id);
    const integrationId = ids[CCV]!;
    // The shop's own single payment is replaced by two partial ones for this test.
    await t.db.payment.deleteMany({ where: { documentId: docId } });
    const first = await recordPayment(integrationId, docId, `part-a-${id}`, "20.00");
    const second = await recordPayment(integrationId, docId, `part-b-${id}`, "21.86");
    expect((await pay(first.id)).payment.status).toBe("booked");
    expect((await invoiceOf(CCV, `${CCV}-order-${id}`)).open_amount).toBe("21.86");
    expect((await pay(second.id)).payment.status).toBe("booked");
    await t.db.payment.update({ where: { id: second.id }, data: { status: "queued" } });
    expect((await pay(second.id)).result).toMatchObject({ status: "booked", target: { already: true } });
    const invoice = await invoiceOf(CCV, `${CCV}-order-${id}`);
    expect([invoice.open_amount, invoice.payment_status]).toEqual(["0.0", "paid"]);
    expect((await paymentsOnInvoice(CCV, invoice.id)).map((p) => p.amount)).toEqual(["20.0", "21.86"]);
  });

  it("a payment that arrives before its order is booked waits, and is booked once the invoice exists", async () => {
    const payload = ccvOrder("early@example.nl");
    const id = await post(`${admin("ccvshop", CCV)}/documents`, { kind: "order", payload });
    const integrationId = ids[CCV]!;
    const { documentId: docId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: id });
    const early = await recordPayment(integrationId, docId, payload.ordernumber_full, "41.86", { transactionId: payload.transaction_id });
    const waiting = await pay(early.id);
    expect(waiting.result).toMatchObject({ status: "waiting", code: "document_not_booked" });
    expect(waiting.payment).toMatchObject({ status: "waiting", errorCode: "document_not_booked", attempts: 0 });
    expect(waiting.payment.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

    // The order is booked: the shop's payment is the same one (same key), nothing is recorded twice.
    expect((await book(CCV, "order", id)).result).toMatchObject({ status: "booked", payments: 1 });
    expect(await paymentsOf(docId)).toHaveLength(1);
    expect((await pay(early.id)).payment.status).toBe("booked");
    expect((await invoiceOf(CCV, `${CCV}-order-${id}`)).payment_status).toBe("paid");
  });

  it("an invoice that never appears in Rompslomp: tried on two nights, then on Errors with the reason; Process tries again", async () => {
    const integrationId = ids[CCV]!;
    // Booked by us, but the invoice is not in Rompslomp (e.g. removed there).
    const doc = await t.db.document.create({
      data: { integrationId, kind: "order", sourceId: "gone-1", sourceNumber: "WEB-9999", status: "booked", targetRef: "999999", rawPayload: {}, bookedAt: new Date() },
    });
    const payment = await recordPayment(integrationId, doc.id, "WEB-9999", "10.00");
    const first = await pay(payment.id);
    expect(first.payment).toMatchObject({ status: "waiting", errorCode: "invoice_not_found", attempts: 1 });
    expect(first.payment.errorDetail).toMatch(/no invoice for WEB-9999/);
    // The nightly re-check finds it once its night has come, not before.
    expect((await duePayments(t.db)).map((p) => p.id)).not.toContain(payment.id);
    expect((await duePayments(t.db, new Date(first.payment.nextAttemptAt!.getTime() + 1))).map((p) => p.id)).toContain(payment.id);
    expect((await pay(payment.id)).payment).toMatchObject({ status: "waiting", attempts: 2 });
    const last = await pay(payment.id);
    expect(last.payment).toMatchObject({ status: "error", errorCode: "invoice_not_found", attempts: 3, nextAttemptAt: null });
    expect(last.payment.errorDetail).toMatch(/no invoice for WEB-9999.*Tried 3 times/);
    expect((await duePayments(t.db, new Date(Date.now() + 7 * 86_400_000))).map((p) => p.id)).not.toContain(payment.id);
    // Process: back in the queue with fresh tries.
    expect(await reprocessPayment(t.db, payment.id)).toBe(true);
    expect((await pay(payment.id)).payment).toMatchObject({ status: "waiting", attempts: 1 });
  });
});

// ─── CCV Shop invoices → Rompslomp: invoice payments and refunds ───────────

describe("payments: CCV Shop invoices → Rompslomp", () => {
  it("books an invoice's payment whatever its status, the invoice number standing in for a missing transaction id, on the account of its method", async () => {
    const invoice = {
      ...creditInvoice, id: undefined, type: "debit", invoicenumber: 2024101, invoicenumber_full: "F-2024101", transaction_id: null, status: "2",
      order: undefined, paymethod: "Bankoverschrijving",
    };
    const id = await post(`${admin("ccvshop", INV)}/documents`, { kind: "invoice", payload: invoice });
    const { documentId, result } = await book(INV, "invoice", id);
    expect(result).toMatchObject({ status: "booked", payments: 1 });
    const [payment] = await paymentsOf(documentId);
    expect((await pay(payment!.id)).payment.status).toBe("booked");
    const booked = await invoiceOf(INV, `${INV}-invoice-${id}`);
    expect(booked.payment_status).toBe("paid");
    // No account for bank transfers: the "default" one.
    expect(await paymentsOnInvoice(INV, booked.id)).toEqual([expect.objectContaining({ amount: "25.0", description: "F-2024101 F-2024101", account_id: sandboxAccountIds.bank })]);
  });

  it("books a refund as a negative payment on the credit invoice", async () => {
    const credit = { ...creditInvoice, id: undefined, invoicenumber: 2024102, invoicenumber_full: "F-2024102", order: undefined };
    const id = await post(`${admin("ccvshop", INV)}/documents`, { kind: "creditnote", payload: credit });
    const { documentId, result } = await book(INV, "creditnote", id);
    expect(result).toMatchObject({ status: "booked", payments: 1 });
    const [payment] = await paymentsOf(documentId);
    expect(payment!.amount.toFixed(2)).toBe("-25.00");
    expect((await pay(payment!.id)).payment.status).toBe("booked");
    const booked = await invoiceOf(INV, `${INV}-creditnote-${id}`);
    expect([booked.price_with_vat, booked.open_amount, booked.payment_status]).toEqual(["-25.0", "0.0", "paid"]);
    expect(await paymentsOnInvoice(INV, booked.id)).toEqual([expect.objectContaining({ amount: "-25.0", description: "F-2024102 TX-IDEAL-7781", account_id: sandboxAccountIds.clearingIdeal })]);
  });
});

// ─── PrestaShop → e-Boekhouden ─────────────────────────────────────────────

let psSeq = 0;
const psOrder = (payments: { amount: string; transaction_id?: string }[]) => {
  psSeq += 1;
  return {
    reference: `PAYTEST${psSeq}`, current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00",
    date_add: "2024-07-05 16:40:18", date_upd: "2024-07-05 16:40:18",
    customer: { email: `ps${psSeq}@example.nl`, firstname: "Eva", lastname: "Koper" },
    address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
    order_details: [
      { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
      { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
    ],
    order_payments: payments.map((p) => ({ payment_method: "iDEAL", date_add: "2024-07-05 16:45:00", ...p })),
  };
};
const mutations = async () => ((await (await inProcessSandboxFetch(`${admin("eboekhouden", PS)}/state`)).json()) as { mutations: MutationJson[] }).mutations;
const mutationsFor = async (salesNumber: string) => (await mutations()).filter((m) => m.invoiceNumber === salesNumber || m.rows.some((r) => r.invoiceNumber === salesNumber));

describe("payments: PrestaShop → e-Boekhouden", () => {
  it("books the sale mutation, then the payment mutation against its outstanding item", async () => {
    const order = psOrder([{ amount: "38.86", transaction_id: "tr_ps_1" }]);
    const id = await post(`${admin("prestashop", PS)}/documents`, { kind: "order", payload: order });
    const { documentId, result } = await book(PS, "order", id);
    expect(result).toMatchObject({ status: "booked", payments: 1 });
    const [payment] = await paymentsOf(documentId);
    const { payment: after } = await pay(payment!.id);
    expect(after).toMatchObject({ status: "booked", errorCode: null });
    const [sale, paid] = await mutationsFor(order.reference);
    expect(sale!.type).toBe(2);
    // The manual's payment mutation: invoice payment received, relation of the open item, "method - number - transaction id", in VAT, no VAT code.
    expect(paid).toMatchObject({ type: 3, relationId: sale!.relationId, inExVat: "IN", entryNumber: "tr_ps_1", description: `mollie - iDEAL - ${order.reference} - tr_ps_1` });
    expect(paid!.rows).toEqual([expect.objectContaining({ amount: 38.86, invoiceNumber: order.reference })]);
    expect(after.targetRef).toContain(String(paid!.id));

    // Lost answer: found by sales number and transaction id, not booked again.
    await t.db.payment.update({ where: { id: payment!.id }, data: { status: "queued" } });
    expect((await pay(payment!.id)).result).toMatchObject({ status: "booked", target: { already: true } });
    expect(await mutationsFor(order.reference)).toHaveLength(2);
  });

  it("an amount that differs from the outstanding item waits, then lands on Errors after the two nights", async () => {
    const order = psOrder([{ amount: "30.00", transaction_id: "tr_ps_short" }]);
    const id = await post(`${admin("prestashop", PS)}/documents`, { kind: "order", payload: order });
    const { documentId } = await book(PS, "order", id);
    const [payment] = await paymentsOf(documentId);
    expect((await pay(payment!.id)).payment).toMatchObject({ status: "waiting", errorCode: "amount_differs", attempts: 1 });
    expect((await pay(payment!.id)).payment).toMatchObject({ status: "waiting", attempts: 2 });
    const last = await pay(payment!.id);
    expect(last.payment).toMatchObject({ status: "error", errorCode: "amount_differs", attempts: 3 });
    expect(last.payment.errorDetail).toMatch(/30\.00 does not match the 38\.86 outstanding/);
    expect((await mutationsFor(order.reference)).map((m) => m.type)).toEqual([2]);
  });

  it("says clearly that a refund is not booked in e-Boekhouden", async () => {
    const order = psOrder([{ amount: "38.86", transaction_id: "tr_ps_r" }]);
    const id = await post(`${admin("prestashop", PS)}/documents`, { kind: "order", payload: order });
    const { documentId } = await book(PS, "order", id);
    const refund = await recordPayment(ids[PS]!, documentId, `refund-${id}`, "-38.86");
    const { payment } = await pay(refund.id);
    expect(payment).toMatchObject({ status: "error", errorCode: "refund_not_supported" });
    expect(payment.errorDetail).toMatch(/refund of -38\.86 .* book the refund by hand/);
  });

  it("records no payments when the integration does not book payments", async () => {
    await setSetting(t.db, ids[PS]!, "payments", { enabled: false });
    const id = await post(`${admin("prestashop", PS)}/documents`, { kind: "order", payload: psOrder([{ amount: "38.86" }]) });
    const { documentId, result } = await book(PS, "order", id);
    expect(result).toMatchObject({ status: "booked", payments: 0 });
    expect(await paymentsOf(documentId)).toEqual([]);
    await setSetting(t.db, ids[PS]!, "payments", { enabled: true });
  });
});
