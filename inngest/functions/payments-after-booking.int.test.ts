import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import type { MutationJson } from "@/connectors/eboekhouden/sandbox/state";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { setSetting } from "@/lib/integrations/settings";
import { processDocument } from "./process-document";
import { syncIntegration } from "./sync-integration";
import { runPayment } from "./testing/payment-runs";
import { sentEventSteps } from "./testing/sent-events";

/**
 * Payments the shop adds after its document was booked: paid later, or a second partial payment.
 * End to end with the sandboxes in-process, PrestaShop → e-Boekhouden (the demo integration): the
 * real updated-since poll (sync-integration) announces the changed order, process-document compares
 * the booked order and records the new payment (its key makes a re-announcement change nothing),
 * process-payment books it.
 */
const APP = "http://localhost:3000";
const PS = "DEMO-PRESTASHOP-EBOEKHOUDEN";
const admin = (system: string) => `${APP}/sandbox/${system}/${PS.toLowerCase()}/_admin`;

let t: TestDb;
let integrationId: string;
const realFetch = globalThis.fetch;

type SentEvent = { name: string; data: { documentId?: string; paymentId?: string } };
type StepMock = { mock: { calls: [string, SentEvent | SentEvent[]][] } };

/** The events a run sent, by what they carry (the test engine stands in for Inngest). */
const sentOf = (ctx: unknown, name: string) =>
  ((ctx as { step: { sendEvent: StepMock } }).step.sendEvent.mock.calls.flatMap(([, events]) => (Array.isArray(events) ? events : [events])))
    .filter((e) => e.name === name);

/** The scheduled poll of the shop: the documents it queued for processing. */
async function poll(): Promise<string[]> {
  const { ctx, error } = await new InngestTestEngine({
    function: syncIntegration,
    events: [{ name: "integration/sync.requested", data: { licenseKey: PS } }],
    steps: [0, 1, 2].map((i) => ({ id: `queue-${i}`, handler: () => ({ ids: [] }) })),
  }).execute();
  expect(error).toBeUndefined();
  return sentOf(ctx, "document/process.requested").map((e) => e.data.documentId!);
}

/** process-document for a queued document: its result and the payments it sent on. */
async function processQueued(documentId: string) {
  const { result, ctx } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    steps: sentEventSteps(),
  }).execute();
  return { result: result as { status: string; already?: boolean; payments?: number }, sent: sentOf(ctx, "payment/received").map((e) => e.data.paymentId!) };
}

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: PS } })).id;
  await poll(); // what the demo shop already holds; the cursor moves past it
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const post = async (path: string, body: unknown) => {
  const res = await inProcessSandboxFetch(`${admin("prestashop")}/${path}`, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
/**
 * The shop changes the order (date_upd moves on, as when a payment is entered in the back office).
 * date_upd has whole seconds and the poll's cursor keeps the ids it saw at its last second, so the
 * change is made in a later second than what the poll saw last (as it would be in a real shop).
 */
const touch = async (orderId: string) => {
  await new Promise((r) => setTimeout(r, 1100));
  return inProcessSandboxFetch(`${admin("prestashop")}/documents/${orderId}`, { method: "PATCH", body: JSON.stringify({ current_state: 2 }) });
};

let seq = 0;
/** A paid PrestaShop order of 38.86 (state "payment accepted"), with the payments given. */
const order = (payments: { amount: string; transaction_id: string }[]) => {
  seq += 1;
  return {
    reference: `LATER${seq}`, current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00",
    customer: { email: `later${seq}@example.nl`, firstname: "Eva", lastname: "Koper" },
    address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
    order_details: [
      { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
      { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
    ],
    order_payments: payments.map((p) => ({ payment_method: "iDEAL", ...p })),
  };
};

const paymentMutations = async (reference: string) =>
  ((await (await inProcessSandboxFetch(`${admin("eboekhouden")}/state`)).json()) as { mutations: MutationJson[] }).mutations
    .filter((m) => m.type === 3 && m.invoiceNumber === reference);
const paymentsOf = (documentId: string) => t.db.payment.findMany({ where: { documentId }, orderBy: { createdAt: "asc" } });

/** Polls, processes what was queued, and books the payments process-document sent on. */
async function pollAndProcess(documentId: string) {
  const queued = await poll();
  expect(queued).toContain(documentId);
  const processed = await processQueued(documentId);
  for (const id of processed.sent) await runPayment(t.db, id);
  return processed;
}

describe("payments added in the shop after the document was booked", () => {
  it("paid later: the booked order's new payment is recorded, sent and booked against its open item; announced again, nothing changes", async () => {
    const payload = order([]);
    const { reference } = payload;
    const orderId = await post("documents", { kind: "order", payload });
    const [documentId] = await poll();
    const booked = await processQueued(documentId!);
    expect(booked.result).toMatchObject({ status: "booked", payments: 0 });
    expect(await paymentsOf(documentId!)).toEqual([]);

    await post("payments", { documentId: orderId, payload: { amount: "38.86", transaction_id: "tr_later_1", payment_method: "iDEAL" } });
    await touch(orderId);
    const compared = await pollAndProcess(documentId!);
    expect(compared.result).toMatchObject({ status: "booked", already: true, payments: 1 });
    const [payment] = await paymentsOf(documentId!);
    expect(payment).toMatchObject({ status: "booked", errorCode: null });
    expect((await paymentMutations(reference)).map((m) => [m.entryNumber, m.rows[0]!.amount])).toEqual([["tr_later_1", 38.86]]);

    // The shop announces the order again (another change, the same payment): no new row, nothing sent, nothing booked.
    await touch(orderId);
    const again = await pollAndProcess(documentId!);
    expect(again.result).toMatchObject({ status: "booked", already: true });
    expect(again.sent).toEqual([]);
    expect(await paymentsOf(documentId!)).toEqual([payment]);
    expect(await paymentMutations(reference)).toHaveLength(1);
  });

  it("a second partial payment after booking is booked once; the first is not sent again", async () => {
    // Partial payments need e-Boekhouden's "processing without outstanding item" (its open item is the whole sale).
    await setSetting(t.db, integrationId, "target", { ...eboekhoudenDemoTarget(PS.toLowerCase()).settings, paymentsWithoutOutstandingItem: true });
    const payload = order([{ amount: "20.00", transaction_id: "tr_part_1" }]);
    const orderId = await post("documents", { kind: "order", payload });
    const [documentId] = await poll();
    const booked = await processQueued(documentId!);
    expect(booked.result).toMatchObject({ status: "booked", payments: 1 });
    for (const id of booked.sent) await runPayment(t.db, id);
    const [first] = await paymentsOf(documentId!);
    expect(first!.status).toBe("booked");

    await post("payments", { documentId: orderId, payload: { amount: "18.86", transaction_id: "tr_part_2", payment_method: "iDEAL" } });
    await touch(orderId);
    const compared = await pollAndProcess(documentId!);
    const second = (await paymentsOf(documentId!))[1]!;
    expect(compared.sent).toEqual([second.id]);
    expect(second).toMatchObject({ status: "booked" });
    expect((await paymentMutations(payload.reference)).map((m) => [m.entryNumber, m.rows[0]!.amount])).toEqual([["tr_part_1", 20], ["tr_part_2", 18.86]]);
  });
});
