import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccvshopDemoSource } from "@/connectors/ccvshop/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { D } from "@/lib/domain/money";
import { setSetting } from "@/lib/integrations/settings";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import type { DocumentKind } from "../types";
import { eboekhoudenDemoTarget } from "./sandbox/demo";
import { sandboxLedgerId } from "./sandbox/seed";
import type { InvoiceJson, MutationJson, RelationJson } from "./sandbox/state";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

/**
 * End to end through the real pipeline (processDocument) with both sandboxes in-process:
 * a CCV Shop sandbox shop as the source (PrestaShop is built in parallel) and the e-Boekhouden
 * sandbox as the books, configured as the demo integration is (demo.ts).
 */
const APP = "http://localhost:3000";
const KEY = "TEST-CCVSHOP-EBOEKHOUDEN";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/ccvshop/${TENANT}/_admin`;
const books = `${APP}/sandbox/eboekhouden/${TENANT}/_admin`;

let t: TestDb;
let integrationId: string;
const realFetch = globalThis.fetch;

/** The test integration, set up as a merchant would: CCV Shop (paid orders) → e-Boekhouden (mutations). */
async function createIntegration(): Promise<string> {
  const source = ccvshopDemoSource(TENANT, "paid-orders");
  const target = eboekhoudenDemoTarget(TENANT);
  const account = await t.db.account.create({ data: { name: "E2E Webwinkel" } });
  const connection = (side: "source" | "target", system: string, credentials: Record<string, unknown>) => ({
    side, system, baseUrl: `${APP}/sandbox/${system}/${TENANT}`, credentialsEnc: sealCredentials(credentials), status: "ok", lastCheckedAt: new Date(),
  });
  const settings: Record<string, unknown> = { source: source.settings, target: target.settings, costAccounts: target.costAccounts };
  const integration = await t.db.integration.create({
    data: {
      accountId: account.id, licenseKey: KEY, name: "CCV Shop → e-Boekhouden", sourceSystem: "ccvshop", targetSystem: "eboekhouden", status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", "ccvshop", source.credentials), connection("target", "eboekhouden", target.credentials)] },
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
  integrationId = await createIntegration();
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = (name: string, count: number, price: number, tax: number, code = name.toUpperCase()) =>
  ({ product_name: name, product_number: code, count, price, selling_price: price, price_without_discount: price, tax });

function order(overrides: Record<string, unknown> = {}) {
  return {
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
    currency: "EUR", is_intra_community_order: false,
    customer: { email: "eva@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", street: "Markt", housenumber: 3, zipcode: "5611 AA", city: "Eindhoven", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
    ...overrides,
  };
}

async function place(kind: DocumentKind, payload: Record<string, unknown>): Promise<string> {
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

async function process(kind: DocumentKind, sourceId: string) {
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  const run = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
  return { result: run.result as { status: string; code?: string } | undefined, error: run.error, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

const exported = async () => (await (await inProcessSandboxFetch(`${books}/state`)).json()) as { contacts: RelationJson[]; mutations: MutationJson[]; invoices: InvoiceJson[] };
const salesOf = async (number: string) => (await exported()).mutations.filter((m) => m.type === 2 && m.invoiceNumber === number);

/** What e-Boekhouden booked, to the cent: the total incl. VAT and the VAT per code. */
function booked(m: MutationJson) {
  const vat: Record<string, string> = {};
  let incl = new D(0);
  for (const r of m.rows) {
    const v = new D(String(r.vatAmount));
    incl = incl.plus(m.inExVat === "IN" ? new D(String(r.amount)) : new D(String(r.amount)).plus(v));
    vat[r.vatCode] = new D(vat[r.vatCode] ?? 0).plus(v).toFixed(2);
  }
  return { incl: incl.toFixed(2), vat };
}

describe("process-document: CCV Shop → e-Boekhouden (mutations)", () => {
  let first: { number: string; id: string };

  it("books a paid order with 21% and 9% lines and shipping once: debtor by the manual's code, totals and VAT per rate to the cent", async () => {
    const id = await place("order", order());
    const { result, document } = await process("order", id);
    expect(result?.status).toBe("booked");
    expect(document.status).toBe("booked");
    first = { number: document.targetNumber!, id };
    const [mutation, ...more] = await salesOf(document.targetNumber!);
    expect(more).toHaveLength(0);
    expect(String(mutation!.id)).toBe(document.targetRef);
    expect(booked(mutation!)).toEqual({ incl: "41.86", vat: { HOOG_VERK_21: "5.19", LAAG_VERK_9: "0.99" } });
    expect(document.totalInclVat?.toFixed(2)).toBe("41.86");
    expect(mutation).toMatchObject({ description: `${document.targetNumber} - iDEAL`, termOfPayment: 14, ledgerId: sandboxLedgerId("1300") });
    expect(mutation!.rows.map((r) => r.ledgerId)).toEqual([sandboxLedgerId("8000"), sandboxLedgerId("8010"), sandboxLedgerId("8200")]);
    const debtor = (await exported()).contacts.find((c) => c.id === mutation!.relationId);
    expect(debtor).toMatchObject({ code: "EvaKoper", name: "Eva Koper", emailAddress: "eva@example.nl", type: "P" });
  });

  it("never books twice: a redelivery finds it booked; a retry after the answer was lost finds the mutation by its sales number", async () => {
    expect((await process("order", first.id)).result).toMatchObject({ status: "booked", already: true });
    const doc = await t.db.document.findFirstOrThrow({ where: { integrationId, sourceId: first.id } });
    await t.db.document.update({ where: { id: doc.id }, data: { status: "queued", targetRef: null } });
    const again = await process("order", first.id);
    expect(again.result?.status).toBe("booked");
    expect(again.document.targetRef).toBe(doc.targetRef);
    expect(await salesOf(first.number)).toHaveLength(1);
  });

  it("a lost answer at the moment of creation is retried without a second booking; the same customer is not created twice", async () => {
    const id = await place("order", order());
    await inProcessSandboxFetch(`${books}/lose-answers`, { method: "POST", body: JSON.stringify({ count: 1 }) });
    const lost = await process("order", id);
    expect(lost.document.status).not.toBe("booked");
    const retried = await process("order", id);
    expect(retried.result?.status).toBe("booked");
    expect(await salesOf(retried.document.targetNumber!)).toHaveLength(1);
    expect((await exported()).contacts.filter((c) => c.emailAddress === "eva@example.nl")).toHaveLength(1);
  });

  it("books an ICP order at 0% on the ICP account, with the customer's VAT number on the debtor", async () => {
    const id = await place("order", order({
      taxes_included: false, order_row_taxes_included: false, is_intra_community_order: true, shipping_tax_percentage: 0, total_shipping: 7.5,
      customer: { email: "einkauf@gmbh.de", btw: "DE983924221", billingaddress: { company: "Muster GmbH", first_name: "Karl", last_name: "Muster", country_code: "DE" }, deliveryaddress: { country_code: "DE" } },
      orderrows: [row("Schroeven", 10, 2.5, 0)],
    }));
    const { result, document } = await process("order", id);
    expect(result?.status).toBe("booked");
    const [mutation] = await salesOf(document.targetNumber!);
    expect(booked(mutation!)).toEqual({ incl: "32.50", vat: { BI_EU_VERK: "0.00" } });
    expect(mutation!.rows.map((r) => [r.ledgerId, r.amount])).toEqual([[sandboxLedgerId("8100"), 25], [sandboxLedgerId("8200"), 7.5]]);
    expect((await exported()).contacts.find((c) => c.id === mutation!.relationId)).toMatchObject({ code: "MusterGmbH", type: "B", vatNumber: "DE983924221", contact: "Karl Muster" });
  });

  it("books an order to a consumer in Germany at 19% as OSS: each line split into revenue and VAT on the OSS account", async () => {
    const id = await place("order", order({
      shipping_tax_percentage: 19, total_shipping: 5.95,
      customer: { email: "max@example.de", billingaddress: { first_name: "Max", last_name: "Mustermann", country_code: "DE" }, deliveryaddress: { country_code: "DE" } },
      orderrows: [row("Kaffee", 2, 17.85, 19)],
    }));
    const { result, document } = await process("order", id);
    expect(result?.status).toBe("booked");
    const [mutation] = await salesOf(document.targetNumber!);
    expect(mutation!.rows.map((r) => [r.ledgerId, r.vatCode, r.amount])).toEqual([
      [sandboxLedgerId("8000"), "GEEN", 30], [sandboxLedgerId("1620"), "GEEN", 5.7], [sandboxLedgerId("8200"), "GEEN", 5], [sandboxLedgerId("1620"), "GEEN", 0.95],
    ]);
    expect(booked(mutation!).incl).toBe("41.65");
    expect(document.totalInclVat?.toFixed(2)).toBe("41.65");
  });

  it("invoices (setting): an article e-Boekhouden lacks stops the booking with its code; once it exists, the invoice is booked once, to the cent", async () => {
    await setSetting(t.db, integrationId, "target", { ...eboekhoudenDemoTarget(TENANT).settings, bookAs: "invoices" });
    const id = await place("order", order({ orderrows: [row("Mok groen", 2, 8.95, 21, "MOK-GROEN"), row("Thee", 2, 5.98, 9)] }));
    const missing = await process("order", id);
    expect(missing.document).toMatchObject({ status: "error", errorCode: "product_not_in_eboekhouden" });
    expect(missing.document.errorDetail).toContain('"MOK-GROEN"');

    const session = await (await inProcessSandboxFetch(`${APP}/sandbox/eboekhouden/${TENANT}/v1/session`, { method: "POST", body: JSON.stringify({ accessToken: eboekhoudenDemoTarget(TENANT).credentials.apiToken, source: "Tests" }) })).json();
    const article = await inProcessSandboxFetch(`${APP}/sandbox/eboekhouden/${TENANT}/v1/product`, {
      method: "POST", headers: { Authorization: session.token, "Content-Type": "application/json" },
      body: JSON.stringify({ code: "MOK-GROEN", description: "Mok groen", vat: "HOOG_VERK_21", ledgerId: sandboxLedgerId("8000"), priceIncl: 8.95 }),
    });
    expect(article.status).toBe(201);
    const { result, document } = await process("order", id);
    expect(result?.status).toBe("booked");
    expect((await process("order", id)).result).toMatchObject({ already: true });
    const invoices = (await exported()).invoices.filter((i) => String(i.id) === document.targetRef);
    expect(invoices).toHaveLength(1);
    // 2 × 8.95 + 2 × 5.98 + 4.95 shipping = 34.81; VAT 3.11 + 0.99 + 0.86 = 4.96.
    expect(invoices[0]).toMatchObject({ totalAmount: 34.81, vatAmount: 4.96, templateId: 40101, termOfPayment: 14, reference: document.sourceNumber });
    expect(invoices[0]!.items.map((i) => [i.code, i.quantity, i.vatCode])).toEqual([["MOK-GROEN", 2, "HOOG_VERK_21"], ["THEE", 2, "LAAG_VERK_9"], ["SHIPPINGCOSTS", 1, "HOOG_VERK_21"]]);
    await setSetting(t.db, integrationId, "target", eboekhoudenDemoTarget(TENANT).settings);
  });

  it("books a credit invoice under its own number with negative amounts, once", async () => {
    await setSetting(t.db, integrationId, "source", { ...ccvshopDemoSource(TENANT, "invoices").settings });
    const credit = await place("creditnote", { order_id: Number(first.id), invoicerows: [{ product_name: "Theepot", product_number: "THEEPOT", count: 1, price_with_attributes: 24.95, selling_price: 24.95, tax: 21 }] });
    const { result, document } = await process("creditnote", credit);
    expect(result?.status).toBe("booked");
    expect(document.targetNumber).not.toBe(first.number);
    const [mutation, ...more] = await salesOf(document.targetNumber!);
    expect(more).toHaveLength(0);
    expect(booked(mutation!)).toEqual({ incl: "-24.95", vat: { HOOG_VERK_21: "-4.33" } });
    expect(mutation!.description).toMatch(/^Credit /);
    expect((await process("creditnote", credit)).result).toMatchObject({ status: "booked", already: true });
  });
});
