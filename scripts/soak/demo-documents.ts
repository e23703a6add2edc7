import invoiceNl from "@/connectors/magento2/__fixtures__/invoice-nl.json";
import orderNl from "@/connectors/magento2/__fixtures__/order-nl.json";
import { postShopDocument } from "./sandbox-http";

/**
 * One realistic document per demo integration (the payloads their own tests book: lib/demo/
 * demo-bookings.int.test.ts), made unique per index, posted to the demo sandbox shop through
 * `_admin/documents`. What comes back says how the target will recognise the booking and what
 * it must total.
 */
export type DemoKey = "DEMO-MAGENTO-ROMPSLOMP" | "DEMO-CCVSHOP-ROMPSLOMP" | "DEMO-PRESTASHOP-EBOEKHOUDEN" | "DEMO-CCVSHOP-WEFACT" | "DEMO-KMOSHOPS-FACTUURSTUREN";
export type Target = "rompslomp" | "eboekhouden" | "wefact" | "factuursturen";

export type PlacedDocument = {
  licenseKey: DemoKey;
  kind: "order" | "invoice";
  /** The shop's id: our Document.sourceId. */
  sourceId: string;
  /** How the target finds the booking: our `<KEY>-<kind>-<sourceId>` reference, or (e-Boekhouden) the order number. */
  identity: string;
  /** The amount incl. VAT the booking must carry, to the cent. */
  incl: string;
};

export type DemoIntegration = { licenseKey: DemoKey; source: string; target: Target; polled: boolean; webhook: boolean };

export const demoIntegrations: DemoIntegration[] = [
  { licenseKey: "DEMO-MAGENTO-ROMPSLOMP", source: "magento2", target: "rompslomp", polled: true, webhook: false },
  { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP", source: "ccvshop", target: "rompslomp", polled: false, webhook: true },
  { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN", source: "prestashop", target: "eboekhouden", polled: true, webhook: false },
  { licenseKey: "DEMO-CCVSHOP-WEFACT", source: "ccvshop", target: "wefact", polled: false, webhook: true },
  { licenseKey: "DEMO-KMOSHOPS-FACTUURSTUREN", source: "kmoshops", target: "factuursturen", polled: false, webhook: true },
];

const tenant = (key: DemoKey) => key.toLowerCase();
/** A few customers, so both "debtor found" and "debtor created" happen. */
const email = (i: number) => `soak${i % 25}@example.nl`;
/** Shop-local time as Magento and PrestaShop write it ("YYYY-MM-DD HH:MM:SS"). */
const shopNow = () => new Date().toISOString().slice(0, 19).replace("T", " ");
/** PrestaShop order references are nine capital letters; unique per index and run. */
export function prestashopReference(i: number, salt: number): string {
  let n = i * 7919 + salt * 104729;
  let out = "";
  for (let k = 0; k < 9; k++) { out += String.fromCharCode(65 + (n % 26)); n = Math.floor(n / 26); }
  return out;
}

const strip = ({ entity_id: _e, order_id: _o, increment_id: _i, ...rest }: Record<string, unknown>) => rest;
const ccvRow = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });

type Placer = (app: string, i: number, salt: number) => Promise<PlacedDocument>;

export const placers: Record<DemoKey, Placer> = {
  async "DEMO-MAGENTO-ROMPSLOMP"(app, i) {
    const key = "DEMO-MAGENTO-ROMPSLOMP";
    const at = shopNow();
    const orderId = await postShopDocument(app, "magento2", tenant(key), "order", { ...strip(orderNl), customer_email: email(i), created_at: at, updated_at: at });
    const id = await postShopDocument(app, "magento2", tenant(key), "invoice", { ...strip(invoiceNl), order_id: orderId, created_at: at, updated_at: at });
    return { licenseKey: key, kind: "invoice", sourceId: id, identity: `${key}-invoice-${id}`, incl: "96.21" };
  },
  async "DEMO-CCVSHOP-ROMPSLOMP"(app, i) {
    const key = "DEMO-CCVSHOP-ROMPSLOMP";
    const id = await postShopDocument(app, "ccvshop", tenant(key), "order", {
      paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
      total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
      customer: { email: email(i), billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
      orderrows: [ccvRow("Theepot", 1, 24.95, 21), ccvRow("Thee", 2, 5.98, 9)],
    });
    return { licenseKey: key, kind: "order", sourceId: id, identity: `${key}-order-${id}`, incl: "41.86" };
  },
  async "DEMO-PRESTASHOP-EBOEKHOUDEN"(app, i, salt) {
    const key = "DEMO-PRESTASHOP-EBOEKHOUDEN";
    const at = shopNow();
    const reference = prestashopReference(i, salt);
    const id = await postShopDocument(app, "prestashop", tenant(key), "order", {
      reference, current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00", date_add: at, date_upd: at,
      customer: { email: email(i), firstname: "Eva", lastname: "Koper" },
      address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
      order_details: [
        { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
        { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
      ],
    });
    // e-Boekhouden keeps no reference of ours: the sales mutation carries the order number (PrestaShop's reference).
    return { licenseKey: key, kind: "order", sourceId: id, identity: reference, incl: "38.86" };
  },
  async "DEMO-CCVSHOP-WEFACT"(app, i) {
    const key = "DEMO-CCVSHOP-WEFACT";
    const id = await postShopDocument(app, "ccvshop", tenant(key), "invoice", {
      taxes_included: true, invoice_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", paymethod: "iDEAL",
      customer: { email: email(i), billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
      invoicerows: [
        { product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, price_with_attributes: 24.95, tax: 21 },
        { product_name: "Thee", product_number: "THEE", count: 2, price: 5.98, price_with_attributes: 5.98, tax: 9 },
      ],
    });
    return { licenseKey: key, kind: "invoice", sourceId: id, identity: `${key}-invoice-${id}`, incl: "41.86" };
  },
  async "DEMO-KMOSHOPS-FACTUURSTUREN"(app, i) {
    const key = "DEMO-KMOSHOPS-FACTUURSTUREN";
    const id = await postShopDocument(app, "kmoshops", tenant(key), "order", {
      status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
      customer: { email: email(i), firstname: "Eva", lastname: "Koper" },
      billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
      lines: [{ sku: "POT", name: "Theepot", quantity: 1, priceincltax: "24.95", tax_rate: "21" }, { sku: "THEE", name: "Thee", quantity: 2, priceincltax: "5.98", tax_rate: "9" }],
      shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
    });
    return { licenseKey: key, kind: "order", sourceId: id, identity: `${key}-order-${id}`, incl: "41.86" };
  },
};
