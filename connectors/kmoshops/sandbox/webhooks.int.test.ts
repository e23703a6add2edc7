import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "../../sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createKmoClient } from "../client";
import { createKmoShopsSource } from "../index";
import { kmoshopsSourceSetup } from "../setup";
import { receiveKmoWebhook } from "../webhook";
import { sandboxCredentials } from "./credentials";
import type { Delivery } from "./state";
import { baseUrlOf, callSandbox, headersOf, postDocument, startServer, type Received } from "./test-harness";

const tenant = "hooks";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: inProcessSandboxFetch };
const lines = [{ sku: "MOK", name: "Mok", quantity: 1, priceincltax: "12.10", tax_rate: "21" }];

let t: TestDb;
let app: Awaited<ReturnType<typeof startServer>>;
let failuresLeft = 0;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  app = await startServer(() => (failuresLeft-- > 0 ? { status: 500, body: "busy" } : { status: 200, body: "ok" }));
});
afterAll(async () => { await app.close(); setDb(undefined); await t.close(); });

const callback = () => `${app.origin}/api/webhooks/kmoshops/DEMO-KMOSHOPS-FACTUURSTUREN`;
const receive = (r: Received) => receiveKmoWebhook({ headers: headersOf(r), body: r.body, credentials: ctx.credentials, url: `${app.origin}${r.url}` });
const about = (id: string, topic: string) => (r: Received) => r.headers["x-kmo-topic"] === topic && r.body.includes(`"id":${id},`);

describe("webhook registration and delivery", () => {
  it("registers order.created and order.updated once, however often the install runs, replacing an old app address", async () => {
    const client = createKmoClient(ctx);
    await client.createWebhook({ topic: "order.created", address: "https://old-host.example/api/webhooks/kmoshops/DEMO-KMOSHOPS-FACTUURSTUREN" });
    await client.createWebhook({ topic: "product.updated", address: "https://someone-else.example/hook" });
    await kmoshopsSourceSetup.registerWebhooks!(ctx, callback());
    await kmoshopsSourceSetup.registerWebhooks!(ctx, callback());
    const hooks = await client.listWebhooks();
    expect(hooks.map((h) => `${h.topic} ${h.address}`).sort()).toEqual([
      `order.created ${callback()}`,
      `order.updated ${callback()}`,
      "product.updated https://someone-else.example/hook",
    ]);
  });

  it("delivers order.created after POST _admin/documents, signed with the shop's secret; the receiver announces the order", async () => {
    const id = await postDocument(tenant, "order", { status: "paid", lines });
    const delivery = await app.waitFor(about(id, "order.created"));
    expect(`${app.origin}${delivery.url}`).toBe(callback());
    expect(delivery.headers).toMatchObject({ "x-kmo-shop-id": tenant, "content-type": "application/json", "x-kmo-signature": expect.stringMatching(/^sha256=[0-9a-f]{64}$/) });
    expect(JSON.parse(delivery.body)).toMatchObject({ topic: "order.created", shop_id: tenant, order: { id: Number(id), status: "paid", refunds: [] } });
    expect(receive(delivery)).toEqual([{ kind: "order", sourceId: id }]);
    expect(() => receiveKmoWebhook({ headers: headersOf(delivery), body: delivery.body, credentials: sandboxCredentials("other-shop"), url: callback() })).toThrow(expect.objectContaining({ code: "unauthorized" }));
  });

  it("delivers order.updated when an order changes, retrying a failing receiver", async () => {
    const id = await postDocument(tenant, "order", { status: "awaiting_payment", lines });
    await app.waitFor(about(id, "order.created"));
    failuresLeft = 1;
    const count = app.received.length;
    expect((await callSandbox(tenant, "PATCH", `_admin/documents/${id}`, { status: "paid", payment_status: "paid" })).status).toBe(200);
    const updates = () => app.received.slice(count).filter(about(id, "order.updated"));
    await app.waitFor(() => updates().length === 2, 15_000); // one answered 500, then the retry
    const [failed, retried] = updates();
    expect(retried!.body).toBe(failed!.body); // the same delivery, the same signature
    expect(retried!.body).toContain('"status":"paid"');
    expect(receive(retried!)).toEqual([{ kind: "order", sourceId: id }]);
    let deliveries: Delivery[] = [];
    for (let i = 0; i < 50 && !deliveries.some((d) => d.topic === "order.updated" && d.status === 200); i++) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = (await (await callSandbox(tenant, "GET", "_admin/deliveries")).json()) as Delivery[];
    }
    expect(deliveries.find((d) => d.topic === "order.updated")).toMatchObject({ status: 200, attempts: 2 });
  }, 30_000);

  it("a refund is an order change: the delivery lists it, and the refund lands as a credit note that is not booked", async () => {
    const id = await postDocument(tenant, "order", { status: "completed", payment_status: "paid", lines });
    await app.waitFor(about(id, "order.created"));
    const refundId = await postDocument(tenant, "creditnote", { order_id: id, amount: "5.00", reason: "Retour" });
    const delivery = await app.waitFor((r) => about(id, "order.updated")(r) && r.body.includes(`"refunds":[{"id":${refundId}}]`));
    const notices = receive(delivery);
    expect(notices).toEqual([{ kind: "order", sourceId: id }, { kind: "creditnote", sourceId: refundId }]);
    const source = createKmoShopsSource(ctx);
    const refund = await source.fetchDocument("creditnote", refundId);
    expect(refund).toMatchObject({ kind: "creditnote", sourceId: refundId, payload: { order_id: id, amount: "5.00" } });
    expect(source.eligibility(refund)).toMatchObject({ eligible: false, reason: expect.stringContaining(`Refund ${refundId} of EUR 5.00`) });
    // The partly refunded order itself is still a sale to book.
    expect(source.eligibility(await source.fetchDocument("order", id))).toEqual({ eligible: true });
  });
});
