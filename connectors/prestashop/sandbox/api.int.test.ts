import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { sandboxApiKey } from "./credentials";
import { admin, api, basic } from "./testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const TENANT = "ps-api";
const KEY = sandboxApiKey(TENANT);
const json = (path: string, headers: Record<string, string> = basic(KEY)) => api(TENANT, `${path}${path.includes("?") ? "&" : "?"}output_format=JSON`, { headers });

const order = {
  current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "6.05",
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
  order_details: [
    { product_id: 52, product_name: "Mok", product_reference: "MOK-01", product_quantity: 2, unit_price_tax_excl: "10.00", tax_rate: 21 },
    { product_id: 53, product_name: "Thee", product_reference: "", product_quantity: 1, unit_price_tax_incl: "5.45", tax_rate: 9 },
  ],
  products: [{ id: 53, reference: "THEE-7", name: "Thee" }],
  order_payments: [{ amount: "36.65", payment_method: "iDEAL", transaction_id: "tr_123" }],
};

describe("PrestaShop sandbox: authentication as WebserviceRequest checks it", () => {
  it("asks for the key with PrestaShop's realm (XML by default), code 16", async () => {
    const res = await api(TENANT, "orders");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/Welcome to PrestaShop Webservice/);
    expect(res.headers.get("content-type")).toMatch(/xml/);
    expect(await res.text()).toMatch(/<code><!\[CDATA\[16\]\]><\/code>\s*<message><!\[CDATA\[Please enter the authentication key as the login/);
  });

  it("refuses a wrong key with codes 20 and 21 (JSON when asked), a short one with 18", async () => {
    const wrong = await json("orders", basic("A".repeat(32)));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ errors: [{ code: 20, message: "Authentification key is not active" }, { code: 21, message: "No permission for this authentication key" }] });
    expect(await (await json("orders", basic("short"))).json()).toEqual({ errors: [{ code: 18, message: "Invalid authentication key format" }] });
  });

  it("accepts the key as Basic user name or as ws_key", async () => {
    expect((await json("orders")).status).toBe(200);
    expect((await api(TENANT, `orders?output_format=JSON&ws_key=${KEY}`)).status).toBe(200);
  });

  it("answers 503 code 22 when the webservice is off, and 401 code 26 for a resource the key may not read", async () => {
    await admin(TENANT, "PATCH", "webservice", { enabled: false });
    const off = await json("orders");
    expect(off.status).toBe(503);
    expect(await off.json()).toEqual({ errors: [{ code: 22, message: "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office" }] });
    expect(await (await api(TENANT, "orders", { headers: basic(KEY) })).text()).toMatch(/webservice is disabled/);
    await admin(TENANT, "PATCH", "webservice", { enabled: true, permissions: { orders: ["GET", "HEAD"] } });
    const denied = await json("taxes");
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ errors: [{ code: 26, message: 'Resource of type "taxes" is not allowed with this authentication key' }] });
    expect((await json("orders")).status).toBe(200);
    await admin(TENANT, "PATCH", "webservice", { permissions: Object.fromEntries(["orders", "order_details", "order_states", "order_payments", "customers", "addresses", "countries", "products", "taxes", "currencies"].map((r) => [r, ["GET", "HEAD"]])) });
  });

  it("ignores the Authorization header when the server drops it (CGI), so only ws_key gets through", async () => {
    await admin(TENANT, "PATCH", "webservice", { dropsAuthorizationHeader: true });
    expect((await json("orders")).status).toBe(401);
    expect((await api(TENANT, `orders?output_format=JSON&ws_key=${KEY}`)).status).toBe(200);
    await admin(TENANT, "PATCH", "webservice", { dropsAuthorizationHeader: false });
  });
});

describe("PrestaShop sandbox: resources", () => {
  let id: string;
  beforeAll(async () => {
    id = (await admin<{ id: string }>(TENANT, "POST", "documents", { kind: "order", payload: order })).id;
  });

  it("serves the order with prices as 6-decimal strings, integers as numbers, order_rows, and totals computed like PrestaShop", async () => {
    const body = await (await json(`orders/${id}`)).json();
    expect(body.order).toMatchObject({
      id: Number(id), current_state: 2, module: "mollie", payment: "iDEAL", valid: "1", invoice_number: 1,
      total_products: "25.000000", total_products_wt: "29.650000", total_shipping_tax_incl: "6.050000", total_shipping_tax_excl: "5.000000",
      carrier_tax_rate: "21.000", total_paid_tax_incl: "35.700000", total_paid_tax_excl: "30.000000", total_discounts_tax_incl: "0.000000",
    });
    expect(body.order.reference).toMatch(/^[A-Z]{9}$/);
    expect(body.order.date_upd).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(body.order.associations.order_rows).toEqual([
      expect.objectContaining({ product_id: 52, product_quantity: 2, product_name: "Mok", product_reference: "MOK-01", product_price: "10.000000", unit_price_tax_incl: "12.100000", unit_price_tax_excl: "10.000000" }),
      expect.objectContaining({ product_id: 53, product_quantity: 1, product_reference: "", unit_price_tax_incl: "5.450000", unit_price_tax_excl: "5.000000" }),
    ]);
  });

  it("keeps order details separate, with the tax as an association and tax_rate hidden", async () => {
    const body = await (await json(`order_details?display=full&filter[id_order]=[${id}]`)).json();
    expect(body.order_details).toHaveLength(2);
    expect(body.order_details[0]).toMatchObject({ id_order: Number(id), total_price_tax_incl: "24.200000", total_price_tax_excl: "20.000000", associations: { taxes: [{ id: 1 }] } });
    expect(body.order_details[0]).not.toHaveProperty("tax_rate");
    expect(body.order_details[1].associations.taxes).toEqual([{ id: 2 }]);
    const filterOnHidden = await json("order_details?filter[tax_rate]=[21]");
    expect(filterOnHidden.status).toBe(400);
  });

  it("links customer, addresses, countries, products and payments the way PrestaShop does", async () => {
    const o = (await (await json(`orders/${id}`)).json()).order;
    const customer = (await (await json(`customers/${o.id_customer}`)).json()).customer;
    expect(customer).toMatchObject({ email: "eva@example.nl", firstname: "Eva" });
    const addresses = (await (await json(`addresses?display=full&filter[id_customer]=[${o.id_customer}]`)).json()).addresses;
    expect(addresses).toEqual([expect.objectContaining({ id: o.id_address_invoice, id_country: 13, postcode: "1234AB" })]);
    expect(o.id_address_delivery).toBe(o.id_address_invoice);
    expect((await (await json("countries/13?display=[id,iso_code]")).json())).toEqual({ countries: [{ id: 13, iso_code: "NL" }] });
    expect((await (await json("products?display=[id,reference]&filter[id]=[53]")).json()).products).toEqual([{ id: 53, reference: "THEE-7" }]);
    const payments = (await (await json(`order_payments?display=full&filter[order_reference]=[${o.reference}]`)).json()).order_payments;
    expect(payments).toEqual([expect.objectContaining({ order_reference: o.reference, amount: "36.650000", payment_method: "iDEAL", transaction_id: "tr_123" })]);
  });

  it("lists multilang names per language, or as one string for one language", async () => {
    const all = (await (await json("order_states/2")).json()).order_state;
    expect(all.name).toEqual([{ id: "1", value: "Payment accepted" }, { id: "2", value: "Betaling aanvaard" }]);
    expect(all.paid).toBe("1");
    expect((await (await json("order_states/2?language=1")).json()).order_state.name).toBe("Payment accepted");
  });

  it("lists ids only without display, [] when nothing matches, and answers an unknown id with an empty 404", async () => {
    expect(await (await json("orders")).json()).toEqual({ orders: [{ id: Number(id) }] });
    const none = await json("orders?filter[current_state]=[99]");
    expect(await none.text()).toBe("[]");
    const missing = await json("orders/999999");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("");
  });

  it("filters dates only with date=1, sorts and pages with limit=offset,count", async () => {
    await admin(TENANT, "POST", "documents", [1, 2, 3].map((n) => ({ kind: "order", payload: { date_add: `2024-01-0${n} 10:00:00`, date_upd: `2024-01-0${n} 10:00:00` } })));
    const noDate = await json("orders?filter[date_upd]=[2024-01-01 00:00:00,2024-01-31 23:59:59]");
    expect(noDate.status).toBe(400);
    expect((await noDate.json()).errors[0]).toMatchObject({ code: 32, message: expect.stringMatching(/^This filter does not exist/) });
    const page = (q: string) => json(`orders?display=[id,date_upd]&filter[date_upd]=[2024-01-01 00:00:00,2024-12-31 23:59:59]&date=1&sort=[date_upd_DESC]&limit=${q}`).then((r) => r.json());
    const first = (await page("0,2")).orders;
    const second = (await page("2,2")).orders;
    expect(first.map((o: { date_upd: string }) => o.date_upd)).toEqual(["2024-01-03 10:00:00", "2024-01-02 10:00:00"]);
    expect(second.map((o: { date_upd: string }) => o.date_upd)).toEqual(["2024-01-01 10:00:00"]);
    expect((await json("orders?limit=1,2,3")).status).toBe(400);
    expect((await json("orders?sort=[date_upd_UP]&date=1")).status).toBe(400);
  });

  it("changes the state through PATCH documents/<id>: date_upd moves, the invoice number is kept", async () => {
    const created = (await admin<{ id: string }>(TENANT, "POST", "documents", { kind: "order", payload: { current_state: 10, date_add: "2024-02-01 09:00:00" } })).id;
    const before = (await (await json(`orders/${created}`)).json()).order;
    expect(before).toMatchObject({ invoice_number: 0, invoice_date: "0000-00-00 00:00:00", date_upd: "2024-02-01 09:00:00", valid: "0" });
    const { order: after } = await admin<{ order: Record<string, unknown> }>(TENANT, "PATCH", `documents/${created}`, { current_state: 2 });
    expect(after).toMatchObject({ current_state: 2, valid: "1" });
    expect(after.invoice_number).toBeGreaterThan(0);
    expect(String(after.date_upd) > "2024-02-01 09:00:00").toBe(true);
  });

  it("adds a payment through POST payments, linked by the order's reference", async () => {
    const { id: paymentId } = await admin<{ id: string }>(TENANT, "POST", "payments", { documentId: id, payload: { amount: "1.00", payment_method: "Bank wire" } });
    const payment = (await (await json(`order_payments/${paymentId}`)).json()).order_payment;
    const o = (await (await json(`orders/${id}`)).json()).order;
    expect(payment).toMatchObject({ order_reference: o.reference, amount: "1.000000" });
  });

  it("answers in XML by default, and unknown resources with code 27", async () => {
    const xml = await (await api(TENANT, `orders/${id}`, { headers: basic(KEY) })).text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<prestashop/);
    expect(xml).toMatch(/<total_paid_tax_incl><!\[CDATA\[35.700000\]\]><\/total_paid_tax_incl>/);
    expect(xml).toMatch(/<order_rows nodeType="order_row" api="order_rows">/);
    const unknown = await json("orderz");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0]).toMatchObject({ code: 27, message: expect.stringContaining('Did you mean: "orders"') });
  });

  it("logs API requests, injects faults in PrestaShop's error shape, keeps the key on reset", async () => {
    const log = await admin<{ method: string; path: string; status: number }[]>(TENANT, "GET", "requests");
    expect(log.at(-1)).toMatchObject({ method: "GET", path: "/api/orderz?output_format=JSON", status: 400 });
    await admin(TENANT, "POST", "faults", { failNext: 1, status: 500 });
    const failed = await json("orders");
    expect(failed.status).toBe(500);
    expect((await failed.json()).errors).toHaveLength(1);
    await admin(TENANT, "POST", "reset");
    expect(await (await json("orders")).text()).toBe("[]");
    expect((await (await json("order_states/2")).json()).order_state).toBeTruthy();
  });
});
