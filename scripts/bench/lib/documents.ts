// Shop documents for benchmarks, in each shop's own API JSON (as posted to its sandbox's
// _admin/documents). One customer and the same two products every time, so after the first
// document of an integration the debtor and products are known (the "steady state").
import fs from "node:fs";
import path from "node:path";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "..", "connectors", "magento2", "__fixtures__", name), "utf8")) as Record<string, unknown>;
/** Ids, numbers and dates are left to the sandbox, so every document is new and found by an incremental poll. */
const fresh = (payload: Record<string, unknown>) => {
  const { entity_id: _e, order_id: _o, increment_id: _i, created_at: _c, updated_at: _u, ...rest } = payload;
  return rest;
};
const nowText = () => new Date().toISOString().slice(0, 19).replace("T", " ");
const EMAIL = "vaste-klant@example.nl";

const ccvRow = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax, price_with_attributes: price, price_without_discount_with_attributes: price });
const ccvCustomer = { email: EMAIL, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } };

/** A paid CCV order: Theepot 21% + Thee 9% + shipping 21% = € 41,86. */
export const ccvPaidOrder = () => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false, customer: ccvCustomer,
  orderrows: [ccvRow("Theepot", 1, 24.95, 21), ccvRow("Thee", 2, 5.98, 9)],
});

/** A CCV invoice of the same content. */
export const ccvInvoice = () => ({
  taxes_included: true, invoice_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", paymethod: "iDEAL",
  customer: { email: EMAIL, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
  invoicerows: [
    { product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, price_with_attributes: 24.95, tax: 21 },
    { product_name: "Thee", product_number: "THEE", count: 2, price: 5.98, price_with_attributes: 5.98, tax: 9 },
  ],
});

export const kmoPaidOrder = () => ({
  status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
  customer: { email: EMAIL, firstname: "Eva", lastname: "Koper" },
  billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
  lines: [{ sku: "POT", name: "Theepot", quantity: 1, priceincltax: "24.95", tax_rate: "21" }, { sku: "THEE", name: "Thee", quantity: 2, priceincltax: "5.98", tax_rate: "9" }],
  shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
});

export const prestashopPaidOrder = () => {
  const now = nowText();
  return {
    current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00", date_add: now, date_upd: now,
    customer: { email: EMAIL, firstname: "Eva", lastname: "Koper" },
    address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
    order_details: [
      { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
      { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
    ],
  };
};

/** Magento 2: the fixture order (one per integration) and invoices of it. */
export const magentoOrder = () => fresh(fixture("order-nl.json"));
export const magentoInvoice = (orderId: string) => ({ ...fresh(fixture("invoice-nl.json")), order_id: orderId });

/** History: one customer's order and its invoices, hourly from 1 February 2025 (UTC), 10 … 14 excl. 21% VAT. */
export const historyMagentoOrder = () => ({
  customer_email: "historie-klant@example.nl", payment: { method: "checkmo" }, items: [],
  billing_address: { firstname: "Hanna", lastname: "Visser", street: ["Kerkstraat 1"], postcode: "1011AA", city: "Amsterdam", country_id: "NL" },
});
export function historyMagentoInvoice(i: number, orderId: string) {
  const price = 10 + (i % 5);
  const at = new Date(Date.UTC(2025, 1, 1) + i * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
  return { order_id: orderId, created_at: at, items: [{ sku: `HIST-${i % 5}`, name: `Mok ${i % 5}`, qty: 1, base_price: price, base_price_incl_tax: +(price * 1.21).toFixed(2), tax_percent: 21 }] };
}
/** A paid CCV order of the history (created now: CCV's sandbox dates what it stores). */
export const historyCcvOrder = (i: number) => ({ ...ccvPaidOrder(), customer: { ...ccvCustomer, email: `historie-${i % 50}@example.nl` } });

/** What each demo pair's shop is sent, and whether its shop announces it (webhook) or is polled. */
export const pairs = [
  { like: "DEMO-CCVSHOP-ROMPSLOMP", source: "ccvshop", target: "rompslomp", webhook: true },
  { like: "DEMO-CCVSHOP-WEFACT", source: "ccvshop", target: "wefact", webhook: true },
  { like: "DEMO-KMOSHOPS-FACTUURSTUREN", source: "kmoshops", target: "factuursturen", webhook: true },
  { like: "DEMO-MAGENTO-ROMPSLOMP", source: "magento2", target: "rompslomp", webhook: false },
  { like: "DEMO-PRESTASHOP-EBOEKHOUDEN", source: "prestashop", target: "eboekhouden", webhook: false },
] as const;
export type Pair = (typeof pairs)[number];

/** The document a pair's shop gets: [kind, payload]. Magento needs its order's id. */
export function documentFor(pair: Pair, magentoOrderId?: string): [string, object] {
  switch (pair.like) {
    case "DEMO-CCVSHOP-ROMPSLOMP": return ["order", ccvPaidOrder()];
    case "DEMO-CCVSHOP-WEFACT": return ["invoice", ccvInvoice()];
    case "DEMO-KMOSHOPS-FACTUURSTUREN": return ["order", kmoPaidOrder()];
    case "DEMO-PRESTASHOP-EBOEKHOUDEN": return ["order", prestashopPaidOrder()];
    case "DEMO-MAGENTO-ROMPSLOMP": return ["invoice", magentoInvoice(magentoOrderId!)];
  }
}
