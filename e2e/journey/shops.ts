import { expect, type APIRequestContext, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { sandboxCredentials as magento2Keys } from "../../connectors/magento2/sandbox/credentials";
import { sandboxApiKey as prestashopKey } from "../../connectors/prestashop/sandbox/credentials";
import type { Screens } from "./screens";

/**
 * The webshop side of a journey: connecting each sandbox shop the way its manual says, and placing
 * the first document there (through the sandbox's admin hook, as a customer's checkout would).
 */
const connected = (page: Page, system: string) => expect(page.getByTitle(`Webshop (${system}): ok`)).toBeVisible();

/** Magento 2.4.4+: the integration's four keys pasted from System > Extensions > Integrations. */
export async function connectMagento2(page: Page, shopUrl: string, tenant: string, shot: Screens) {
  const keys = magento2Keys(tenant);
  const shop = page.getByRole("form", { name: "Connect Magento 2" });
  await shop.getByLabel("Webshop address").fill(shopUrl);
  await shop.getByLabel("Consumer key").fill(keys.consumerKey);
  await shop.getByLabel("Consumer secret").fill(keys.consumerSecret);
  await shop.getByLabel("Access token", { exact: true }).fill(keys.accessToken);
  await shop.getByLabel("Access token secret").fill(keys.accessTokenSecret);
  await shot.part(shop, "magento2-keys");
  await shop.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected to Magento 2.");
  await connected(page, "Magento 2");
}

/** PrestaShop: shop URL and webservice key, then the order statuses to book (the paid ones). */
export async function connectPrestashop(page: Page, shopUrl: string, tenant: string, shot: Screens) {
  const shop = page.getByRole("form", { name: "Connect PrestaShop" });
  await shop.getByLabel("Shop URL").fill(shopUrl);
  await shop.getByLabel("Webservice key").fill(prestashopKey(tenant));
  await shop.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected to PrestaShop.");
  await connected(page, "PrestaShop");
  await expect(page.getByRole("group", { name: "Statuses to process" }).getByRole("checkbox", { name: "Payment accepted (paid)", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Save statuses" }).click();
  await expect(page.getByRole("status")).toContainText("Order statuses saved.");
  await shot.part(page.getByRole("region", { name: "Processing: order statuses to book" }), "statuses");
}

/**
 * CCV Shop and KMO Shops: the wizard links to our app in the shop's app store; installing it there
 * hands us the keys and comes back. Not signed in yet, the merchant logs in with the mail's login.
 */
export async function installFromAppStore(page: Page, shop: "CCV Shop" | "KMO Shops", login: { email: string; password: string }, licenseKey: string, shot: Screens) {
  await page.getByRole("link", { name: `Install from the ${shop} app store` }).click();
  await shot.page(page, "app-store");
  await page.getByRole("button", { name: "Install app" }).click();
  // KMO's install link carries the license key, so the shop lands straight in the wizard; CCV's names
  // no merchant, so our page asks which integration (after logging in with the mail's login).
  await expect(page).toHaveURL(/\/install\/(app-store\/|BK-)/);
  if (page.url().includes("/install/app-store/")) {
    await expect(page.getByRole("heading", { name: `Connect your ${shop} webshop` })).toBeVisible();
    await page.getByLabel("Email address").fill(login.email);
    await page.getByLabel("Password").fill(login.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByLabel("Integration").selectOption(licenseKey);
    await shot.page(page, "app-store-claim");
    await page.getByRole("button", { name: "Connect webshop" }).click();
  }
  await expect(page.getByRole("status")).toContainText(`${shop} webshop connected.`);
  await connected(page, shop);
}

/** CCV Shop's processing choice: paid orders (default) or invoices. */
export async function chooseCcvProcessing(page: Page, choice: "paid-orders" | "invoices") {
  await page.getByRole("combobox", { name: "Process" }).selectOption(choice);
  await page.getByRole("button", { name: "Save processing choice" }).click();
  await expect(page.getByRole("status")).toContainText("Processing choice saved.");
}

// ─── The first document, as each shop's own JSON (sandbox admin hook) ──────

const customer = { email: "journey-buyer@example.nl", firstname: "Eva", lastname: "Koper" };
// Magento stores UTC; PrestaShop stores the shop's own clock (Dutch time). A new integration books
// from its first Dutch day, so a PrestaShop order placed after 23:00 UTC must carry the next day.
const now = () => new Date().toISOString().slice(0, 19).replace("T", " ");
const dutchNow = () => new Date().toLocaleString("sv-SE", { timeZone: "Europe/Amsterdam" });

/** Theepot 24.95 (21%), 2 × thee 5.98 (9%), shipping 4.95 (21%): 41.86 incl. VAT. */
export const firstDocuments = {
  ccvOrder: {
    kind: "order", total: "41.86", payload: {
      paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR",
      customer: { email: customer.email, billingaddress: { first_name: "Eva", last_name: "Koper", street: "Kerkweg", housenumber: 3, zipcode: "3511AB", city: "Utrecht", country_code: "NL" } },
      orderrows: [
        { product_name: "Theepot", product_number: "POT-1", count: 1, price: 24.95, selling_price: 24.95, price_without_discount: 24.95, tax: 21 },
        { product_name: "Thee", product_number: "THEE-2", count: 2, price: 5.98, selling_price: 5.98, price_without_discount: 5.98, tax: 9 },
      ],
    },
  },
  ccvInvoice: {
    kind: "invoice", total: "41.86", payload: {
      taxes_included: true, invoice_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", paymethod: "iDEAL",
      customer: { email: customer.email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
      invoicerows: [
        { product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, price_with_attributes: 24.95, tax: 21 },
        { product_name: "Thee", product_number: "THEE", count: 2, price: 5.98, price_with_attributes: 5.98, tax: 9 },
      ],
    },
  },
  prestashopOrder: {
    kind: "order", total: "41.86", payload: () => ({
      current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", date_add: dutchNow(), date_upd: dutchNow(),
      customer,
      address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
      order_details: [
        { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
        { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
      ],
    }),
  },
  kmoOrder: {
    kind: "order", total: "41.86", payload: {
      status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" }, customer,
      billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
      lines: [{ sku: "POT", name: "Theepot", quantity: 1, priceincltax: "24.95", tax_rate: "21" }, { sku: "THEE", name: "Thee", quantity: 2, priceincltax: "5.98", tax_rate: "9" }],
      shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
    },
  },
};

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../connectors/magento2/__fixtures__", name), "utf8")) as Record<string, unknown>;
// Dated now (Magento's UTC "Y-m-d H:i:s"): a new integration books from the day it was created.
const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => ({ ...rest, created_at: now(), updated_at: now() });

export async function placeDocument(request: APIRequestContext, system: string, tenant: string, kind: string, payload: object): Promise<string> {
  const res = await request.post(`/sandbox/${system}/${tenant}/_admin/documents`, { data: { kind, payload } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Magento books invoices: the order first, then its invoice (the manual's fixture, 96.21 incl. VAT). */
export async function placeMagentoInvoice(request: APIRequestContext, tenant: string): Promise<string> {
  const orderId = await placeDocument(request, "magento2", tenant, "order", strip(fixture("order-nl.json")));
  return placeDocument(request, "magento2", tenant, "invoice", { ...strip(fixture("invoice-nl.json")), order_id: orderId });
}
