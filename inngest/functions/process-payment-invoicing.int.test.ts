import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccvshopDemoSource } from "@/connectors/ccvshop/sandbox/demo";
import { factuursturenDemoTarget } from "@/connectors/factuursturen/sandbox/demo";
import type { InvoiceJson as FsInvoice, PaymentJson as FsPayment } from "@/connectors/factuursturen/sandbox/state";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import type { TargetSystem } from "@/connectors/types";
import { decodeForm } from "@/connectors/wefact/form";
import { wefactDemoTarget } from "@/connectors/wefact/sandbox/demo";
import type { InvoiceJson as WfInvoice, WefactPaymentJson } from "@/connectors/wefact/sandbox/state";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { bookDocument, runPayment } from "./testing/payment-runs";

/**
 * Payments "beyond the manuals" through the real pipeline (process-document, then process-payment)
 * with the sandboxes in-process: CCV Shop → WeFact (mark as paid / part payment) and CCV Shop →
 * Factuursturen (invoices_payment), payments switched on. A lost answer is a real one: the request
 * reaches the sandbox and is carried out, then the answer never comes back.
 */
const APP = "http://localhost:3000";
const WEFACT = "TEST-CCV-WEFACT-PAY";
const FS_ORDERS = "TEST-CCV-FS-PAY-ORDERS";
const FS_INVOICES = "TEST-CCV-FS-PAY-INVOICES";
const admin = (system: string, key: string) => `${APP}/sandbox/${system}/${key.toLowerCase()}/_admin`;

let t: TestDb;
const ids: Record<string, string> = {};
const realFetch = globalThis.fetch;
/** Requests for which the answer is lost once (after the sandbox carried them out). */
let loseAnswerOf: ((req: Request, body: string) => boolean) | undefined;

async function createIntegration(key: string, trigger: "paid-orders" | "invoices", targetSystem: TargetSystem, target: { credentials: object; settings: object; vatGrid?: object[] }): Promise<string> {
  const tenant = key.toLowerCase();
  const source = ccvshopDemoSource(tenant, trigger);
  const account = await t.db.account.create({ data: { name: key } });
  const settings = { source: source.settings, target: target.settings, payments: { enabled: true, accounts: {} } };
  const connection = (side: string, system: string, credentials: object) => ({ side, system, baseUrl: `${APP}/sandbox/${system}/${tenant}`, credentialsEnc: sealCredentials(credentials as Record<string, unknown>), status: "ok" });
  const integration = await t.db.integration.create({
    data: {
      accountId: account.id, licenseKey: key, name: key, sourceSystem: "ccvshop", targetSystem, status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", "ccvshop", source.credentials), connection("target", targetSystem, target.credentials)] },
      settings: { create: Object.entries(settings).map(([k, value]) => ({ key: k, value: value as Prisma.InputJsonValue })) },
      ...(target.vatGrid ? { vatMappings: { create: target.vatGrid as Prisma.VatMappingCreateWithoutIntegrationInput[] } } : {}),
    },
  });
  return integration.id;
}

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const body = req.method === "GET" ? "" : await req.clone().text();
    const lose = loseAnswerOf?.(req, body) ?? false;
    if (lose) loseAnswerOf = undefined;
    const res = await inProcessSandboxFetch(req);
    if (lose) throw new TypeError("fetch failed (the answer was lost on its way back)");
    return res;
  }) as typeof fetch;
  const wefact = wefactDemoTarget(WEFACT.toLowerCase());
  // Sent invoices: WeFact takes payments only on those (a draft waits, see below).
  ids[WEFACT] = await createIntegration(WEFACT, "paid-orders", "wefact", { ...wefact, settings: { ...wefact.settings, invoiceStatus: "sent" } });
  ids[FS_ORDERS] = await createIntegration(FS_ORDERS, "paid-orders", "factuursturen", factuursturenDemoTarget(FS_ORDERS.toLowerCase()));
  ids[FS_INVOICES] = await createIntegration(FS_INVOICES, "invoices", "factuursturen", factuursturenDemoTarget(FS_INVOICES.toLowerCase()));
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = (name: string, count: number, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
let seq = 5000;
/** A paid CCV order of 41.86 (1 × 24.95 at 21%, 2 × 5.98 at 9%, shipping 4.95). */
const ccvOrder = (email: string, overrides: Record<string, unknown> = {}) => {
  seq += 1;
  return {
    ordernumber: seq, ordernumber_full: `WEB-${seq}`, transaction_id: `tr_${seq}`, create_date: "2024-07-05T14:00:00Z",
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
    total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
    customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
    ...overrides,
  };
};

async function postDocument(key: string, kind: "order" | "invoice", payload: object): Promise<string> {
  const res = await inProcessSandboxFetch(`${admin("ccvshop", key)}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const paymentsOf = (documentId: string) => t.db.payment.findMany({ where: { documentId }, orderBy: { sourceId: "asc" } });
const replacePayments = async (integrationId: string, documentId: string, parts: [string, string][]) => {
  await t.db.payment.deleteMany({ where: { documentId } });
  for (const [sourceId, amount] of parts) {
    await t.db.payment.create({ data: { integrationId, documentId, sourceId, amount, method: "iDEAL", paidAt: new Date("2024-07-06T10:00:00Z"), status: "queued", rawPayload: { sourceId, amount } } });
  }
  return paymentsOf(documentId);
};

// ─── WeFact ────────────────────────────────────────────────────────────────

const wefact = async () => (await (await inProcessSandboxFetch(`${admin("wefact", WEFACT)}/state`)).json()) as { invoices: WfInvoice[]; payments: WefactPaymentJson[] };
const wefactInvoice = async (id: string) => (await wefact()).invoices.find((i) => String(i.Identifier) === id)!;
const wefactAction = (action: string) => (_req: Request, body: string) => decodeForm(body).action === action;

describe("payments: CCV Shop → WeFact", () => {
  it("a paid order: invoice, then mark as paid; a lost answer is retried and pays once", async () => {
    const orderId = await postDocument(WEFACT, "order", ccvOrder("wf-paid@example.nl"));
    const { documentId, result } = await bookDocument(t.db, ids[WEFACT]!, "order", orderId);
    expect(result).toMatchObject({ status: "booked", payments: 1 });
    const doc = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(await wefactInvoice(doc.targetRef!)).toMatchObject({ Status: "2", AmountPaid: "0.00", AmountOutstanding: "41.86" });

    const [payment] = await paymentsOf(documentId);
    loseAnswerOf = wefactAction("markaspaid");
    const lost = await runPayment(t.db, payment!.id);
    expect(lost.error).toMatchObject({ message: expect.stringMatching(/network: Could not reach WeFact/) });
    // WeFact did mark it paid; our row does not know yet.
    expect(lost.payment.status).toBe("queued");
    expect(await wefactInvoice(doc.targetRef!)).toMatchObject({ Status: "4" });
    const retried = await runPayment(t.db, payment!.id);
    expect(retried.result).toMatchObject({ status: "booked", target: { already: true } });
    expect(retried.payment).toMatchObject({ status: "booked", errorCode: null });
    expect(retried.payment.targetRef).toContain(doc.targetRef!);
    expect(await wefactInvoice(doc.targetRef!)).toMatchObject({ Status: "4", AmountPaid: "41.86", AmountOutstanding: "0.00", PayDate: "2024-07-05", PaymentMethod: "ideal" });
    expect((await wefact()).payments.filter((p) => String(p.Invoice) === doc.targetRef)).toEqual([expect.objectContaining({ Action: "markaspaid", Amount: "41.86" })]);
    // Delivered again: nothing changes.
    expect((await runPayment(t.db, payment!.id)).result).toMatchObject({ status: "booked", already: true });
    expect((await wefact()).payments.filter((p) => String(p.Invoice) === doc.targetRef)).toHaveLength(1);
  });

  it("two partial payments: partly paid, then paid; the second's lost answer still pays once", async () => {
    const orderId = await postDocument(WEFACT, "order", ccvOrder("wf-part@example.nl"));
    const { documentId } = await bookDocument(t.db, ids[WEFACT]!, "order", orderId);
    const targetRef = (await t.db.document.findUniqueOrThrow({ where: { id: documentId } })).targetRef!;
    const [first, second] = await replacePayments(ids[WEFACT]!, documentId, [[`wf-a-${orderId}`, "20.00"], [`wf-b-${orderId}`, "21.86"]]);
    expect((await runPayment(t.db, first!.id)).payment.status).toBe("booked");
    expect(await wefactInvoice(targetRef)).toMatchObject({ Status: "3", AmountPaid: "20.00", AmountOutstanding: "21.86" });
    loseAnswerOf = wefactAction("markaspaid");
    expect((await runPayment(t.db, second!.id)).payment.status).toBe("queued");
    expect((await runPayment(t.db, second!.id)).result).toMatchObject({ status: "booked", target: { already: true } });
    expect(await wefactInvoice(targetRef)).toMatchObject({ Status: "4", AmountPaid: "41.86", AmountOutstanding: "0.00" });
    expect((await wefact()).payments.filter((p) => String(p.Invoice) === targetRef).map((p) => [p.Action, p.Amount])).toEqual([["partpayment", "20.00"], ["markaspaid", "21.86"]]);
  });

  it("an invoice left as a draft: the payment waits (not_outstanding) for the following nights", async () => {
    const integrationId = ids[WEFACT]!;
    await t.db.integrationSetting.update({ where: { integrationId_key: { integrationId, key: "target" } }, data: { value: { ...wefactDemoTarget(WEFACT.toLowerCase()).settings, invoiceStatus: "draft" } } });
    try {
      const orderId = await postDocument(WEFACT, "order", ccvOrder("wf-draft@example.nl"));
      const { documentId } = await bookDocument(t.db, integrationId, "order", orderId);
      const [payment] = await paymentsOf(documentId);
      const waiting = await runPayment(t.db, payment!.id);
      expect(waiting.payment).toMatchObject({ status: "waiting", errorCode: "not_outstanding", attempts: 1 });
      expect(waiting.payment.errorDetail).toMatch(/still a draft/);
    } finally {
      await t.db.integrationSetting.update({ where: { integrationId_key: { integrationId, key: "target" } }, data: { value: { ...wefactDemoTarget(WEFACT.toLowerCase()).settings, invoiceStatus: "sent" } } });
    }
  });
});

// ─── Factuursturen ─────────────────────────────────────────────────────────

const factuursturen = async (key: string) => (await (await inProcessSandboxFetch(`${admin("factuursturen", key)}/state`)).json()) as { invoices: FsInvoice[]; payments: FsPayment[] };
const fsInvoice = async (key: string, nr: string) => (await factuursturen(key)).invoices.find((i) => i.invoicenr === nr)!;
const fsPaymentsOn = async (key: string, nr: string) => (await factuursturen(key)).payments.filter((p) => p.invoicenr === nr);

describe("payments: CCV Shop → Factuursturen", () => {
  it("a paid order: the invoice is created already paid (manual 004), so its payment is found there and never paid twice", async () => {
    const orderId = await postDocument(FS_ORDERS, "order", ccvOrder("fs-paid@example.nl"));
    const { documentId } = await bookDocument(t.db, ids[FS_ORDERS]!, "order", orderId);
    const nr = (await t.db.document.findUniqueOrThrow({ where: { id: documentId } })).targetRef!;
    expect(await fsInvoice(FS_ORDERS, nr)).toMatchObject({ totalintax: "41.86", open: "0.00" });
    const [payment] = await paymentsOf(documentId);
    const { result, payment: after } = await runPayment(t.db, payment!.id);
    expect(result).toMatchObject({ status: "booked", target: { already: true } });
    expect(after.status).toBe("booked");
    expect(await fsPaymentsOn(FS_ORDERS, nr)).toHaveLength(1);
  });

  it("an unpaid invoice: invoices_payment pays it; a lost answer is retried and pays once", async () => {
    const invoice = {
      id: undefined, type: "debit", invoicenumber: 2024301, invoicenumber_full: "F-2024301", transaction_id: "TX-301", status: "2", paymethod: "iDEAL",
      create_date: "2024-07-05T14:00:00Z", taxes_included: true, total_price: 41.86, total_tax: 6.18, total_shipping: 4.95, shipping_tax_percentage: 21, currency: "EUR",
      customer: { email: "fs-invoice@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
      invoicerows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
    };
    const invoiceId = await postDocument(FS_INVOICES, "invoice", invoice);
    const { documentId, result } = await bookDocument(t.db, ids[FS_INVOICES]!, "invoice", invoiceId);
    expect(result).toMatchObject({ status: "booked", payments: 1 });
    const nr = (await t.db.document.findUniqueOrThrow({ where: { id: documentId } })).targetRef!;
    expect(await fsInvoice(FS_INVOICES, nr)).toMatchObject({ totalintax: "41.86", open: "41.86" });

    const [payment] = await paymentsOf(documentId);
    loseAnswerOf = (req) => req.method === "POST" && new URL(req.url).pathname.includes("/invoices_payment/");
    const lost = await runPayment(t.db, payment!.id);
    expect([lost.error, lost.payment.status]).toEqual([expect.objectContaining({ message: expect.stringMatching(/network: Could not reach Factuursturen/) }), "queued"]);
    expect(await fsPaymentsOn(FS_INVOICES, nr)).toHaveLength(1);
    const retried = await runPayment(t.db, payment!.id);
    expect(retried.result).toMatchObject({ status: "booked", target: { already: true } });
    expect(await fsInvoice(FS_INVOICES, nr)).toMatchObject({ open: "0.00", paiddate: "2024-07-05" });
    expect(await fsPaymentsOn(FS_INVOICES, nr)).toEqual([expect.objectContaining({ amount: "41.86", date: "2024-07-05" })]);
  });

  it("says clearly that a refund is not booked in Factuursturen", async () => {
    const orderId = await postDocument(FS_ORDERS, "order", ccvOrder("fs-refund@example.nl"));
    const { documentId } = await bookDocument(t.db, ids[FS_ORDERS]!, "order", orderId);
    const [refund] = await replacePayments(ids[FS_ORDERS]!, documentId, [[`fs-refund-${orderId}`, "-41.86"]]);
    const { payment } = await runPayment(t.db, refund!.id);
    expect(payment).toMatchObject({ status: "error", errorCode: "refund_not_supported" });
    expect(payment.errorDetail).toMatch(/refund of -41\.86 .* book the refund by hand in Factuursturen/);
  });
});
