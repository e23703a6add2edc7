import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { precheck } from "@/lib/domain/precheck";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { ConnectorError } from "../../types";
import { createCcvClient } from "../client";
import { createCcvShopSource } from "../index";
import { ccvDate, requestHash } from "../signing";
import { sandboxCredentials } from "./credentials";
import { resetSandboxRateLimits, SANDBOX_LIMITS } from "./rate-limit";
import { baseUrlOf, callSandbox, sandboxFetch } from "./test-harness";

const tenant = "acme";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: sandboxFetch };
const source = (settings: Record<string, unknown> = {}) => createCcvShopSource(ctx, settings, { throttle: false });
const client = () => createCcvClient(ctx, { throttle: false });
const post = async (kind: string, payload: Record<string, unknown>) => {
  const res = await callSandbox(tenant, "POST", "_admin/documents", { kind, payload });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

const mug = { product_name: "Mok", product_number: "MOK-01", count: 2, price: 15, discount: 2.5, tax: 21 };
const book = { product_name: "Boek", product_number: "BOEK", sub_product_number: "BOEK-NL", count: 1, selling_price: 19.95, tax: 9 };

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { resetSandboxRateLimits(); await callSandbox(tenant, "POST", "_admin/reset"); await callSandbox(tenant, "POST", "_admin/faults", {}); });

describe("auth", () => {
  it("refuses wrong keys with CCV's error JSON, mapped to unauthorized", async () => {
    const wrong = createCcvClient({ ...ctx, credentials: { publicKey: `pk_${tenant}`, secretKey: "wrong" } }, { throttle: false });
    const err = (await wrong.getOrder(1).catch((e: unknown) => e)) as ConnectorError;
    expect(err).toMatchObject({ code: "unauthorized", retryable: false, detail: { status: 401 } });
    expect(JSON.parse(err.detail!.body!)).toMatchObject({ status: 401, code: "401.14" });
    const otherShop = createCcvClient({ ...ctx, credentials: sandboxCredentials("other") }, { throttle: false });
    expect(await otherShop.getOrder(1).catch((e: unknown) => e)).toMatchObject({ code: "unauthorized" });
  });

  it("refuses missing headers and a stale x-date", async () => {
    const unsigned = await callSandbox(tenant, "GET", "api/rest/v1/orders");
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ status: 401, code: "401.10", developermessage: expect.any(String) });
    const { publicKey, secretKey } = sandboxCredentials(tenant);
    const date = ccvDate(new Date(Date.now() - 3_600_000));
    const stale = await callSandbox(tenant, "GET", "api/rest/v1/orders", undefined, {
      "x-public": publicKey, "x-date": date, "x-hash": requestHash({ publicKey, secretKey, method: "GET", uri: "/api/rest/v1/orders", body: "", date }),
    });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { code: string }).code).toBe("401.13");
  });

  it("accepts the PHP SDK's x-date form and signs its answers (the client checks them)", async () => {
    const { publicKey, secretKey } = sandboxCredentials(tenant);
    const date = new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00");
    const res = await callSandbox(tenant, "GET", "api/rest/v1/orders?start=0&size=5", undefined, {
      "x-public": publicKey, "x-date": date, "x-hash": requestHash({ publicKey, secretKey, method: "GET", uri: "/api/rest/v1/orders?start=0&size=5", body: "", date }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-hash")).toMatch(/^[0-9a-f]{128}$/);
    expect(await source().testConnection()).toEqual({ ok: true });
  });
});

describe("documents through the real paths", () => {
  it("stores an admin order with its rows as separate resources; the source fetches, normalizes and pre-checks it", async () => {
    const id = await post("order", { paymethod: "iDEAL", total_shipping: 6.95, customer: { email: "jan@example.nl", billingaddress: { first_name: "Jan", country_code: "NL" } }, orderrows: [mug, book] });
    expect(id).toBe("100001");
    const raw = (await client().getOrder(id)) as Record<string, unknown>;
    expect(raw).toMatchObject({ id: 100001, ordernumber_full: "WEB-1001", paid: false, total_price: 51.9, orderrows: { href: `${baseUrlOf(tenant)}/api/rest/v1/orders/100001/orderrows` } });
    const rows = await client().getOrderRows(id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ order_id: 100001, selling_price: 12.5, price_without_discount: 15, total_price: 25 });

    const doc = await source().fetchDocument("order", id);
    expect(doc).toMatchObject({ kind: "order", sourceId: "100001", number: "WEB-1001" });
    const normalized = source().normalize(doc);
    expect(normalized.lines.map((l) => [l.kind, l.code, l.totalIncl])).toEqual([["product", "MOK-01", "25"], ["product", "BOEK-NL", "19.95"], ["shipping", undefined, "6.95"]]);
    expect(normalized.totals.incl).toBe("51.9");
    expect(() => precheck(normalized)).not.toThrow();
    expect(source().eligibility(doc)).toMatchObject({ eligible: false });
  });

  it("PATCH documents/<id> and POST payments change what the API serves", async () => {
    const id = await post("order", { orderrows: [mug] });
    expect((await callSandbox(tenant, "PATCH", `_admin/documents/${id}`, { status: 2 })).status).toBe(200);
    const paid = await callSandbox(tenant, "POST", "_admin/payments", { documentId: id, payload: { transaction_id: "TX-1" } });
    expect(paid.status).toBe(201);
    expect(await paid.json()).toEqual({ id: "TX-1" });
    const doc = await source().fetchDocument("order", id);
    expect(doc.payload).toMatchObject({ paid: true, status: 2, transaction_id: "TX-1" });
    expect(source().eligibility(doc)).toEqual({ eligible: true });
    expect(source().payments(doc)[0]).toMatchObject({ documentSourceId: id, transactionId: "TX-1", amount: "25" });
    expect((await callSandbox(tenant, "PATCH", "_admin/documents/999", { paid: true })).status).toBe(404);
  });

  it("serves invoices and credit invoices with their rows and order link; fetchDocument adds the order's payment method", async () => {
    const orderId = await post("order", { paymethod: "Bank transfer", paymethod_id: 1, orderrows: [mug] });
    const invoiceId = await post("invoice", { order: Number(orderId), invoicerows: [mug] });
    const creditId = await post("creditnote", { order: Number(orderId), invoicerows: [{ ...mug, count: 1 }] });
    const invoice = await source({ documentTrigger: "invoices" }).fetchDocument("invoice", invoiceId);
    expect(invoice).toMatchObject({ kind: "invoice", number: "F-1001", payload: { ordernumber_full: "WEB-1001", order: `${baseUrlOf(tenant)}/api/rest/v1/orders/${orderId}`, linked_order: { paymethod: "Bank transfer" } } });
    const normalized = source({ documentTrigger: "invoices" }).normalize(invoice);
    expect(normalized).toMatchObject({ kind: "invoice", source: { orderId }, paymentMethod: { classification: "banktransfer" }, totals: { incl: "25" } });
    const credit = await source({ documentTrigger: "invoices" }).fetchDocument("invoice", creditId);
    expect(credit.kind).toBe("creditnote");
    expect(source({ documentTrigger: "invoices" }).normalize(credit).totals.incl).toBe("-12.5");
    expect(await client().getInvoiceRows(creditId)).toHaveLength(1);
    const listed = [];
    for await (const item of source({ documentTrigger: "invoices" }).listCreatedSince(new Date(Date.now() - 60_000))) listed.push(item);
    expect(listed.map((l) => l.kind)).toEqual(["invoice", "invoice"]);
  });

  it("pages with start/size and next links", async () => {
    for (let i = 0; i < 30; i++) await post("order", { orderrows: [mug] });
    const ids: string[] = [];
    for await (const item of client().paginate("/api/rest/v1/orders", { size: 12, orderby: "id_desc" })) ids.push(String((item as { id: number }).id));
    expect(ids).toHaveLength(30);
    expect(ids[0]).toBe("100030");
    const log = (await (await callSandbox(tenant, "GET", "_admin/requests")).json()) as { path: string }[];
    expect(log.filter((r) => r.path.startsWith("/api/rest/v1/orders?")).map((r) => new URLSearchParams(r.path.split("?")[1]).get("start"))).toEqual(["0", "12", "24"]);
  });

  it("answers unknown resources and ids in CCV's error shape", async () => {
    expect(await client().request("GET", "/api/rest/v1/nothing").catch((e: unknown) => e)).toMatchObject({ code: "not_found" });
    expect(await client().getInvoice(42).catch((e: unknown) => e)).toMatchObject({ code: "not_found", detail: { status: 404 } });
    expect(await client().request("POST", "/api/rest/v1/orders", {}).catch((e: unknown) => e)).toMatchObject({ code: "rejected", detail: { status: 405 } });
  });
});

describe("webhooks API", () => {
  it("creates (with a key), lists, patches and deletes webhooks", async () => {
    const c = client();
    const created = await c.createWebhook({ event: "orders.created", address: "https://app.example/hook" });
    expect(created).toMatchObject({ event: "orders.created", address: "https://app.example/hook", is_active: true });
    expect(created.key).toMatch(/^[\w-]{20,}$/);
    await c.patchWebhook(created.id, { is_active: false });
    expect((await c.listWebhooks()).find((w) => w.id === created.id)?.is_active).toBe(false);
    expect(await c.request("PATCH", `/api/rest/v1/webhooks/${created.id}`, { event: "orders.deleted" }).catch((e: unknown) => e)).toMatchObject({ code: "rejected" });
    expect(await c.createWebhook({ event: "orders.paid", address: "https://app.example/hook" }).catch((e: unknown) => e)).toMatchObject({ code: "rejected" });
    await c.deleteWebhook(created.id);
    expect(await c.listWebhooks()).toEqual([]);
  });

  it("reset keeps credentials, the app installation and webhook registrations", async () => {
    const c = client();
    await c.createWebhook({ event: "orders.created", address: "https://app.example/hook" });
    await c.patchApp("12970", { is_installed: true });
    await post("order", { orderrows: [mug] });
    expect((await callSandbox(tenant, "POST", "_admin/reset")).status).toBe(204);
    expect(await c.listWebhooks()).toHaveLength(1);
    expect(await c.getApps()).toEqual([{ id: "12970", is_installed: true }]);
    expect(await c.getOrder(100001).catch((e: unknown) => e)).toMatchObject({ code: "not_found" });
    expect(await post("order", { orderrows: [mug] })).toBe("100001");
  });
});

describe("faults and rate limits", () => {
  it("injected 503 and 429 are retryable ConnectorErrors, then the API recovers", async () => {
    await callSandbox(tenant, "POST", "_admin/faults", { failNext: 1, status: 503 });
    expect(await client().listWebhooks().catch((e: unknown) => e)).toMatchObject({ code: "unavailable", retryable: true });
    await callSandbox(tenant, "POST", "_admin/faults", { failNext: 1, status: 429 });
    expect(await client().listWebhooks().catch((e: unknown) => e)).toMatchObject({ code: "rate_limited", retryable: true, detail: { retryAfterMs: 60_000 } });
    expect(await client().listWebhooks()).toEqual(expect.any(Array));
  });

  it("an injected hang becomes a retryable timeout", async () => {
    await callSandbox(tenant, "POST", "_admin/faults", { timeoutNext: 1 });
    const impatient = createCcvClient({ ...ctx, timeoutMs: 300 }, { throttle: false });
    expect(await impatient.listWebhooks().catch((e: unknown) => e)).toMatchObject({ code: "timeout", retryable: true });
  });

  it("answers 429.10 with Retry-After past 150 reads a minute on one resource", async () => {
    const c = client();
    for (let i = 0; i < SANDBOX_LIMITS.read; i++) await c.listWebhooks();
    const err = (await c.listWebhooks().catch((e: unknown) => e)) as ConnectorError;
    expect(err).toMatchObject({ code: "rate_limited", retryable: true });
    expect(JSON.parse(err.detail!.body!)).toMatchObject({ status: 429, code: "429.10" });
    expect(err.detail!.retryAfterMs).toBeGreaterThan(0);
    expect(await c.getApps()).toHaveLength(1); // another resource has its own limit
  });
});
