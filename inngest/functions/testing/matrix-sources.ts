import { ccvshopDemoSource } from "@/connectors/ccvshop/sandbox/demo";
import { kmoshopsDemoSource } from "@/connectors/kmoshops/sandbox/demo";
import invoiceNl from "@/connectors/magento2/__fixtures__/invoice-nl.json";
import orderNl from "@/connectors/magento2/__fixtures__/order-nl.json";
import { magento2DemoSource } from "@/connectors/magento2/sandbox/demo";
import m1Invoice from "@/connectors/magento1/__fixtures__/invoice.json";
import m1Order from "@/connectors/magento1/__fixtures__/order.json";
import { sandboxCredentials as magento1Credentials } from "@/connectors/magento1/sandbox/credentials";
import { prestashopDemoSource } from "@/connectors/prestashop/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import type { DocumentKind } from "@/connectors/types";
import type { DemoSide } from "@/lib/demo/demo-integrations";

/**
 * The webshop side of the source × target matrix: per shop its demo configuration and one
 * realistic document, the payload its own end-to-end test books (copied from there), posted to
 * the sandbox shop through its `_admin/documents` hook. Returns the shop's id of the document to book.
 */
export type MatrixSource = {
  system: "ccvshop" | "magento2" | "magento1" | "prestashop" | "kmoshops";
  kind: DocumentKind;
  demo: (tenant: string) => DemoSide;
  place: (shopAdmin: string) => Promise<string>;
};

async function post(shopAdmin: string, kind: DocumentKind, payload: object): Promise<string> {
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  if (res.status !== 201) throw new Error(`${shopAdmin}/documents answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** inngest/functions/process-document.int.test.ts: 1 × 24.95 at 21%, 2 × 5.98 at 9%, shipping 4.95 at 21%. */
const ccvRow = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const ccvOrder = {
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
  customer: { email: "buyer@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [ccvRow("Theepot", 1, 24.95, 21), ccvRow("Thee", 2, 5.98, 9)],
};

/** connectors/magento2/pipeline.int.test.ts: the order, then its invoice (the shop assigns the ids). */
const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => rest;

/**
 * connectors/prestashop/process.int.test.ts, in state 2 (Payment accepted), with a 3.00 discount spread over both rates;
 * its reference given (the sandbox would draw a random one) so its number is known.
 */
const prestashopOrder = {
  reference: "XKBKNABJK", current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00",
  date_add: "2024-07-05 16:40:18", date_upd: "2024-07-05 16:40:18",
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
  order_details: [
    { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
    { product_id: 53, product_name: "Thee", product_reference: "", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
  ],
  products: [{ id: 53, reference: "THEE9", name: "Thee" }],
};

/** connectors/kmoshops/kmoshops-to-rompslomp.int.test.ts: a paid order. */
const kmoLine = (name: string, quantity: number, priceincltax: string, tax_rate: string) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });
const kmoOrder = {
  status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
  customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
  billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
  lines: [kmoLine("Theepot", 1, "24.95", "21"), kmoLine("Thee", 2, "5.98", "9")],
  shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
};

export const matrixSources: Record<MatrixSource["system"], MatrixSource> = {
  ccvshop: { system: "ccvshop", kind: "order", demo: (t) => ccvshopDemoSource(t, "paid-orders"), place: (admin) => post(admin, "order", ccvOrder) },
  magento2: {
    system: "magento2", kind: "invoice", demo: magento2DemoSource,
    place: async (admin) => post(admin, "invoice", { ...strip(invoiceNl), order_id: await post(admin, "order", strip(orderNl)) }),
  },
  // No demo integration uses Magento 1.9: the sandbox shop's granted REST consumer, NL shop.
  magento1: {
    system: "magento1", kind: "invoice", demo: (t) => ({ credentials: magento1Credentials(t), settings: { shopCountry: "NL" } }),
    place: async (admin) => post(admin, "invoice", { ...strip(m1Invoice), order_id: await post(admin, "order", strip(m1Order)) }),
  },
  prestashop: { system: "prestashop", kind: "order", demo: prestashopDemoSource, place: (admin) => post(admin, "order", prestashopOrder) },
  kmoshops: { system: "kmoshops", kind: "order", demo: kmoshopsDemoSource, place: (admin) => post(admin, "order", kmoOrder) },
};
