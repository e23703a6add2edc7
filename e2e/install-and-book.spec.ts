import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

const KEY = "E2E-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();

test("walk the whole wizard on a fresh CCV Shop → Rompslomp integration, then book a paid order", async ({ page, request }) => {
  await logIn(page, DEMO);
  await page.goto(`/install/${KEY}`);
  await expect(page.getByRole("heading", { name: "Install CCV Shop → Rompslomp" })).toBeVisible();

  // Terms, then connect Rompslomp through its OAuth consent page (red → green dot).
  await page.getByRole("button", { name: "Accept the terms" }).click();
  await expect(page.getByRole("combobox", { name: "Process" })).toHaveValue("paid-orders");
  await page.getByRole("button", { name: "Save processing choice" }).click();
  await expect(page.getByRole("status")).toContainText("Processing choice saved.");
  await page.getByRole("link", { name: "Connect" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("status")).toContainText("Connected. Choose the administration.");
  await expect(page.getByTitle("Accounting (Rompslomp): ok")).toBeVisible();

  // Administration, refresh, invoice layout.
  await page.getByRole("combobox", { name: "Administration" }).selectOption({ label: `Sandbox administratie ${TENANT}` });
  await page.getByRole("button", { name: "Save administration" }).click();
  await page.getByRole("button", { name: "Refresh administration data" }).click();
  await expect(page.getByRole("status")).toContainText("Administration data refreshed.");
  await page.getByRole("combobox", { name: "Invoice layout" }).selectOption({ label: "Webwinkel met logo" });
  await page.getByRole("button", { name: "Save layout" }).click();

  // VAT grid: every EU country listed; NL, ICP and International pre-selected for the shop's own sales.
  const grid = page.getByRole("table", { name: "VAT grid" });
  await expect(grid).toContainText("Germany");
  await expect(page.getByLabel("NL 21% VAT code")).toHaveValue(/\d+/);
  await expect(page.getByLabel("NL 9% VAT code")).toHaveValue(/\d+/);
  await expect(page.getByLabel("ICP 0% VAT code")).toHaveValue(/\d+/);
  await page.getByRole("combobox", { name: "NL 21% revenue account" }).selectOption({ label: "8000 Omzet hoog" });
  await page.getByRole("combobox", { name: "NL 9% revenue account" }).selectOption({ label: "8010 Omzet laag" });
  await page.getByRole("combobox", { name: "Shipping costs account" }).selectOption({ label: "8200 Verzendkosten" });
  await page.getByRole("button", { name: "Save VAT settings" }).click();
  await expect(page.getByRole("status")).toContainText("VAT settings saved (4 rates).");

  await page.getByRole("button", { name: "Finish installation" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
  const reportUrl = page.url();
  await page.getByRole("link", { name: "Configuration" }).click();
  await expect(page.getByRole("link", { name: "Edit configuration" })).toHaveAttribute("href", `/install/${KEY}`);
  await page.goto(reportUrl);

  // A paid order placed in the shop arrives by webhook and is booked in Rompslomp.
  const order = {
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21,
    total_shipping: 4.95, total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
    customer: { email: "e2e-buyer@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", street: "Kerkweg", housenumber: 3, zipcode: "3511AB", city: "Utrecht", country_code: "NL" },
      deliveryaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
    orderrows: [
      { product_name: "Theepot", product_number: "POT-1", count: 1, price: 24.95, selling_price: 24.95, price_without_discount: 24.95, tax: 21 },
      { product_name: "Thee", product_number: "THEE-2", count: 2, price: 5.98, selling_price: 5.98, price_without_discount: 5.98, tax: 9 },
    ],
  };
  const created = await request.post(`/sandbox/ccvshop/${TENANT}/_admin/documents`, { data: { kind: "order", payload: order } });
  expect(created.status()).toBe(201);

  await expect(async () => {
    await page.goto(reportUrl);
    await expect(page.getByTestId("document-row")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("document-row")).toContainText("41.86");

  // In Rompslomp: one invoice, totals and VAT per rate equal to the order's, to the cent.
  const state = await (await request.get(`/sandbox/rompslomp/${TENANT}/_admin/state`)).json();
  expect(state.invoices).toHaveLength(1);
  const invoice = state.invoices[0];
  const vatPerRate = (rate: string) => invoice.invoice_lines.filter((l: { vat_rate: string }) => l.vat_rate === rate).reduce((sum: number, l: { vat_amount: string }) => sum + Math.round(Number(l.vat_amount) * 100), 0);
  expect(invoice.open_amount).toBe("41.86");
  expect(vatPerRate("0.21")).toBe(519); // (24.95 + 4.95) × 21/121 = 5.19
  expect(vatPerRate("0.09")).toBe(99); // 11.96 × 9/109 = 0.99
  expect(invoice.template_id).toBe(1339011992);
});
