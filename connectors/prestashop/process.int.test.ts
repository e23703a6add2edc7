import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { cents, money, sum } from "@/lib/domain/money";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import type { Prisma } from "@/lib/db/generated/client";
import { prestashopDemoSource } from "./sandbox/demo";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

/**
 * End to end through the real pipeline: an order posted to the PrestaShop sandbox is found by
 * pollChanges, recorded, and booked by process-document into the Rompslomp sandbox (both served
 * in-process), with totals and VAT per rate equal to the cent, once.
 */
const APP = "http://localhost:3000";
const KEY = "TEST-PRESTASHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shop = `${APP}/sandbox/prestashop/${TENANT}/_admin`;
const books = `${APP}/sandbox/rompslomp/${TENANT}/_admin`;

let t: TestDb;
let integrationId: string;
const realFetch = globalThis.fetch;

async function createIntegration(db: TestDb["db"]): Promise<string> {
  const source = prestashopDemoSource(TENANT);
  const target = rompslompDemoTarget(TENANT);
  const account = await db.account.create({ data: { name: "PrestaShop test shop" } });
  const settings: Record<string, unknown> = { source: source.settings, target: target.settings, costAccounts: target.costAccounts, payments: { enabled: true } };
  const integration = await db.integration.create({
    data: {
      accountId: account.id, licenseKey: KEY, name: "PrestaShop → Rompslomp", sourceSystem: "prestashop", targetSystem: "rompslomp", status: "active", termsAcceptedAt: new Date(),
      connections: {
        create: [
          { side: "source", system: "prestashop", baseUrl: `${APP}/sandbox/prestashop/${TENANT}`, credentialsEnc: sealCredentials(source.credentials), status: "ok" },
          { side: "target", system: "rompslomp", baseUrl: `${APP}/sandbox/rompslomp/${TENANT}`, credentialsEnc: sealCredentials(target.credentials), status: "ok" },
        ],
      },
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
  integrationId = await createIntegration(t.db);
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const post = async (url: string, body: unknown, method = "POST") => (await inProcessSandboxFetch(url, { method, body: JSON.stringify(body) })).json();

/** What the scheduled poll does: pollChanges from the stored cursor, record every notice, keep the new cursor. */
async function poll(): Promise<string[]> {
  const integration = await loadIntegration(t.db, integrationId);
  const { source } = connectorsFor(integration, () => {});
  const row = await t.db.integration.findUniqueOrThrow({ where: { id: integrationId } });
  const documentIds: string[] = [];
  let cursor = row.syncCursor;
  for (let more = true; more; ) {
    const page = await source.pollChanges!({ cursor, startDate: "2024-01-01" });
    for (const notice of page.notices) {
      const received = await receiveDocument(t.db, { integrationId, ...notice });
      if (received.process) documentIds.push(received.documentId);
    }
    cursor = page.cursor;
    more = page.more;
  }
  await t.db.integration.update({ where: { id: integrationId }, data: { syncCursor: cursor } });
  return documentIds;
}

async function process(documentId: string) {
  const { result } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
  return { result: result as { status: string; code?: string }, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

type Line = { vat_rate: string; vat_amount: string; price_with_vat: string; price_without_vat: string };
type Invoice = { api_reference: string; price_with_vat: string; price_without_vat: string; vat_amount: string; open_amount: string; invoice_lines: Line[] };
const invoices = async () => ((await (await inProcessSandboxFetch(`${books}/state`)).json()) as { invoices: Invoice[] }).invoices;

const order = {
  current_state: 10, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00",
  date_add: "2024-07-05 16:40:18", date_upd: "2024-07-05 16:40:18",
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
  order_details: [
    { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
    { product_id: 53, product_name: "Thee", product_reference: "", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
  ],
  products: [{ id: 53, reference: "THEE9", name: "Thee" }],
};

describe("PrestaShop → pollChanges → process-document → Rompslomp", () => {
  let orderId: string;

  it("finds a new order by polling; while it awaits payment it waits on Open", async () => {
    orderId = ((await post(`${shop}/documents`, { kind: "order", payload: order })) as { id: string }).id;
    const found = await poll();
    expect(found).toHaveLength(1);
    const { result, document } = await process(found[0]!);
    expect(result.status).toBe("open");
    expect(document).toMatchObject({ status: "open", sourceId: orderId });
    expect(document.errorDetail).toMatch(/Awaiting bank wire payment/);
    expect(await invoices()).toHaveLength(0);
  });

  it("books it once the state is Payment accepted: totals and VAT per rate to the cent", async () => {
    await post(`${shop}/documents/${orderId}`, { current_state: 2 }, "PATCH");
    const found = await poll();
    expect(found).toHaveLength(1);
    const { result, document } = await process(found[0]!);
    expect(result.status).toBe("booked");
    expect(document.totalInclVat?.toFixed(2)).toBe("38.86");

    const booked = (await invoices()).filter((i) => i.api_reference === `${KEY}-order-${orderId}`);
    expect(booked).toHaveLength(1);
    const invoice = booked[0]!;
    expect(invoice).toMatchObject({ price_with_vat: "38.86", price_without_vat: "33.11", vat_amount: "5.75", open_amount: "38.86" });
    const perRate = (rate: string) => {
      const lines = invoice.invoice_lines.filter((l) => money(l.vat_rate).eq(money(rate).div(100)));
      return { excl: cents(sum(lines.map((l) => money(l.price_without_vat)))).toFixed(2), vat: cents(sum(lines.map((l) => money(l.vat_amount)))).toFixed(2) };
    };
    // 21%: Theepot 20.62, its discount share −1.68, shipping 4.09; 9%: Thee 10.97, its discount share −0.89.
    expect(perRate("21")).toEqual({ excl: "23.03", vat: "4.84" });
    expect(perRate("9")).toEqual({ excl: "10.08", vat: "0.91" });
  });

  it("never books twice: a new poll finds nothing, a second run finds it booked, a retry after a lost answer finds it by reference", async () => {
    expect(await poll()).toEqual([]);
    const document = await t.db.document.findFirstOrThrow({ where: { integrationId, sourceId: orderId } });
    expect((await process(document.id)).result).toMatchObject({ status: "booked", already: true });
    await t.db.document.update({ where: { id: document.id }, data: { status: "queued", targetRef: null } });
    expect((await process(document.id)).result).toMatchObject({ status: "booked", found: true });
    // A later change in the shop (e.g. shipped) is noticed again but never booked again.
    await post(`${shop}/documents/${orderId}`, { current_state: 4 }, "PATCH");
    expect(await poll()).toEqual([]);
    expect((await invoices()).filter((i) => i.api_reference === `${KEY}-order-${orderId}`)).toHaveLength(1);
  });

  it("an order the shop cannot serve lands on Errors with PrestaShop's reason", async () => {
    const id = ((await post(`${shop}/documents`, { kind: "order", payload: { ...order, current_state: 2, customer: { email: "b@example.nl" } } })) as { id: string }).id;
    await post(`${shop}/webservice`, { permissions: { orders: ["GET", "HEAD"] } }, "PATCH");
    const { documentId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: id });
    const { document } = await process(documentId);
    expect(document).toMatchObject({ status: "error", errorCode: "permission_missing" });
    expect(document.errorDetail).toMatch(/tick View \(GET\) for order_details/);
  });
});
