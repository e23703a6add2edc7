import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { cents, D, type Dec } from "@/lib/domain/money";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { decodeForm } from "./form";
import type { DebtorJson, InvoiceJson } from "./sandbox/state";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

// The WeFact connector as registered, with a short timeout so a withheld answer fails fast.
vi.mock("@/connectors/registry", async (importOriginal) => {
  const registry = await importOriginal<typeof import("@/connectors/registry")>();
  return {
    ...registry,
    targetFactory: (system: string) => {
      const factory = registry.targetFactory(system);
      return system === "wefact" ? ((ctx, settings, hooks) => factory({ ...ctx, timeoutMs: 5_000 }, settings, hooks)) as typeof factory : factory;
    },
  };
});

// The demo CCV Shop (invoices) → WeFact integration, booking through the real connectors into the
// sandboxes, served in-process: the same requests as over HTTP, without the network hop.
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-WEFACT";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/ccvshop/${TENANT}/_admin`;
const books = `${APP}/sandbox/wefact/${TENANT}/_admin`;

let t: TestDb;
let integrationId: string;
const realFetch = globalThis.fetch;
/** Set to "invoice/add" to lose WeFact's answer to that call once (the sandbox's timeoutNext, armed just before it). */
let loseAnswerOf: string | undefined;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === "string" && String(input).includes("/sandbox/wefact/") ? decodeForm(init.body) : {};
    if (loseAnswerOf && `${body.controller}/${body.action}` === loseAnswerOf) {
      loseAnswerOf = undefined;
      await inProcessSandboxFetch(`${books}/faults`, { method: "POST", body: JSON.stringify({ timeoutNext: 1 }) });
    }
    return inProcessSandboxFetch(input, init);
  }) as typeof fetch;
  await seedDemo(t.db, APP);
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const customer = (email: string) => ({
  email,
  billingaddress: { first_name: "Eva", last_name: "Koper", street: "Kerkstraat", housenumber: 12, housenumber_suffix: "a", zipcode: "3511 AB", city: "Utrecht", country_code: "NL", telephone: "030-1234567" },
  deliveryaddress: { company: "BV Sponiza IT", first_name: "Soumaya", last_name: "van Spanje", street: "Stationstraat", housenumber: 12, zipcode: "1000 AA", city: "Amsterdam", country_code: "NL" },
});
const row = (name: string, count: number, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const invoiceRow = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price_with_attributes: price, price_without_discount_with_attributes: price, tax });

async function post(kind: "order" | "invoice" | "creditnote", payload: Record<string, unknown>): Promise<string> {
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

/** A paid-by-iDEAL order and its CCV invoice: 21% and 9% products, shipping and payment costs. */
async function placeInvoice(email: string, kind: "invoice" | "creditnote" = "invoice"): Promise<string> {
  const order = await post("order", {
    paid: true, paymethod: "iDEAL", paymethod_id: 12, total_shipping: 4.95, shipping_tax_percentage: 21, paymethod_costs: 0.5,
    customer: customer(email), orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.99, 9)],
  });
  return post(kind, { order: Number(order), total_shipping: 4.95, shipping_tax_percentage: 21, paymethod_costs: 0.5, invoicerows: [invoiceRow("Theepot", 1, 24.95, 21), invoiceRow("Thee", 2, 5.99, 9)] });
}

type Run = { status: string; code?: string; found?: boolean; already?: boolean };
async function process(sourceId: string, steps?: { id: string; handler: () => unknown }[]) {
  const { documentId } = await receiveDocument(t.db, { integrationId, kind: "invoice", sourceId });
  const { result, error } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
  }).execute({ steps: [...sentEventSteps(), ...(steps ?? [])] });
  return { result: result as Run | undefined, error, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

const state = async () => (await (await inProcessSandboxFetch(`${books}/state`)).json()) as { contacts: DebtorJson[]; products: unknown[]; invoices: InvoiceJson[] };
/** The invoices booked under our reference for a shop document (any kind: a CCV credit invoice is a creditnote). */
const bookedFor = async (sourceId: string) => (await state()).invoices.filter((i) => new RegExp(`\\[ref:${KEY}-[a-z]+-${sourceId}\\]`).test(i.Comment));

/** What the shop says per VAT rate: the sum of its lines (incl. and VAT), to the cent. */
function shopPerRate(doc: SalesDocument) {
  const rates = new Map<string, { incl: Dec; vat: Dec }>();
  for (const l of doc.lines) {
    const r = rates.get(new D(l.vatRate).toFixed()) ?? { incl: new D(0), vat: new D(0) };
    rates.set(new D(l.vatRate).toFixed(), { incl: r.incl.plus(l.totalIncl), vat: r.vat.plus(l.vatAmount) });
  }
  return [...rates].map(([rate, r]) => ({ TaxPercentage: rate, AmountIncl: cents(r.incl).toFixed(2), AmountTax: cents(r.vat).toFixed(2) }));
}

describe("process-document: CCV Shop invoices → WeFact (demo integration)", () => {
  it("books a CCV invoice once as a WeFact draft: debtor created, totals and VAT per rate to the cent, the manual's fields", async () => {
    const id = await placeInvoice("eva@example.nl");
    const { result, document } = await process(id);
    expect(result).toMatchObject({ status: "booked" });
    expect(document.status).toBe("booked");
    const doc = document.normalized as SalesDocument;
    expect(doc.totals.incl).toBe("42.38");

    const booked = await bookedFor(id);
    expect(booked).toHaveLength(1);
    const invoice = booked[0]!;
    expect(document.targetRef).toBe(String(invoice.Identifier));
    expect(invoice).toMatchObject({
      Status: "0", VatCalcMethod: "incl", Term: "14", Date: doc.date, Description: doc.source.orderNumber, ReferenceNumber: doc.source.orderNumber,
      LanguageCode: "nl_nl", UseProductInventory: "no", InvoiceCode: expect.stringMatching(/^\[concept\]/),
      AmountIncl: doc.totals.incl, AmountTax: doc.totals.vat, AmountExcl: doc.totals.excl,
      CustomFields: { shipping_company: "BV Sponiza IT", shipping_firstname: "Soumaya", shipping_lastname: "van Spanje", shipping_address: "Stationstraat 12", shipping_zipcode: "1000 AA", shipping_city: "Amsterdam", shipping_country: "The Netherlands" },
    });
    expect(invoice.SandboxVatPerRate.map(({ AmountExcl: _e, ...r }) => r)).toEqual(shopPerRate(doc));
    expect(invoice.InvoiceLines.map((l) => [l.Description, l.Number, l.TaxCode])).toEqual([
      ["Theepot", "1", "V21"], ["Thee", "2", "V9"], ["Shipping costs", "1", "V21"], ["Payment costs", "1", "V21"],
    ]);
    // The debtor of the customer table; product creation is off (the manual's default).
    const debtor = (await state()).contacts.find((d) => d.Identifier === invoice.Debtor)!;
    expect(debtor).toMatchObject({ Initials: "Eva", SurName: "Koper", Address: "Kerkstraat 12 a", ZipCode: "3511 AB", City: "Utrecht", Country: "NL", EmailAddress: "eva@example.nl", PhoneNumber: "030-1234567" });
    expect((await state()).products).toEqual([]);
    expect(await t.db.externalCall.count({ where: { documentId: document.id, system: "wefact" } })).toBeGreaterThan(3);
  });

  it("books a credit invoice negative, and finds the existing debtor instead of creating another", async () => {
    const debtorsBefore = (await state()).contacts.length;
    const id = await placeInvoice("eva@example.nl", "creditnote");
    const { result, document } = await process(id);
    expect(result).toMatchObject({ status: "booked" });
    const doc = document.normalized as SalesDocument;
    expect(doc.totals.incl).toBe("-42.38");
    const [invoice] = await bookedFor(id);
    expect(invoice).toMatchObject({ AmountIncl: "-42.38", AmountTax: doc.totals.vat, Description: `Credit ${doc.source.orderNumber}` });
    expect((await state()).contacts).toHaveLength(debtorsBefore);
  });

  it("a timeout at creation whose invoice WeFact booked anyway: the retried step and a new run find it, booked once", async () => {
    const id = await placeInvoice("lost@example.nl");
    loseAnswerOf = "invoice/add";
    const first = await process(id);
    expect(first.result?.status).not.toBe("booked");
    expect(JSON.stringify(first.error)).toMatch(/timeout/);
    expect(first.document.status).not.toBe("booked");
    expect(await bookedFor(id)).toHaveLength(1); // booked in WeFact, answer lost

    // Inngest retries the create-invoice step: the earlier steps are memoized (the lookup found nothing then).
    const retried = await process(id, [{ id: "find-existing-invoice", handler: () => ({ ok: true, value: null }) }]);
    expect(retried.result).toMatchObject({ status: "booked" });
    expect(retried.document.targetRef).toBe(String((await bookedFor(id))[0]!.Identifier));

    // And a new run (Process on the Errors tab) after its status was reset finds it by reference first.
    await t.db.document.update({ where: { id: retried.document.id }, data: { status: "queued", targetRef: null } });
    expect((await process(id)).result).toMatchObject({ status: "booked", found: true });
    expect((await process(id)).result).toMatchObject({ status: "booked", already: true });
    expect(await bookedFor(id)).toHaveLength(1);
  });

  it("puts a VAT rate without a WeFact code on Errors, booking nothing", async () => {
    const before = (await state()).invoices.length;
    const order = await post("order", { paid: true, paymethod: "iDEAL", customer: customer("odd@example.nl"), orderrows: [row("Zeep", 1, 11.5, 15)] });
    const id = await post("invoice", { order: Number(order), invoicerows: [invoiceRow("Zeep", 1, 11.5, 15)] });
    const { document } = await process(id);
    expect(document.status).toBe("error");
    expect(document.errorCode).toBe("vat_rate_unmapped");
    // What the Errors tab groups by: the region and rate to add to the grid.
    expect(document.errorParams).toMatchObject({ region: "NL", rate: "15" });
    expect((await state()).invoices.length).toBe(before);
  });
});
