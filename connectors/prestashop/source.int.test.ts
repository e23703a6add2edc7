import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { precheck } from "@/lib/domain/precheck";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { caught } from "../testing";
import type { ExternalCallRecord } from "../types";
import { createPrestaShopSource } from "./index";
import { sandboxApiKey } from "./sandbox/credentials";
import { admin, baseUrlOf, sandboxCtx, sandboxFetch } from "./sandbox/testing";
import { defaultStatuses, listOrderStates, prestashopCredentialForm, REQUIRED_RESOURCES } from "./setup";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const TENANT = "ps-source";
const allRead = Object.fromEntries([...REQUIRED_RESOURCES, "currencies"].map((r) => [r, ["GET", "HEAD"]]));
beforeEach(async () => {
  await admin(TENANT, "POST", "reset");
  await admin(TENANT, "PATCH", "webservice", { enabled: true, dropsAuthorizationHeader: false, keyActive: true, permissions: allRead });
});

const order = (extra: Record<string, unknown> = {}) => ({
  current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95",
  total_discounts_tax_incl: "3.00",
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", phone: "0301234567", iso_code: "NL" },
  address_delivery: { firstname: "Eva", lastname: "Koper", address1: "Kerkplein 2", postcode: "3511AA", city: "Utrecht", iso_code: "NL" },
  order_details: [
    { product_id: 52, product_name: "Theepot", product_reference: "POT-1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
    { product_id: 53, product_name: "Thee", product_reference: "", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
  ],
  products: [{ id: 53, reference: "THEE-9", name: "Thee" }],
  order_payments: [{ amount: "38.86", payment_method: "iDEAL", transaction_id: "tr_1", date_add: "2024-07-05 16:41:02" }],
  ...extra,
});

describe("PrestaShop source against the sandbox", () => {
  it("fetches an order with its details, taxes, customer, addresses, countries, products, state and payments, and maps it", async () => {
    const { id } = await admin<{ id: string }>(TENANT, "POST", "documents", { kind: "order", payload: order() });
    const calls: ExternalCallRecord[] = [];
    const source = createPrestaShopSource(sandboxCtx(TENANT, undefined, calls), {});
    const raw = await source.fetchDocument("order", id);
    expect(raw).toMatchObject({ kind: "order", sourceId: id, number: expect.stringMatching(/^[A-Z]{9}$/) });
    expect(calls.map((c) => new URL(c.url).pathname.replace(/^.*\/api\//, ""))).toEqual([
      `orders/${id}`, "order_details", "taxes", "customers", "addresses", "countries", "products", "order_states/2", "order_payments",
    ]);
    expect(source.eligibility(raw)).toEqual({ eligible: true });
    const doc = source.normalize(raw);
    expect(doc).toMatchObject({
      source: { id, orderNumber: raw.number, invoiceNumber: "1" },
      totals: { incl: "38.86", excl: "33.11", vat: "5.75" },
      customer: { email: "eva@example.nl", billing: { street: "Dorpsstraat 1", country: "NL", phone: "0301234567" }, delivery: { street: "Kerkplein 2" } },
      paid: true,
    });
    expect(doc.lines.map((l) => [l.kind, l.code, l.vatRate, l.totalIncl])).toEqual([
      ["product", "POT-1", "21", "24.95"], ["product", "THEE-9", "9", "11.96"],
      ["discount", undefined, "21", "-2.03"], ["discount", undefined, "9", "-0.97"], ["shipping", undefined, "21", "4.95"],
    ]);
    expect(() => precheck(doc)).not.toThrow();
    expect(source.payments(raw)).toEqual([expect.objectContaining({ documentSourceId: id, amount: "38.86", transactionId: "tr_1", method: "mollie - iDEAL" })]);
  });

  it("asks for the currency only when its id is not configured", async () => {
    const { id } = await admin<{ id: string }>(TENANT, "POST", "documents", { kind: "order", payload: order({ id_currency: 2 }) });
    const source = createPrestaShopSource(sandboxCtx(TENANT), {});
    expect(source.normalize(await source.fetchDocument("order", id)).currency).toBe("USD");
  });

  it("puts an order in a state not to process on Open with the shop's state name", async () => {
    const { id } = await admin<{ id: string }>(TENANT, "POST", "documents", { kind: "order", payload: order({ current_state: 10 }) });
    const source = createPrestaShopSource(sandboxCtx(TENANT), {});
    expect(source.eligibility(await source.fetchDocument("order", id))).toMatchObject({ eligible: false, reason: expect.stringContaining('"Awaiting bank wire payment"') });
  });

  it("an unknown order and a missing permission are precise errors", async () => {
    const source = createPrestaShopSource(sandboxCtx(TENANT), {});
    expect(await caught(source.fetchDocument("order", "424242"))).toMatchObject({ code: "not_found", message: "PrestaShop has no orders with id 424242." });
    const { id } = await admin<{ id: string }>(TENANT, "POST", "documents", { kind: "order", payload: order() });
    const { taxes: _taxes, ...withoutTaxes } = allRead;
    await admin(TENANT, "PATCH", "webservice", { permissions: withoutTaxes });
    expect(await caught(source.fetchDocument("order", id))).toMatchObject({ code: "permission_missing", message: expect.stringContaining("tick View (GET) for taxes") });
  });
});

describe("connect (credentialForm) and the Configuration tab's order states", () => {
  const connect = (values: Record<string, string>) => prestashopCredentialForm.connect({ baseUrl: baseUrlOf(TENANT), values, fetch: sandboxFetch });
  const key = sandboxApiKey(TENANT);

  it("accepts the sandbox key by Basic auth and returns what to store", async () => {
    expect(await connect({ apiKey: ` ${key} ` })).toEqual({ apiKey: key, shopUrl: baseUrlOf(TENANT), auth: "basic" });
  });

  it("falls back to ws_key when the server drops the Authorization header", async () => {
    await admin(TENANT, "PATCH", "webservice", { dropsAuthorizationHeader: true });
    expect(await connect({ apiKey: key })).toMatchObject({ auth: "ws_key" });
    const source = createPrestaShopSource(sandboxCtx(TENANT, { apiKey: key, auth: "ws_key" }), {});
    await expect(source.testConnection()).resolves.toBeUndefined();
  });

  it.each([
    ["a key of the wrong length", async () => connect({ apiKey: "abc" }), "unauthorized", /32 characters; this one has 3/],
    ["a wrong key", async () => connect({ apiKey: "Z".repeat(32) }), "unauthorized", /refused the webservice key/],
    ["the webservice switched off", async () => { await admin(TENANT, "PATCH", "webservice", { enabled: false }); return connect({ apiKey: key }); }, "webservice_disabled", /Enable PrestaShop's webservice/],
    ["a disabled key", async () => { await admin(TENANT, "PATCH", "webservice", { keyActive: false }); return connect({ apiKey: key }); }, "unauthorized", /not active/],
    ["missing permissions, all named", async () => {
      const { taxes: _t, countries: _c, ...rest } = allRead;
      await admin(TENANT, "PATCH", "webservice", { permissions: rest });
      return connect({ apiKey: key });
    }, "permission_missing", /may not read countries, taxes\. .*tick View \(GET\) for: countries, taxes/],
    ["a shop URL that is not the shop", async () => prestashopCredentialForm.connect({ baseUrl: `${baseUrlOf(TENANT)}/en/home`, values: { apiKey: key }, fetch: sandboxFetch }), "not_found", /check the shop URL/],
  ])("tells the merchant: %s", async (_case, attempt, code, message) => {
    const error = await caught(attempt());
    expect(error).toMatchObject({ code, retryable: false });
    expect(error.message).toMatch(message);
  });

  it("lists the shop's own order states, and defaults to those marked paid", async () => {
    const states = await listOrderStates(sandboxCtx(TENANT));
    expect(states).toHaveLength(13);
    expect(states[1]).toEqual({ id: "2", name: "Payment accepted", paid: true, invoice: true, shipped: false, delivery: false });
    expect(defaultStatuses(states)).toEqual(["2", "3", "4", "5", "9", "11"]);
  });
});
