import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import invoiceNl from "@/connectors/magento2/__fixtures__/invoice-nl.json";
import orderNl from "@/connectors/magento2/__fixtures__/order-nl.json";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { syncIntegration } from "@/inngest/functions/sync-integration";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { seedDemo } from "./seed-demo";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

/**
 * The contract's promise for the demo merchant: each demo integration books what is posted to its
 * sandbox shop. Polling shops are fetched the way "Fetch now" does (integration/sync.requested);
 * a webhook shop's notice is recorded as its webhook would. Then the real pipeline books it.
 */
const APP = "http://localhost:3000";
let t: TestDb;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const post = async (system: string, licenseKey: string, kind: string, payload: object) => {
  const res = await inProcessSandboxFetch(`${APP}/sandbox/${system}/${licenseKey.toLowerCase()}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

/** "Fetch now", with the queuing steps stood in for; returns what the poll recorded. */
async function fetchNow(licenseKey: string) {
  const { error } = await new InngestTestEngine({
    function: syncIntegration,
    events: [{ name: "integration/sync.requested", data: { licenseKey } }],
    steps: [0, 1, 2].map((i) => ({ id: `queue-${i}`, handler: () => ({ ids: [] }) })),
  }).execute();
  expect(error).toBeUndefined();
}

async function bookQueued(licenseKey: string) {
  const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey } });
  const queued = await t.db.document.findMany({ where: { integrationId: integration.id, status: "queued" } });
  for (const d of queued) {
    await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId: d.id, integrationId: integration.id } }], steps: sentEventSteps() }).execute();
  }
  return t.db.document.findMany({ where: { integrationId: integration.id }, orderBy: { receivedAt: "asc" } });
}

const now = new Date().toISOString().slice(0, 19).replace("T", " ");
const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => rest;

describe("the demo integrations book what is posted to their sandbox shops", () => {
  it("DEMO-MAGENTO-ROMPSLOMP: an invoice, found by Fetch now", async () => {
    const orderId = await post("magento2", "DEMO-MAGENTO-ROMPSLOMP", "order", strip(orderNl));
    const invoiceId = await post("magento2", "DEMO-MAGENTO-ROMPSLOMP", "invoice", { ...strip(invoiceNl), order_id: orderId });
    await fetchNow("DEMO-MAGENTO-ROMPSLOMP");
    const documents = await bookQueued("DEMO-MAGENTO-ROMPSLOMP");
    expect(documents.map((d) => [d.sourceId, d.status, d.errorDetail, d.totalInclVat?.toFixed(2)])).toEqual([[invoiceId, "booked", null, "96.21"]]);
  });

  it("DEMO-PRESTASHOP-EBOEKHOUDEN: a paid order, found by Fetch now", async () => {
    const id = await post("prestashop", "DEMO-PRESTASHOP-EBOEKHOUDEN", "order", {
      current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00", date_add: now, date_upd: now,
      customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
      address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
      order_details: [
        { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
        { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
      ],
    });
    await fetchNow("DEMO-PRESTASHOP-EBOEKHOUDEN");
    const documents = await bookQueued("DEMO-PRESTASHOP-EBOEKHOUDEN");
    expect(documents.map((d) => [d.sourceId, d.status, d.errorDetail, d.totalInclVat?.toFixed(2)])).toEqual([[id, "booked", null, "38.86"]]);
  });

  it("DEMO-KMOSHOPS-FACTUURSTUREN: a paid order, found by the backstop poll", async () => {
    const id = await post("kmoshops", "DEMO-KMOSHOPS-FACTUURSTUREN", "order", {
      status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
      customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
      billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
      lines: [{ sku: "POT", name: "Theepot", quantity: 1, priceincltax: "24.95", tax_rate: "21" }, { sku: "THEE", name: "Thee", quantity: 2, priceincltax: "5.98", tax_rate: "9" }],
      shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
    });
    await fetchNow("DEMO-KMOSHOPS-FACTUURSTUREN");
    const documents = await bookQueued("DEMO-KMOSHOPS-FACTUURSTUREN");
    expect(documents.map((d) => [d.sourceId, d.status, d.errorDetail, d.totalInclVat?.toFixed(2)])).toEqual([[id, "booked", null, "41.86"]]);
  });

  it("DEMO-CCVSHOP-WEFACT: an invoice, announced by the shop's webhook", async () => {
    const id = await post("ccvshop", "DEMO-CCVSHOP-WEFACT", "invoice", {
      taxes_included: true, invoice_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", paymethod: "iDEAL",
      customer: { email: "eva@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
      invoicerows: [
        { product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, price_with_attributes: 24.95, tax: 21 },
        { product_name: "Thee", product_number: "THEE", count: 2, price: 5.98, price_with_attributes: 5.98, tax: 9 },
      ],
    });
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" } });
    await receiveDocument(t.db, { integrationId: integration.id, kind: "invoice", sourceId: id });
    const documents = await bookQueued("DEMO-CCVSHOP-WEFACT");
    expect(documents.map((d) => [d.sourceId, d.status, d.errorDetail, d.totalInclVat?.toFixed(2)])).toEqual([[id, "booked", null, "41.86"]]);
  });
});
