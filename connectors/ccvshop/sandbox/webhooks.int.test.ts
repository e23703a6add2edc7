import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createCcvShopSource } from "../index";
import { ccvshopSourceSetup } from "../setup";
import { receiveCcvWebhook, verifyWebhook, type WebhookRegistration } from "../webhook";
import { sandboxCredentials } from "./credentials";
import type { Delivery } from "./state";
import { baseUrlOf, callSandbox, sandboxFetch, startServer } from "./test-harness";

const tenant = "hooks";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: sandboxFetch };
const row = { product_name: "Mok", product_number: "MOK", count: 1, selling_price: 12.1, tax: 21 };

let t: TestDb;
let app: Awaited<ReturnType<typeof startServer>>;
let failuresLeft = 0;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  app = await startServer(() => (failuresLeft-- > 0 ? { status: 500, body: "busy" } : { status: 200, body: "ok" }));
});
afterAll(async () => { await app.close(); setDb(undefined); await t.close(); });

describe("webhook delivery", () => {
  let registrations: WebhookRegistration[];
  const callback = () => `${app.origin}/api/webhooks/ccvshop/DEMO-CCVSHOP-ROMPSLOMP`;

  it("registers the paid-orders events once, however often the install runs", async () => {
    const source = createCcvShopSource(ctx, { documentTrigger: "paid-orders" }, { throttle: false });
    registrations = await source.registerWebhooks(callback());
    expect(registrations.map((r) => r.event)).toEqual(["orders.created", "orders.updated.ispaid", "orders.updated.status"]);
    expect(await source.registerWebhooks(callback())).toEqual(registrations);
    expect(await source.client.listWebhooks()).toHaveLength(3);
  });

  it("delivers orders.created after POST _admin/documents, signed with the webhook's key, to the registered address", async () => {
    const id = ((await (await callSandbox(tenant, "POST", "_admin/documents", { kind: "order", payload: { orderrows: [row] } })).json()) as { id: string }).id;
    const delivery = await app.waitFor((r) => r.body.includes(`"id":${id}`));
    const address = `${app.origin}${delivery.url}`;
    expect(address).toBe(registrations[0]!.address);
    const matched = verifyWebhook({ rawBody: delivery.body, hash: delivery.headers["x-hash"] as string, registrations });
    expect(matched?.event).toBe("orders.created");
    // What the app's receiver does with it: by stored key, or by the token in the address alone.
    const headers = new Headers({ "x-hash": delivery.headers["x-hash"] as string });
    expect(receiveCcvWebhook({ headers, body: delivery.body, credentials: { ...ctx.credentials, webhooks: registrations }, url: address })).toEqual([{ kind: "order", sourceId: id }]);
    expect(receiveCcvWebhook({ headers: new Headers(), body: delivery.body, credentials: ctx.credentials, url: address })).toEqual([{ kind: "order", sourceId: id }]);
  });

  it("delivers orders.updated.ispaid when an order is marked paid, retrying a failing receiver", async () => {
    const id = ((await (await callSandbox(tenant, "POST", "_admin/documents", { kind: "order", payload: { orderrows: [row] } })).json()) as { id: string }).id;
    await app.waitFor((r) => r.body.includes(`"id":${id}`));
    failuresLeft = 1;
    const count = app.received.length;
    expect((await callSandbox(tenant, "PATCH", `_admin/documents/${id}`, { paid: true })).status).toBe(200);
    const ok = await app.waitFor((r) => app.received.indexOf(r) > count && r.body.includes('"paid":true'), 15_000);
    expect(verifyWebhook({ rawBody: ok.body, hash: ok.headers["x-hash"] as string, registrations })?.event).toBe("orders.updated.ispaid");
    expect(app.received.slice(count).filter((r) => r.body.includes('"paid":true'))).toHaveLength(2); // one 500, one retry
    let deliveries: Delivery[] = [];
    for (let i = 0; i < 50 && !deliveries.some((d) => d.event === "orders.updated.ispaid"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = (await (await callSandbox(tenant, "GET", "_admin/deliveries")).json()) as Delivery[];
    }
    expect(deliveries.find((d) => d.event === "orders.updated.ispaid")).toMatchObject({ status: 200, attempts: 2 });
  }, 30_000);

  it("fires nothing for events without a registration (invoices under paid-orders)", async () => {
    const count = app.received.length;
    await callSandbox(tenant, "POST", "_admin/documents", { kind: "invoice", payload: { invoicerows: [row] } });
    await new Promise((r) => setTimeout(r, 300));
    expect(app.received.length).toBe(count);
  });

  it("switching to invoices replaces the order webhooks (the wizard's setup registers both without settings)", async () => {
    const setupRegistrations = await ccvshopSourceSetup.registerWebhooks(ctx, callback(), { documentTrigger: "invoices" });
    expect(setupRegistrations.map((r) => r.event)).toEqual(["invoices.created", "invoices.updated.status"]);
    const all = await ccvshopSourceSetup.registerWebhooks(ctx, callback());
    expect(all.map((r) => r.event)).toEqual(["orders.created", "orders.updated.ispaid", "orders.updated.status", "invoices.created", "invoices.updated.status"]);
    const id = ((await (await callSandbox(tenant, "POST", "_admin/documents", { kind: "creditnote", payload: { invoicerows: [row] } })).json()) as { id: string }).id;
    const delivery = await app.waitFor((r) => r.body.includes(`"id":${id}`) && r.body.includes("invoices/"));
    expect(receiveCcvWebhook({ headers: new Headers(), body: delivery.body, credentials: ctx.credentials, url: `${app.origin}${delivery.url}` })).toEqual([{ kind: "invoice", sourceId: id }]);
  });
});
