import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxCredentials as ccvCredentials } from "@/connectors/ccvshop/sandbox/credentials";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { money, sum } from "@/lib/domain/money";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { factuursturenDemoTarget } from "./sandbox/demo";
import type { ClientJson, InvoiceJson } from "./sandbox/state";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

// CCV Shop → Factuursturen through the real pipeline (processDocument), the real connectors and
// both sandboxes served in-process. KMO Shops is built elsewhere; CCV Shop stands in as the source.
const APP = "http://localhost:3000";
type Trigger = "paid-orders" | "invoices";
const KEYS: Record<Trigger, string> = { "paid-orders": "TEST-CCVSHOP-FS-ORDERS", invoices: "TEST-CCVSHOP-FS-INVOICES" };
const tenant = (trigger: Trigger) => KEYS[trigger].toLowerCase();
const shop = (trigger: Trigger) => `${APP}/sandbox/ccvshop/${tenant(trigger)}/_admin`;
const books = (trigger: Trigger) => `${APP}/sandbox/factuursturen/${tenant(trigger)}/_admin`;

let t: TestDb;
const integrationIds = {} as Record<Trigger, string>;
const realFetch = globalThis.fetch;
/** Set by a test: what happens to requests on their way (used to lose an answer). */
let intercept: ((req: Request) => Promise<Response>) | undefined;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => (intercept ? intercept(new Request(input, init)) : inProcessSandboxFetch(input, init))) as typeof fetch;
  const account = await t.db.account.create({ data: { name: "Theehuis B.V." } });
  for (const trigger of ["paid-orders", "invoices"] as const) {
    const target = factuursturenDemoTarget(tenant(trigger));
    const integration = await t.db.integration.create({
      data: {
        accountId: account.id, licenseKey: KEYS[trigger], name: `CCV Shop → Factuursturen (${trigger})`, sourceSystem: "ccvshop", targetSystem: "factuursturen", status: "active",
        connections: {
          create: [
            { side: "source", system: "ccvshop", baseUrl: `${APP}/sandbox/ccvshop/${tenant(trigger)}`, credentialsEnc: sealCredentials(ccvCredentials(tenant(trigger))), status: "ok" },
            { side: "target", system: "factuursturen", baseUrl: `${APP}/sandbox/factuursturen/${tenant(trigger)}`, credentialsEnc: sealCredentials(target.credentials), status: "ok" },
          ],
        },
        // No VAT grid: Factuursturen books the documents' own rates (TargetSetup.usesVatGrid false).
        settings: { create: [{ key: "source", value: { documentTrigger: trigger, shopCountry: "NL", paymentMethods: [] } }, { key: "target", value: target.settings }] },
      },
    });
    integrationIds[trigger] = integration.id;
  }
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = (name: string, count: number, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const customer = (email: string) => ({ email, billingaddress: { first_name: "Eva", last_name: "Koper", company: "Theehuis B.V.", street: "Kerkstraat", housenumber: 12, zipcode: "1234 AB", city: "Utrecht", country_code: "NL", telephone: "0612345678" }, deliveryaddress: { country_code: "NL" } });
/** 1 × 24.95 at 21%, 2 × 5.98 at 9%, shipping 4.95 at 21%: 41.86 incl., VAT 5.19 (21%) + 0.99 (9%). */
const order = (patch: Record<string, unknown> = {}) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR",
  customer: customer("eva@theehuis.nl"), orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)], ...patch,
});

async function post(trigger: Trigger, kind: "order" | "invoice" | "creditnote", payload: Record<string, unknown>): Promise<string> {
  const res = await inProcessSandboxFetch(`${shop(trigger)}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

async function process(trigger: Trigger, sourceId: string, kind: "order" | "invoice" = trigger === "paid-orders" ? "order" : "invoice") {
  const integrationId = integrationIds[trigger];
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  const { result, error } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
  return { result: result as { status: string; found?: boolean; already?: boolean } | undefined, error, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

type Books = { contacts: ClientJson[]; products: unknown[]; invoices: InvoiceJson[]; payments: { invoicenr: string; amount: string }[] };
const booked = async (trigger: Trigger) => (await (await inProcessSandboxFetch(`${books(trigger)}/state`)).json()) as Books;
const invoiceFor = async (trigger: Trigger, sourceId: string, kind = trigger === "paid-orders" ? "order" : "invoice") => {
  const matches = (await booked(trigger)).invoices.filter((i) => i.reference.line3 === `${KEYS[trigger]}-${kind}-${sourceId}`);
  expect(matches).toHaveLength(1); // booked once
  return matches[0]!;
};

/** The document's VAT per rate, from its own lines: what Factuursturen must show, to the cent. */
function documentVat(doc: SalesDocument): Record<string, string> {
  const rates = [...new Set(doc.lines.map((l) => money(l.vatRate).toFixed()))];
  return Object.fromEntries(rates.map((r) => [r, sum(doc.lines.filter((l) => money(l.vatRate).eq(r)).map((l) => money(l.vatAmount))).toFixed(2)]));
}
const bookedVat = (invoice: InvoiceJson) => Object.fromEntries(Object.values(invoice.taxes).map((x) => [String(x.rate), x.sum]));

function expectSameMoney(invoice: InvoiceJson, doc: SalesDocument) {
  expect(invoice.totalintax).toBe(money(doc.totals.incl).toFixed(2));
  expect(invoice.tax).toBe(money(doc.totals.vat).toFixed(2));
  expect(bookedVat(invoice)).toEqual(documentVat(doc));
}

describe("CCV Shop (paid orders) → Factuursturen", () => {
  it("books a paid order with 21% and 9% lines and shipping: total and VAT per rate to the cent, paid in full, customer created, no products", async () => {
    const id = await post("paid-orders", "order", order());
    const { result, document } = await process("paid-orders", id);
    expect(result?.status).toBe("booked");
    expect(document.status).toBe("booked");
    const invoice = await invoiceFor("paid-orders", id);
    expect(document.targetRef).toBe(invoice.invoicenr);
    expect([invoice.totalintax, invoice.tax, invoice.open]).toEqual(["41.86", "6.18", "0.00"]);
    expect(bookedVat(invoice)).toEqual({ "21": "5.19", "9": "0.99" });
    expectSameMoney(invoice, document.normalized as SalesDocument);
    expect(invoice.reference).toEqual({ line1: "WEB-1001", line2: "Payment method: iDEAL", line3: `${KEYS["paid-orders"]}-order-${id}` });
    expect(invoice.profile).toBe("2");
    expect(Object.values(invoice.lines).map((l) => [l.amount, l.description, l.tax_rate, l.price])).toEqual([[1, "Theepot", 21, 24.95], [2, "Thee", 9, 5.98], [1, "Shipping costs", 21, 4.95]]);
    const state = await booked("paid-orders");
    expect(state.contacts).toHaveLength(1);
    expect(state.contacts[0]).toMatchObject({ email: "eva@theehuis.nl", company: "Theehuis B.V.", contact: "Eva Koper", mobile: "0612345678", tax_type: "intax", country: "146" });
    expect(state.products).toEqual([]);
    const calls = await t.db.externalCall.findMany({ where: { documentId: document.id } });
    expect(calls.some((c) => /products/.test(c.url))).toBe(false);
  });

  it("keeps an unpaid order on Open, books it once it is paid; the known customer is reused", async () => {
    const id = await post("paid-orders", "order", order({ paid: false, orderrows: [row("Theepot", 2, 24.95, 21), row("Honing", 3, 4.49, 9)], total_shipping: 0 }));
    const open = await process("paid-orders", id);
    expect(open.document.status).toBe("open");
    expect((await booked("paid-orders")).invoices).toHaveLength(1);
    await inProcessSandboxFetch(`${shop("paid-orders")}/documents/${id}`, { method: "PATCH", body: JSON.stringify({ paid: true }) });
    const { document } = await process("paid-orders", id);
    expect(document.status).toBe("booked");
    const invoice = await invoiceFor("paid-orders", id);
    expectSameMoney(invoice, document.normalized as SalesDocument);
    expect([invoice.totalintax, invoice.open]).toEqual(["63.37", "0.00"]);
    expect((await booked("paid-orders")).contacts).toHaveLength(1);
  });

  it("never books twice: a redelivery finds it booked; an answer lost at creation is found by its reference on the retry", async () => {
    const id = await post("paid-orders", "order", order({ customer: customer("twice@example.nl") }));
    // The connection drops after Factuursturen created the invoice: we never hear its number.
    intercept = async (req) => {
      const res = await inProcessSandboxFetch(req);
      if (req.method === "POST" && new URL(req.url).pathname.endsWith("/factuursturen/test-ccvshop-fs-orders/api/v1/invoices")) {
        intercept = undefined;
        throw new TypeError("fetch failed: socket hang up");
      }
      return res;
    };
    const lost = await process("paid-orders", id);
    expect(lost.result?.status).not.toBe("booked");
    expect(lost.document.status).not.toBe("booked");
    expect((lost.error as { message?: string } | undefined)?.message).toMatch(/network/);
    expect((await booked("paid-orders")).invoices.filter((i) => i.reference.line3.endsWith(`-order-${id}`))).toHaveLength(1);
    const retried = await process("paid-orders", id);
    expect(retried.result).toMatchObject({ status: "booked", found: true });
    expect(retried.document.targetRef).toBe((await invoiceFor("paid-orders", id)).invoicenr);
    expect((await process("paid-orders", id)).result).toMatchObject({ status: "booked", already: true });
    await invoiceFor("paid-orders", id);
  });

  it("puts a rate Factuursturen does not have on Errors with its reason, booking nothing", async () => {
    const before = (await booked("paid-orders")).invoices.length;
    const id = await post("paid-orders", "order", order({ orderrows: [row("Zeep", 1, 5.75, 15)], total_shipping: 0, customer: customer("zeep@example.nl") }));
    const { document } = await process("paid-orders", id);
    expect([document.status, document.errorCode]).toEqual(["error", "vat_rate_unmapped"]);
    expect(document.errorDetail).toContain("Factuursturen has no 15% VAT rate");
    expect((await booked("paid-orders")).invoices).toHaveLength(before);
  });

  it("puts an order whose per-line VAT Factuursturen cannot reproduce on Errors, booking nothing", async () => {
    const before = (await booked("paid-orders")).invoices.length;
    // Three rows of 1.00 incl. at 21%: the shop charges 3 × 0.17 = 0.51 VAT; Factuursturen computes 3.00 × 21/121 = 0.52.
    const id = await post("paid-orders", "order", order({ orderrows: [row("Sticker A", 1, 1, 21), row("Sticker B", 1, 1, 21), row("Sticker C", 1, 1, 21)], total_shipping: 0, customer: customer("stickers@example.nl") }));
    const { document } = await process("paid-orders", id);
    expect([document.status, document.errorCode]).toEqual(["error", "rounding_mismatch"]);
    expect(document.errorDetail).toContain("would book 0.52");
    expect((await booked("paid-orders")).invoices).toHaveLength(before);
  });
});

describe("CCV Shop (invoices) → Factuursturen", () => {
  it("books an unpaid invoice open, a paid one paid in full, and a credit invoice negative: VAT per rate to the cent, each once", async () => {
    const orderId = await post("invoices", "order", order({ paid: false, paymethod: "Bank transfer", customer: customer("b2c@example.nl") }));
    const rows = [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)];
    const unpaidId = await post("invoices", "invoice", { order: Number(orderId), invoicerows: rows, total_shipping: 4.95, status: "2" });
    const paidId = await post("invoices", "invoice", { order: Number(orderId), invoicerows: [row("Thee", 7, 1.99, 9), row("Mok", 3, 3.33, 21)], status: "1" });
    const creditId = await post("invoices", "creditnote", { order: Number(orderId), invoicerows: [row("Theepot", 1, 24.95, 21), row("Thee", 1, 5.98, 9)], status: "2" });

    for (const id of [unpaidId, paidId, creditId]) expect((await process("invoices", id)).document.status).toBe("booked");

    const unpaid = await invoiceFor("invoices", unpaidId);
    const unpaidDoc = (await t.db.document.findFirstOrThrow({ where: { sourceId: unpaidId, integrationId: integrationIds.invoices } })).normalized as SalesDocument;
    expectSameMoney(unpaid, unpaidDoc);
    expect([unpaid.totalintax, unpaid.open, unpaid.paiddate]).toEqual(["41.86", "41.86", ""]);
    expect(unpaid.reference.line2).toBe("Payment method: Bank transfer");

    const paid = await invoiceFor("invoices", paidId);
    const paidDoc = (await t.db.document.findFirstOrThrow({ where: { sourceId: paidId, integrationId: integrationIds.invoices } })).normalized as SalesDocument;
    expectSameMoney(paid, paidDoc);
    expect([paid.totalintax, paid.open]).toEqual(["23.92", "0.00"]);
    expect(bookedVat(paid)).toEqual({ "9": "1.15", "21": "1.73" });

    // The pipeline keys our reference by the fetched kind: a CCV credit invoice is a credit note.
    const credit = await invoiceFor("invoices", creditId, "creditnote");
    const creditDoc = (await t.db.document.findFirstOrThrow({ where: { sourceId: creditId, integrationId: integrationIds.invoices } })).normalized as SalesDocument;
    expectSameMoney(credit, creditDoc);
    expect([credit.totalintax, credit.tax]).toEqual(["-30.93", "-4.82"]);
    expect(credit.reference.line1).toMatch(/^Credit /);
    expect(Object.values(credit.lines).every((l) => l.amount < 0)).toBe(true);

    const state = await booked("invoices");
    expect(state.invoices).toHaveLength(3);
    expect(state.contacts).toHaveLength(1);
    expect(state.payments.map((p) => [p.invoicenr, p.amount])).toEqual([[paid.invoicenr, "23.92"]]);
  });
});
