import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { caught } from "../../testing";
import invoiceNl from "../__fixtures__/invoice-nl.json";
import orderNl from "../__fixtures__/order-nl.json";
import { createMagento2Client } from "../client";
import { authorizationHeader } from "../oauth1";
import { queryString, searchParams } from "../search-criteria";
import { sandboxCredentials } from "./credentials";
import { admin, baseUrlOf, postDocument, requestLog, sandboxCtx, sandboxFetch } from "./testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const withoutIds = <T extends object>(doc: T) => {
  const { entity_id: _e, order_id: _o, ...rest } = doc as Record<string, unknown>;
  return rest;
};

describe("Magento 2 sandbox: documents and the REST API", () => {
  const tenant = "m2-api";
  const client = createMagento2Client(sandboxCtx(tenant));

  it("stores an invoice with its embedded order and serves both through the real paths", async () => {
    const id = await postDocument(tenant, "invoice", { ...withoutIds(invoiceNl), order: withoutIds(orderNl) });
    const invoice = (await client.getInvoice(id)) as Record<string, unknown>;
    expect(invoice).toMatchObject({ entity_id: Number(id), increment_id: "000000017", base_grand_total: 96.21 });
    expect((invoice.items as unknown[]).length).toBe(4);
    const order = (await client.getOrder(String(invoice.order_id))) as Record<string, unknown>;
    expect(order).toMatchObject({ increment_id: "000000042", customer_email: "eva@example.nl" });
    // Rows are linked to the order items the order was posted with.
    expect((invoice.items as { order_item_id: number }[]).map((i) => i.order_item_id)).toEqual([11, 12, 13, 14]);
  });

  it("fills in ids, numbers, timestamps and totals a real shop would have; credit memos live at the singular path", async () => {
    const id = await postDocument(tenant, "creditnote", {
      items: [{ sku: "TH-EG", name: "Thee", qty: 2, base_price: 5, base_price_incl_tax: 5.45 }],
      base_shipping_amount: 5, base_shipping_tax_amount: 1.05,
    });
    const memo = (await client.getCreditmemo(id)) as Record<string, unknown>;
    expect(memo).toMatchObject({ increment_id: "000000001", base_subtotal: 10, base_subtotal_incl_tax: 10.9, base_tax_amount: 1.95, base_grand_total: 16.95, state: 2 });
    expect(memo.created_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await caught(client.getInvoice(id))).toMatchObject({ code: "not_found" });
    const res = await sandboxFetch(`${baseUrlOf(tenant)}/rest/V1/creditmemos/${id}`, { headers: { authorization: authorizationHeader({ method: "GET", url: `${baseUrlOf(tenant)}/rest/V1/creditmemos/${id}`, ...keys(tenant) }) } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "Request does not match any route." });
  });

  it("PATCH documents/<id> changes the stored JSON", async () => {
    const id = await postDocument(tenant, "invoice", { items: [{ sku: "X", qty: 1, base_price: 10, base_price_incl_tax: 12.1 }] });
    const res = await admin(tenant, "PATCH", `documents/${id}`, { state: 3 });
    expect(res.status).toBe(200);
    expect(await client.getInvoice(id)).toMatchObject({ state: 3 });
  });

  it("answers paths outside the API with the storefront's HTML 404 page", async () => {
    const res = await sandboxFetch(`${baseUrlOf(tenant)}/index.php/rest/V1/invoices`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });
});

const keys = (tenant: string) => {
  const k = sandboxCredentials(tenant);
  return { consumerKey: k.consumerKey, consumerSecret: k.consumerSecret, token: k.accessToken, tokenSecret: k.accessTokenSecret };
};

describe("Magento 2 sandbox: OAuth 1.0a on the REST API", () => {
  const tenant = "m2-auth";
  const url = `${baseUrlOf(tenant)}/rest/V1/invoices?${queryString(searchParams({ pageSize: 1 }))}`;
  const get = (authorization?: string) => sandboxFetch(url, { headers: authorization ? { authorization } : {} });

  it("accepts HMAC-SHA256 and HMAC-SHA1 signatures", async () => {
    expect((await get(authorizationHeader({ method: "GET", url, ...keys(tenant) }))).status).toBe(200);
    expect((await get(authorizationHeader({ method: "GET", url, ...keys(tenant), signatureMethod: "HMAC-SHA1" }))).status).toBe(200);
  });

  it("refuses a wrong signature with Magento's message", async () => {
    const res = await get(authorizationHeader({ method: "GET", url, ...keys(tenant), tokenSecret: "0".repeat(32) }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "The signature is invalid. Verify and try again." });
  });

  it("refuses an unknown consumer, a reused nonce and an unsupported signature method", async () => {
    const unknown = await get(authorizationHeader({ method: "GET", url, ...keys(tenant), consumerKey: "f".repeat(32) }));
    expect(await unknown.json()).toEqual({ message: "A consumer having the specified key does not exist" });
    const header = authorizationHeader({ method: "GET", url, ...keys(tenant), nonce: "n".repeat(32) });
    expect((await get(header)).status).toBe(200);
    const replay = await get(header);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ message: "The nonce is already being used by the consumer with ID %1", parameters: ["1"] });
    const plaintext = await get(authorizationHeader({ method: "GET", url, ...keys(tenant), signatureMethod: "PLAINTEXT" }));
    expect(plaintext.status).toBe(400);
    expect(await plaintext.json()).toEqual({ message: "Signature method %1 is not supported", parameters: ["PLAINTEXT"] });
  });

  it("without credentials, or with a bearer token the shop does not allow, answers the ACL error", async () => {
    const acl = { message: "The consumer isn't authorized to access %resources.", parameters: { resources: "Magento_Sales::sales_invoice" } };
    const none = await get();
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual(acl);
    const bearer = `Bearer ${sandboxCredentials(tenant).accessToken}`;
    expect(await (await get(bearer)).json()).toEqual(acl);
    await admin(tenant, "PATCH", "options", { bearerTokens: true });
    expect((await get(bearer)).status).toBe(200);
  });

  it("a revoked integration is refused with Magento's message; the client says so in plain words", async () => {
    await admin(tenant, "POST", "revoke");
    const res = await get(authorizationHeader({ method: "GET", url, ...keys(tenant) }));
    expect(await res.json()).toEqual({ message: "Access token has been revoked" });
    const err = await caught(createMagento2Client(sandboxCtx(tenant)).list("invoices", { pageSize: 1 }));
    expect(err).toMatchObject({ code: "unauthorized", retryable: false });
    expect(err.message).toMatch(/no longer accepts this integration's keys.*Access token has been revoked/);
  });
});

describe("Magento 2 sandbox: searchCriteria and paging", () => {
  const tenant = "m2-search";
  const client = createMagento2Client(sandboxCtx(tenant));
  const signedGet = (query: string) => {
    const url = `${baseUrlOf(tenant)}/rest/V1/invoices?${query}`;
    return sandboxFetch(url, { headers: { authorization: authorizationHeader({ method: "GET", url, ...keys(tenant) }) } });
  };

  beforeAll(async () => {
    const payloads = [1, 2, 3, 4, 5].map((n) => ({ created_at: `2024-01-0${n} 10:00:00`, items: [{ sku: `S${n}`, qty: 1, base_price: n, base_price_incl_tax: n }] }));
    expect((await admin(tenant, "POST", "documents/bulk", { kind: "invoice", payloads })).status).toBe(201);
  });

  it("filters (groups AND-ed, filters OR-ed), sorts and pages, with total_count", async () => {
    const page = await client.list("invoices", {
      filterGroups: [[{ field: "created_at", value: "2024-01-02 00:00:00", condition: "gteq" }], [{ field: "increment_id", value: "000000002" }, { field: "increment_id", value: "000000004" }]],
      sortOrders: [{ field: "created_at", direction: "DESC" }],
      pageSize: 10,
      currentPage: 1,
    });
    expect(page.total_count).toBe(2);
    expect(page.items.map((i) => (i as { increment_id: string }).increment_id)).toEqual(["000000004", "000000002"]);
  });

  it("accepts the camelCase spelling and a fields projection", async () => {
    const res = await signedGet("searchCriteria[filterGroups][0][filters][0][field]=increment_id&searchCriteria[filterGroups][0][filters][0][value]=000000003&searchCriteria[filterGroups][0][filters][0][conditionType]=eq&fields=items[entity_id,increment_id],total_count");
    expect(await res.json()).toEqual({ items: [{ entity_id: expect.any(Number), increment_id: "000000003" }], total_count: 1 });
  });

  it("repeats the last page past the end (Magento before 2.4), or answers none when that quirk is off", async () => {
    const page = (currentPage: number) => client.list("invoices", { sortOrders: [{ field: "entity_id", direction: "ASC" }], pageSize: 2, currentPage });
    const last = await page(3);
    expect(last.items).toHaveLength(1);
    const past = await page(4);
    expect([past.items, past.total_count]).toEqual([last.items, 5]);
    await admin(tenant, "PATCH", "options", { repeatLastPage: false });
    expect((await page(4)).items).toEqual([]);
    await admin(tenant, "PATCH", "options", { repeatLastPage: true });
  });

  it("requires searchCriteria on lists, like Magento", async () => {
    const res = await signedGet("");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: '"%fieldName" is required. Enter and try again.', parameters: { fieldName: "searchCriteria" } });
  });

  it("logs every API request (not the admin hooks) and injects faults in Magento's error shape", async () => {
    const log = await requestLog(tenant);
    expect(log.every((r) => r.path.startsWith("/rest/V1/invoices"))).toBe(true);
    expect(log.length).toBeGreaterThanOrEqual(6);
    await admin(tenant, "POST", "faults", { failNext: 1, status: 503 });
    expect(await caught(client.list("invoices", { pageSize: 1 }))).toMatchObject({ code: "unavailable", retryable: true });
    expect((await client.list("invoices", { pageSize: 1 })).total_count).toBe(5);
  });

  it("reset empties the shop but keeps the integration", async () => {
    expect((await admin(tenant, "POST", "reset")).status).toBe(204);
    expect((await client.list("invoices", { pageSize: 1 })).total_count).toBe(0);
  });
});
