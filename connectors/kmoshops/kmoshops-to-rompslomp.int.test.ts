import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookReceivers } from "@/connectors/registry";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { openCredentials, sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { D, money } from "@/lib/domain/money";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import type { DocumentKind } from "../types";
import { kmoshopsDemoSource } from "./sandbox/demo";
import { kmoshopsSourceSetup } from "./setup";
import { headersOf, startServer, type Received } from "./sandbox/test-harness";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

/**
 * End to end through the real pipeline: an order posted to the KMO Shops sandbox → its signed
 * webhook → the registered receiver's notice → processDocument → booked in the Rompslomp sandbox.
 * Factuursturen is being built elsewhere, so this test integration books KMO Shops into Rompslomp
 * (any source works with any target), configured like the demo integrations.
 */
const APP = "http://localhost:3000";
const KEY = "TEST-KMOSHOPS-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/kmoshops/${TENANT}/_admin`;
const books = `${APP}/sandbox/rompslomp/${TENANT}/_admin`;

let t: TestDb;
let integrationId: string;
let hook: Awaited<ReturnType<typeof startServer>>;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch; // connectors reach the sandboxes in-process; other URLs go to the network
  await seedDemo(t.db, APP);
  hook = await startServer();

  // Created the way lib/demo/seed-demo.ts creates the demo integrations.
  const source = kmoshopsDemoSource(TENANT);
  const target = rompslompDemoTarget(TENANT);
  const account = await t.db.account.findFirstOrThrow();
  const connection = (side: "source" | "target", system: string, credentials: Record<string, unknown>) => ({
    side, system, baseUrl: `${APP}/sandbox/${system}/${TENANT}`, credentialsEnc: sealCredentials(credentials), status: "ok", lastCheckedAt: new Date(),
  });
  const settings = { source: source.settings, target: target.settings, costAccounts: target.costAccounts, payments: { enabled: false } };
  integrationId = (
    await t.db.integration.create({
      data: {
        accountId: account.id, licenseKey: KEY, name: "KMO Shops → Rompslomp (test)", sourceSystem: "kmoshops", targetSystem: "rompslomp",
        status: "active", termsAcceptedAt: new Date(),
        connections: { create: [connection("source", "kmoshops", source.credentials), connection("target", "rompslomp", target.credentials)] },
        settings: { create: Object.entries(settings).map(([key, value]) => ({ key, value: value as Prisma.InputJsonValue })) },
        vatMappings: { create: target.vatGrid },
      },
    })
  ).id;
  // As the wizard's last step does: the shop calls our webhook address (here a local server standing in for the app).
  await kmoshopsSourceSetup.registerWebhooks!({ baseUrl: `${APP}/sandbox/kmoshops/${TENANT}`, credentials: source.credentials, fetch: inProcessSandboxFetch }, `${hook.origin}/api/webhooks/kmoshops/${KEY}`);
});
afterAll(async () => { globalThis.fetch = realFetch; await hook.close(); setDb(undefined); await t.close(); });

const line = (name: string, quantity: number, priceincltax: string, tax_rate: string) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });
const order = (overrides: Record<string, unknown> = {}) => ({
  status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
  lines: [line("Theepot", 1, "24.95", "21"), line("Thee", 2, "5.98", "9")],
  shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
  ...overrides,
});

async function admin(method: string, path: string, body: unknown) {
  const res = await inProcessSandboxFetch(`${shopAdmin}/${path}`, { method, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
  return res.json() as Promise<{ id: string }>;
}

/** The signed delivery about `orderId` that passes `test`, as the app's webhook route gets it, through the registered receiver. */
async function delivered(orderId: string, test: (r: Received) => boolean = () => true) {
  const delivery = await hook.waitFor((r) => r.body.includes(`"order":{"id":${orderId},`) && test(r));
  const connection = await t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "source" } } });
  return webhookReceivers.kmoshops!({ headers: headersOf(delivery), body: delivery.body, credentials: openCredentials(connection.credentialsEnc!), url: `${hook.origin}${delivery.url}` });
}

async function process(kind: DocumentKind, sourceId: string) {
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  const { result } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
  return { documentId, result: result as { status: string; already?: boolean; found?: boolean }, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

type InvoiceJson = { api_reference: string; price_with_vat: string; price_without_vat: string; vat_amount: string; invoice_lines: { vat_rate: string; vat_amount: string; price_without_vat: string }[] };
const invoices = async () => (await (await inProcessSandboxFetch(`${books}/state`)).json()).invoices as InvoiceJson[];
const bookedFor = async (orderId: string) => (await invoices()).filter((i) => i.api_reference === `${KEY}-order-${orderId}`);

describe("KMO Shops → Rompslomp, end to end", () => {
  let orderId: string;

  it("the demo KMO Shops integration is seeded with its webhooks registered at the sandbox shop", async () => {
    const shop = await t.db.sandboxTenant.findUniqueOrThrow({ where: { system_tenant: { system: "kmoshops", tenant: "demo-kmoshops-factuursturen" } } });
    expect(JSON.stringify(shop.state)).toContain(`${APP}/api/webhooks/kmoshops/DEMO-KMOSHOPS-FACTUURSTUREN`);
  });

  it("books an order posted to the shop, from its webhook, once: totals and VAT per rate to the cent", async () => {
    orderId = (await admin("POST", "documents", { kind: "order", payload: order() })).id;
    const notices = await delivered(orderId);
    expect(notices).toEqual([{ kind: "order", sourceId: orderId }]);
    const { result, document } = await process("order", orderId);
    expect(result.status).toBe("booked");
    expect(document).toMatchObject({ status: "booked", sourceNumber: "1001", customerName: "Eva Koper", currency: "EUR" });
    expect(document.totalInclVat?.toFixed(2)).toBe("41.86");

    const booked = await bookedFor(orderId);
    expect(booked).toHaveLength(1);
    const invoice = booked[0]!;
    expect({ incl: invoice.price_with_vat, excl: invoice.price_without_vat, vat: invoice.vat_amount }).toEqual({ incl: "41.86", excl: "35.68", vat: "6.18" });
    const vatPerRate = (rate: string) => invoice.invoice_lines.filter((l) => money(l.vat_rate).eq(rate)).reduce((s, l) => s.plus(money(l.vat_amount)), new D(0)).toFixed(2);
    // 21%: Theepot 20.62 → 4.33, shipping 4.09 → 0.86; 9%: Thee 2 × 5.98 = 11.96 → 10.97 excl → 0.99.
    expect(vatPerRate("0.21")).toBe("5.19");
    expect(vatPerRate("0.09")).toBe("0.99");
    expect(invoice.invoice_lines).toHaveLength(3);
  });

  it("an order change (order.updated) and a retry after a lost answer book nothing twice", async () => {
    await admin("PATCH", `documents/${orderId}`, { status: "shipped" });
    expect(await delivered(orderId, (r) => r.body.includes('"status":"shipped"'))).toEqual([{ kind: "order", sourceId: orderId }]);
    expect((await process("order", orderId)).result).toMatchObject({ status: "booked", already: true });
    const { documentId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: orderId });
    await t.db.document.update({ where: { id: documentId }, data: { status: "queued", targetRef: null } }); // as if Rompslomp's answer was lost
    expect((await process("order", orderId)).result).toMatchObject({ status: "booked", found: true });
    expect(await bookedFor(orderId)).toHaveLength(1);
  });

  it("a refund arrives with its order's change and waits on Open, explained, booking nothing", async () => {
    const before = (await invoices()).length;
    const refundId = (await admin("POST", "documents", { kind: "creditnote", payload: { order_id: orderId, amount: "11.96", reason: "Retour thee" } })).id;
    const notices = await delivered(orderId, (r) => r.body.includes(`{"id":${refundId}}`));
    expect(notices).toContainEqual({ kind: "creditnote", sourceId: refundId });
    const { result, document } = await process("creditnote", refundId);
    expect(result.status).toBe("open");
    expect(document.status).toBe("open");
    expect(document.errorDetail).toBe(`Refund ${refundId} of EUR 11.96 on order 1001 is not booked: this integration processes KMO Shops orders only, not refunds. Enter the credit note by hand in your accounting system if the order was booked.`);
    expect((await invoices()).length).toBe(before);
  });

  it("an order not yet paid waits on Open with its status", async () => {
    const id = (await admin("POST", "documents", { kind: "order", payload: order({ status: "awaiting_payment", payment_status: "pending" }) })).id;
    await delivered(id);
    const { document } = await process("order", id);
    expect(document.status).toBe("open");
    expect(document.errorDetail).toMatch(/status "awaiting payment"/);
  });

  it.each([
    ["an order the shop does not have", async () => "999999", "not_found", /no such resource/],
    ["totals that do not add up", async () => (await admin("POST", "documents", { kind: "order", payload: order({ total_incl: "49.99" }) })).id, "totals_mismatch", /49\.99/],
    ["a line type the integration does not know", async () => (await admin("POST", "documents", { kind: "order", payload: order({ lines: [{ ...line("Bon", 1, "10.00", "0"), type: "gift_card" }] }) })).id, "invalid_payload", /line 1 has an unknown type "gift_card"/],
  ])("puts %s on Errors with a precise reason, booking nothing", async (_case, make, code, message) => {
    const before = (await invoices()).length;
    const { document } = await process("order", await make());
    expect(document.status).toBe("error");
    expect(document.errorCode).toBe(code);
    expect(document.errorDetail).toMatch(message);
    expect((await invoices()).length).toBe(before);
  });

  it("refuses a forged or mangled delivery at the receiver", async () => {
    const connection = await t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "source" } } });
    const credentials = openCredentials(connection.credentialsEnc!);
    const body = JSON.stringify({ topic: "order.created", order: { id: 1 } });
    expect(() => webhookReceivers.kmoshops!({ headers: new Headers({ "x-kmo-signature": "sha256=00" }), body, credentials, url: hook.origin })).toThrow(expect.objectContaining({ code: "unauthorized" }));
  });
});
