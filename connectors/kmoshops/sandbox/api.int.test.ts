import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "../../sandbox/in-process-fetch";
import { caught } from "../../testing";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createKmoClient } from "../client";
import { createKmoShopsSource } from "../index";
import { kmoshopsSourceSetup } from "../setup";
import { sandboxCredentials } from "./credentials";
import { resetSandboxRateLimits } from "./rate-limit";
import { baseUrlOf, callSandbox, loggedRequests, postDocument } from "./test-harness";

const tenant = "api";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: inProcessSandboxFetch };
const line = (name: string, priceincltax: string, tax_rate: string, quantity = 1) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { resetSandboxRateLimits(); await callSandbox(tenant, "POST", "_admin/reset"); await callSandbox(tenant, "POST", "_admin/faults", {}); });

describe("auth", () => {
  it("refuses a missing or wrong API key with KMO's 401 error body", async () => {
    const none = await callSandbox(tenant, "GET", "api/v1/orders");
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Missing API key") } });
    const wrong = await callSandbox(tenant, "GET", "api/v1/orders", undefined, { authorization: "Bearer nope" });
    expect(await wrong.json()).toEqual({ error: { code: "unauthorized", message: "Invalid API key." } });
    const client = createKmoClient({ ...ctx, credentials: { ...ctx.credentials, apiKey: "nope" } });
    expect(await caught(client.getShop())).toMatchObject({ code: "unauthorized", retryable: false, message: expect.stringContaining("Invalid API key") });
  });

  it("accepts the tenant's key: the setup's connection test reads the shop", async () => {
    await expect(kmoshopsSourceSetup.testConnection(ctx)).resolves.toBeUndefined();
    expect(await createKmoClient(ctx).getShop()).toMatchObject({ id: tenant, currency: "EUR" });
  });
});

describe("orders", () => {
  it("completes a posted order the way the shop would: ids, number, timestamps, both unit prices, totals", async () => {
    const id = await postDocument(tenant, "order", { status: "paid", lines: [line("Theepot", "24.95", "21"), line("Thee", "5.98", "9", 2)], shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" } });
    const order = (await createKmoClient(ctx).getOrder(id)) as Record<string, unknown>;
    expect(order).toMatchObject({
      id: 100001, order_number: "1001", status: "paid", payment_status: "pending", currency: "EUR", prices_include_tax: true,
      total_incl: "41.86", total_excl: "35.68", total_tax: "6.18", refunds: [],
      shipping: { name: "PostNL", priceincltax: "4.95", priceexcltax: "4.09", tax_rate: "21.00" },
    });
    expect((order.lines as unknown[])[1]).toMatchObject({ id: 2, type: "product", name: "Thee", quantity: 2, priceincltax: "5.98", priceexcltax: "5.49", tax_rate: "9.00" });
    expect(order.created_at).toBe(order.updated_at);
    // What the connector makes of it adds up (the pre-check's rule).
    const source = createKmoShopsSource(ctx);
    const doc = source.normalize(await source.fetchDocument("order", id));
    expect(doc.totals).toEqual({ incl: "41.86", excl: "35.68", vat: "6.18" });
  });

  it("serves an unknown order as 404 in KMO's shape → ConnectorError not_found", async () => {
    const res = await callSandbox(tenant, "GET", "api/v1/orders/999", undefined, { authorization: `Bearer ${ctx.credentials.apiKey}` });
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Order 999 does not exist." } });
    expect(await caught(createKmoShopsSource(ctx).fetchDocument("order", "999"))).toMatchObject({ code: "not_found", retryable: false });
  });

  it("lists by updated_since in (updated_at, id) order with keyset page tokens", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await postDocument(tenant, "order", { lines: [line(`P${i}`, "1.00", "21")] }));
    await callSandbox(tenant, "PATCH", `_admin/documents/${ids[0]}`, { status: "paid" }); // moves to the end
    const client = createKmoClient(ctx);
    const seen: string[] = [];
    let token: string | null | undefined;
    let pages = 0;
    do {
      const page = await client.listOrders({ updatedSince: "2000-01-01T00:00:00Z", limit: 3, pageToken: token });
      seen.push(...page.data.map((o) => String((o as { id: unknown }).id)));
      token = page.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids.slice(1), ids[0]]);
    const future = await client.listOrders({ updatedSince: new Date(Date.now() + 60_000).toISOString() });
    expect(future).toEqual({ data: [], next_page_token: null });
  });

  it("refuses bad list parameters with 400", async () => {
    const client = createKmoClient(ctx);
    expect(await caught(client.listOrders({ updatedSince: "yesterday" }))).toMatchObject({ code: "rejected", message: expect.stringContaining("updated_since must be an ISO-8601 timestamp") });
    expect(await caught(client.listOrders({ updatedSince: "2024-01-01T00:00:00Z", pageToken: "forged" }))).toMatchObject({ code: "rejected", message: expect.stringContaining("page_token") });
    const res = await callSandbox(tenant, "GET", "api/v1/orders?limit=0", undefined, { authorization: `Bearer ${ctx.credentials.apiKey}` });
    expect(res.status).toBe(400);
  });
});

describe("refunds", () => {
  it("a refund (admin kind creditnote) is listed on its order and served at /refunds/{id}", async () => {
    const orderId = await postDocument(tenant, "order", { status: "completed", payment_status: "paid", lines: [line("Mok", "12.10", "21", 2)] });
    const refundId = await postDocument(tenant, "creditnote", { order_id: orderId, amount: "12.10", reason: "Kapot" });
    const client = createKmoClient(ctx);
    expect(await client.getOrder(orderId)).toMatchObject({ payment_status: "partially_refunded", status: "completed", refunds: [{ id: Number(refundId), amount: "12.10" }] });
    expect(await client.getRefund(refundId)).toMatchObject({ id: Number(refundId), order_id: Number(orderId), order_number: expect.any(String), amount: "12.10", reason: "Kapot", currency: "EUR" });
    await postDocument(tenant, "creditnote", { order_id: orderId });
    expect(await client.getOrder(orderId)).toMatchObject({ payment_status: "refunded", status: "refunded" });
  });

  it("refuses a refund without an existing order, and invoices altogether", async () => {
    expect((await callSandbox(tenant, "POST", "_admin/documents", { kind: "creditnote", payload: { order_id: 1 } })).status).toBe(400);
    expect((await callSandbox(tenant, "POST", "_admin/documents", { kind: "invoice", payload: {} })).status).toBe(400);
  });
});

describe("faults, limits and the request log", () => {
  it("injected 503s come in KMO's error shape and are retryable", async () => {
    await callSandbox(tenant, "POST", "_admin/faults", { failNext: 1, status: 503 });
    const err = await caught(createKmoClient(ctx).getShop());
    expect(err).toMatchObject({ code: "unavailable", retryable: true });
    expect(err.detail?.body).toContain('"code":"server_error"');
    await expect(createKmoClient(ctx).getShop()).resolves.toBeTruthy();
  });

  it("answers 429 with Retry-After beyond the per-minute limit", async () => {
    const client = createKmoClient(ctx, { throttle: false }); // the sandbox's limit, not our client's
    for (let i = 0; i < 120; i++) await client.getShop();
    const err = await caught(client.getShop());
    expect(err).toMatchObject({ code: "rate_limited", retryable: true });
    expect(err.detail?.retryAfterMs).toBeGreaterThan(0);
  });

  it("logs every API request, oldest first; reset empties orders and the log but keeps webhooks", async () => {
    const client = createKmoClient(ctx);
    await client.createWebhook({ topic: "order.created", address: "https://app.example/hook" });
    await client.getShop();
    expect((await loggedRequests(tenant)).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /api/v1/webhooks 201", "GET /api/v1/shop 200"]);
    await postDocument(tenant, "order", { lines: [line("X", "1.00", "21")] });
    await callSandbox(tenant, "POST", "_admin/reset");
    expect(await loggedRequests(tenant)).toEqual([]);
    expect((await client.listOrders({ updatedSince: "2000-01-01T00:00:00Z" })).data).toEqual([]);
    expect(await client.listWebhooks()).toHaveLength(1);
  });

  it("webhook registrations are validated", async () => {
    const client = createKmoClient(ctx);
    expect(await caught(client.createWebhook({ topic: "order.exploded", address: "https://app.example/hook" }))).toMatchObject({ code: "rejected", message: expect.stringContaining("Unknown topic") });
    expect(await caught(client.createWebhook({ topic: "order.created", address: "not a url" }))).toMatchObject({ code: "rejected" });
    expect(await caught(client.deleteWebhook("404"))).toMatchObject({ code: "not_found" });
  });
});
