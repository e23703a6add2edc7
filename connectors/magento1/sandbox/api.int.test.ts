import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { authorizationHeader } from "../../magento2/oauth1";
import { caught } from "../../testing";
import invoice from "../__fixtures__/invoice.json";
import order from "../__fixtures__/order.json";
import { createMagento1Client } from "../client";
import { sandboxCredentials } from "./credentials";
import { admin, baseUrlOf, postDocument, sandboxCtx, sandboxFetch } from "./testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const keys = (tenant: string) => {
  const k = sandboxCredentials(tenant);
  return { consumerKey: k.consumerKey, consumerSecret: k.consumerSecret, token: k.accessToken, tokenSecret: k.accessTokenSecret, signatureMethod: "HMAC-SHA1" as const };
};
const signedGet = (tenant: string, path: string, overrides: object = {}) => {
  const url = `${baseUrlOf(tenant)}/api/rest/${path}`;
  return sandboxFetch(url, { headers: { accept: "application/json", authorization: authorizationHeader({ method: "GET", url, ...keys(tenant), ...overrides }) } });
};
const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => rest;

describe("Magento 1.9 sandbox: documents and the REST API", () => {
  const tenant = "m1-api";
  const client = createMagento1Client(sandboxCtx(tenant));

  it("stores an invoice with its embedded order; the extension serves its rows, the core order its addresses and items", async () => {
    const id = await postDocument(tenant, "invoice", { ...strip(invoice), order: strip(order) });
    const served = (await client.getInvoice(id)) as Record<string, unknown>;
    expect(served).toMatchObject({ increment_id: "100000007", base_grand_total: "65.9600", base_hidden_tax_amount: "0.8400" });
    expect((served.invoice_items as unknown[]).length).toBe(2);
    const o = (await client.getOrder(String(served.order_id))) as Record<string, unknown>;
    expect(o).toMatchObject({ increment_id: "100000012", payment_method: "buckaroo3extended_ideal" });
    expect((o.addresses as { address_type: string }[]).map((a) => a.address_type)).toEqual(["billing", "shipping"]);
    expect((o.order_items as unknown[]).length).toBe(2);
  });

  it("fills in what a shop would: numbers from 100000001, 4-decimal string totals, rows linked to order items", async () => {
    const id = await postDocument(tenant, "creditnote", { creditmemo_items: [{ sku: "X", qty: 2, base_price: "5.0000", base_price_incl_tax: "6.0500" }] });
    expect(await client.getCreditmemo(id)).toMatchObject({ increment_id: "100000001", base_subtotal: "10.0000", base_tax_amount: "2.1000", base_grand_total: "12.1000", creditmemo_items: [expect.objectContaining({ row_total: "10.0000", order_item_id: expect.anything() })] });
  });

  it("lists are keyed by entity id, page and limit with the last page repeated past the end, filters AND-ed", async () => {
    const ids = (await (await admin(tenant, "POST", "documents/bulk", { kind: "invoice", payloads: [1, 2, 3].map((n) => ({ created_at: `2024-02-0${n} 10:00:00` })) })).json()).ids as string[];
    const res = await signedGet(tenant, `invoices?filter[1][attribute]=created_at&filter[1][from]=2024-02-02%2000:00:00&filter[2][attribute]=created_at&filter[2][to]=2024-02-28&order=entity_id&dir=asc&limit=1&page=1`);
    const body = (await res.json()) as Record<string, { entity_id: number }>;
    expect(Object.keys(body)).toEqual([String(ids[1])]);
    expect(body[String(ids[1])]).not.toHaveProperty("invoice_items");
    const page = (n: number) => client.list("invoices", { page: n, limit: 1, order: "entity_id", dir: "asc", filters: [{ attribute: "created_at", condition: "from", value: "2024-02-02 00:00:00" }, { attribute: "created_at", condition: "to", value: "2024-02-28" }] });
    expect(await page(5)).toEqual(await page(2));
    expect((await signedGet(tenant, "invoices?limit=101")).status).toBe(400);
    expect(await (await signedGet(tenant, "invoices?limit=101")).json()).toEqual({ messages: { error: [{ code: 400, message: "The paging limit exceeds the allowed number." }] } });
  });

  it("refuses a bad signature, a revoked token and the guest with Magento 1's errors; unknown routes and resources are 404", async () => {
    const bad = await signedGet(tenant, "invoices", { tokenSecret: "0".repeat(32) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ messages: { error: [{ code: 401, message: "oauth_problem=signature_invalid" }] } });
    const guest = await sandboxFetch(`${baseUrlOf(tenant)}/api/rest/invoices`);
    expect([guest.status, await guest.json()]).toEqual([403, { messages: { error: [{ code: 403, message: "Access denied" }] } }]);
    expect(await (await signedGet(tenant, "shipments")).json()).toEqual({ messages: { error: [{ code: 404, message: "Request does not match any route." }] } });
    expect(await (await signedGet(tenant, "invoices/999999")).json()).toEqual({ messages: { error: [{ code: 404, message: "Resource not found." }] } });
    const page = await sandboxFetch(`${baseUrlOf(tenant)}/api/invoices`);
    expect([page.status, page.headers.get("content-type")]).toEqual([404, "text/html; charset=UTF-8"]);
    await admin(tenant, "POST", "revoke");
    const err = await caught(client.getInvoice("1"));
    expect(err).toMatchObject({ code: "unauthorized" });
    expect(err.message).toMatch(/no longer accepts.*oauth_problem=token_revoked/);
  });
});
