import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { logIn } from "./login";
import { RECON_MERCHANT } from "./seeds/recon";

const tenant = RECON_MERCHANT.licenseKey.toLowerCase();
const customer = { email: "eva.koper@example.com", billingaddress: { first_name: "Eva", last_name: "Koper", street: "Kerkweg", housenumber: 3, zipcode: "3511AB", city: "Utrecht", country_code: "NL" } };
const order = (rows: { name: string; sku: string; count: number; price: number; tax: number }[]) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", customer,
  orderrows: rows.map((r) => ({ product_name: r.name, product_number: r.sku, count: r.count, price: r.price, selling_price: r.price, price_without_discount: r.price, tax: r.tax })),
});
// Totals incl. VAT: 41.86, 54.85 (the one whose booking is deleted), 22.89.
const orders = [
  order([{ name: "Theepot", sku: "POT-1", count: 1, price: 24.95, tax: 21 }, { name: "Thee", sku: "THEE-2", count: 2, price: 5.98, tax: 9 }]),
  order([{ name: "Theepot", sku: "POT-1", count: 2, price: 24.95, tax: 21 }]),
  order([{ name: "Thee", sku: "THEE-2", count: 3, price: 5.98, tax: 9 }]),
];

async function integrationUrl(page: Page) {
  await page.getByRole("link", { name: /CCV Shop → Rompslomp/ }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
  return page.url().replace(/\/report$/, "");
}

/** Clicks Check again and waits for the server action's answer (it reads Rompslomp back before answering). */
async function checkAgain(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/reconciliation"), { timeout: 90_000 });
  await page.getByRole("button", { name: "Check again" }).click();
  expect((await answered).status()).toBe(200);
  await expect(page.getByTestId("reconciliation-check").getByRole("status")).toContainText("Checked against Rompslomp at");
  await expect(page.getByRole("button", { name: "Check again" })).toBeEnabled({ timeout: 30_000 });
}

async function deleteInTarget(request: APIRequestContext, total: string) {
  const state = (await (await request.get(`/sandbox/rompslomp/${tenant}/_admin/state`)).json()) as { invoices: { id: number; price_with_vat: string }[] };
  const invoice = state.invoices.find((i) => Number(i.price_with_vat) === Number(total));
  expect(invoice, `an invoice of ${total} in the Rompslomp sandbox`).toBeTruthy();
  expect((await request.delete(`/sandbox/rompslomp/${tenant}/_admin/invoices/${invoice!.id}`)).status()).toBe(204);
  expect((await request.delete(`/sandbox/rompslomp/${tenant}/_admin/invoices/${invoice!.id}`)).status()).toBe(404);
}

test("reconciliation: zero difference after a clean run, then names the one booking deleted in Rompslomp; exports and the Overview", async ({ page, request }) => {
  test.setTimeout(240_000);
  for (const payload of orders) {
    const res = await request.post(`/sandbox/ccvshop/${tenant}/_admin/documents`, { data: { kind: "order", payload } });
    expect(res.status()).toBe(201);
  }
  await logIn(page, RECON_MERCHANT);
  const base = await integrationUrl(page);
  await expect(async () => {
    await page.goto(`${base}/report`);
    await expect(page.getByTestId("document-row")).toHaveCount(3, { timeout: 2000 });
  }).toPass({ timeout: 120_000 });
  const deletedRow = page.getByTestId("document-row").filter({ hasText: "54.85" });
  const deletedName = (await deletedRow.getByRole("link").first().innerText()).trim();

  // A clean run: shop and booked agree, also after reading Rompslomp back.
  await page.getByRole("navigation", { name: "Integration tabs" }).getByRole("link", { name: "Reconciliation" }).click();
  await expect(page).toHaveURL(/\/reconciliation$/);
  await expect(page.getByTestId("reconciliation-check")).toContainText("Not checked against Rompslomp yet");
  await expect(page.getByTestId("total-shopTotal")).toHaveText("€119.60");
  await checkAgain(page);
  await expect(page.getByTestId("total-difference")).toHaveText("€0.00");
  await expect(page.getByTestId("total-bookedTotal")).toHaveText("€119.60");
  await expect(page.getByText("No differences")).toBeVisible();
  await expect(page.getByRole("table", { name: "Reconciliation per VAT rate and country" })).toContainText("21%");
  await expect(page.getByRole("img", { name: /Shop and booked totals incl\. VAT per VAT rate: 21%/ })).toBeVisible();

  // The bookkeeper deletes one invoice in Rompslomp: the check names exactly that document.
  await deleteInTarget(request, "54.85");
  await checkAgain(page);
  const deleted = page.getByTestId("difference-deleted");
  await expect(deleted).toContainText("Booked but deleted in Rompslomp (1)");
  await expect(deleted.getByTestId("difference-document")).toHaveCount(1);
  await expect(deleted.getByTestId("difference-document")).toContainText(deletedName);
  await expect(page.getByTestId("difference-twice")).toHaveCount(0);
  await expect(page.getByTestId("difference-otherAmounts")).toHaveCount(0);
  await expect(page.getByTestId("total-difference")).toHaveText("€54.85");
  await expect(page.getByTestId("total-bookedTotal")).toHaveText("€64.75");

  // Exports of the period: CSV with the document and the difference, a real PDF.
  const csv = await page.request.get(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href") ?? "");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("Booked but deleted in Rompslomp");
  expect(text).toContain(deletedName.replace(/^Order /, ""));
  expect(text).toMatch(/Total,.*,54\.85\r\n/);
  const pdf = await page.request.get(await page.getByRole("link", { name: "Download PDF" }).getAttribute("href") ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Overview: the charts carry their meaning in words, and their numbers.
  await page.getByRole("navigation", { name: "Integration tabs" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("img", { name: "Documents per day over the last 30 days: 3 booked, 0 open, 0 with errors in total" })).toBeVisible();
  const perRate = page.getByRole("img", { name: /Revenue excl\. VAT per VAT rate in .*: 21% €.*; 9% €/ });
  await expect(perRate).toBeVisible();
  await expect(page.getByRole("img", { name: /Revenue excl\. VAT per country in .*: NL €/ })).toBeVisible();
  const perDay = page.getByTestId("overview-per-day");
  await perDay.getByText("Chart data").click();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()).slice(5);
  await expect(perDay.getByRole("row", { name: new RegExp(`^${today} 3 0 0$`) })).toBeVisible();
  await expect(page.getByTestId("last-booking")).not.toHaveText("never");
});
