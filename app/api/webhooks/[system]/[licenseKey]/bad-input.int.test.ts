import { InngestTestEngine } from "@inngest/test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookToken } from "@/connectors/ccvshop/webhook";
import { sandboxCredentials as ccvCredentials } from "@/connectors/ccvshop/sandbox/credentials";
import { WEBHOOK_HEADERS, webhookSignature } from "@/connectors/kmoshops/contract";
import { sandboxCredentials as kmoCredentials } from "@/connectors/kmoshops/sandbox/credentials";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { inngest } from "@/inngest/client";
import { processDocument } from "@/inngest/functions/process-document";
import { sentEventSteps } from "@/inngest/functions/testing/sent-events";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { assertProperty, brief, malformedBody, namedBadBodies, type RawBody } from "@/lib/testing/malformed";
import { POST } from "./route";

/**
 * Bad input on every webhook path (CCV Shop, KMO Shops): generated malformed deliveries, correctly
 * signed (so the payload is what is bad) and unsigned. Each gets a 4xx, or is recorded and then ends
 * as a clear Errors entry when processed through the real pipeline; never a 500 or a throw. Valid
 * orders delivered between them are booked, once.
 */
const APP = "http://localhost:3000";
const SEED = 1111;
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 30);

type Source = {
  system: "ccvshop" | "kmoshops";
  key: string;
  /** Signs a raw body as the shop would: returns the query and headers to deliver it with. */
  sign: (body: Uint8Array) => { query: string; headers: Record<string, string> };
  /** A valid order placed in the sandbox shop, and the delivery announcing it. */
  valid: () => Promise<{ sourceId: string; body: string }>;
  /** A well-formed delivery body, mangled by the generators. */
  example: Record<string, unknown>;
};

const admin = (system: string, key: string) => `${APP}/sandbox/${system}/${key.toLowerCase()}/_admin`;
async function place(system: string, key: string, payload: object): Promise<string> {
  const res = await inProcessSandboxFetch(`${admin(system, key)}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const ccvRow = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const ccvOrder = {
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
  customer: { email: "buyer@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [ccvRow("Theepot", 1, 24.95, 21), ccvRow("Thee", 2, 5.98, 9)],
};
const kmoLine = (name: string, quantity: number, priceincltax: string, tax_rate: string) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });
const kmoOrder = {
  status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
  lines: [kmoLine("Theepot", 1, "24.95", "21"), kmoLine("Thee", 2, "5.98", "9")],
  shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
};

const CCV = "DEMO-CCVSHOP-ROMPSLOMP";
const KMO = "DEMO-KMOSHOPS-FACTUURSTUREN";
const sources: Source[] = [
  {
    system: "ccvshop", key: CCV,
    example: { id: "123", href: `${APP}/sandbox/ccvshop/x/api/rest/v1/orders/123`, event: "orders.updated.ispaid", order_id: "123", invoice_id: "9", order_number: "2024-1" },
    sign: () => ({ query: `?token=${webhookToken(ccvCredentials(CCV.toLowerCase()))}`, headers: {} }),
    valid: async () => {
      const id = await place("ccvshop", CCV, ccvOrder);
      return { sourceId: id, body: JSON.stringify({ id, href: `${APP}/sandbox/ccvshop/x/api/rest/v1/orders/${id}`, event: "orders.updated.ispaid" }) };
    },
  },
  {
    system: "kmoshops", key: KMO,
    example: { id: "evt-1", topic: "order.updated", shop_id: null, created_at: "2024-07-05T10:00:00Z", order: { id: "123", status: "paid", payment_status: "paid", refunds: [{ id: "r1" }] } },
    sign: (body) => ({ query: "", headers: { [WEBHOOK_HEADERS.signature]: webhookSignature(kmoCredentials(KMO.toLowerCase()).webhookSecret, Buffer.from(body).toString("utf8")) } }),
    valid: async () => {
      const id = await place("kmoshops", KMO, kmoOrder);
      return { sourceId: id, body: JSON.stringify({ id: `evt-${id}`, topic: "order.updated", shop_id: null, created_at: new Date().toISOString(), order: { id, status: "paid", payment_status: "paid" } }) };
    },
  },
];

let t: TestDb;
const realFetch = globalThis.fetch;
/** What the receiver sent to Inngest: the documents to process. */
let queued: { documentId: string; integrationId: string }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
    const events = (Array.isArray(payload) ? payload : [payload]) as { data: { documentId: string; integrationId: string } }[];
    queued.push(...events.map((e) => e.data));
    return { ids: events.map((_, i) => `evt-${i}`) };
  }) as never);
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

async function deliver(source: Source, body: RawBody, signed: boolean) {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const { query, headers } = signed ? source.sign(bytes) : { query: "", headers: {} };
  const url = `${APP}/api/webhooks/${source.system}/${source.key}${query}`;
  return POST(new Request(url, { method: "POST", body: bytes as BodyInit, headers: { "content-type": "application/json", ...headers } }), {
    params: Promise.resolve({ system: source.system, licenseKey: source.key }),
  });
}

/** Processes everything the receiver queued through the real pipeline; returns the documents' end states. */
async function processQueued() {
  const batch = queued;
  queued = [];
  for (const { documentId, integrationId } of batch) {
    const { error } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
    expect(error, `processing ${documentId}`).toBeUndefined();
  }
  return t.db.document.findMany({ where: { id: { in: batch.map((b) => b.documentId) } } });
}

describe.each(sources)("webhook $system: malformed deliveries", (source) => {
  it("never answer 5xx or throw: 4xx, or recorded and ending on Errors with a stable code and a readable message; valid ones around them book once", async () => {
    const statuses = new Map<number, number>();
    const validIds: string[] = [];
    await assertProperty(
      fc.asyncProperty(malformedBody(source.example), fc.boolean(), fc.nat(4), async (body, signed, dice) => {
        const before = await t.db.document.count();
        const res = await deliver(source, body, signed);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `answered ${res.status}: ${brief(await res.clone().text())}`).toBeLessThan(500);
        if (!signed) {
          expect(res.status).toBe(401);
          expect(await t.db.document.count()).toBe(before);
        }
        if (res.status >= 400) {
          const answer = (await res.json()) as { error: string; message: string };
          expect(answer.error).toMatch(/^[a-z_]+$/);
          expect(answer.message.length).toBeGreaterThan(10);
          expect(await t.db.document.count()).toBe(before);
        }
        // Now and then a valid delivery between the bad ones.
        if (validIds.length < 4 && dice === 0) {
          const valid = await source.valid();
          expect((await deliver(source, valid.body, true)).status).toBe(200);
          validIds.push(valid.sourceId);
        }
      }),
      { seed: SEED, numRuns: RUNS, examples: namedBadBodies(source.example).map((body): [RawBody, boolean, number] => [body, true, 1]) },
    );
    // At least one valid delivery, whatever the dice said.
    const last = await source.valid();
    expect((await deliver(source, last.body, true)).status).toBe(200);
    validIds.push(last.sourceId);

    for (const doc of await processQueued()) {
      if (doc.kind === "order" && validIds.includes(doc.sourceId)) {
        expect([doc.status, doc.errorCode, doc.errorDetail]).toEqual(["booked", null, null]);
        continue;
      }
      // A malformed delivery that named some id: the shop does not know it (or it is no document to book).
      expect(["error", "open"]).toContain(doc.status);
      expect(doc.errorCode).toMatch(/^[a-z_]+$/);
      expect(doc.errorDetail!.length).toBeGreaterThan(15);
    }
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: source.key } });
    const booked = await t.db.document.findMany({ where: { integrationId: integration.id, status: "booked" } });
    expect(booked.map((d) => d.sourceId).sort()).toEqual([...validIds].sort());
    expect(statuses.size).toBeGreaterThan(1);
  });
});
