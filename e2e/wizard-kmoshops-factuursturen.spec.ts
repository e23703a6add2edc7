import { expect, test } from "@playwright/test";
import { sandboxCredentials } from "../connectors/factuursturen/sandbox/credentials";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

const KEY = "E2E-KMOSHOPS-FACTUURSTUREN";
const TENANT = KEY.toLowerCase();

test("KMO Shops → Factuursturen: app store link, username + API key, no VAT grid, active, an order booked", async ({ page, request }) => {
  await logIn(page, DEMO);
  await page.goto(`/install/${KEY}`);
  await expect(page.getByRole("heading", { name: "Install KMO Shops → Factuursturen" })).toBeVisible();
  await page.getByRole("button", { name: "Accept the terms" }).click();

  await expect(page.getByTitle("Webshop (KMO Shops): ok")).toBeVisible();
  const install = new URL((await page.getByRole("link", { name: "Install from the KMO Shops app store" }).getAttribute("href"))!);
  expect(install.pathname).toBe(`/sandbox/kmoshops/${TENANT}/admin/apps/install`);
  expect(install.searchParams.get("app")).toBeTruthy();
  expect(install.searchParams.get("state")).toBeTruthy();

  // Factuursturen: username and API key behind the red Connect button.
  const login = sandboxCredentials(TENANT);
  const books = page.getByRole("form", { name: "Connect Factuursturen" });
  await books.getByLabel("Username").fill(login.username);
  await books.getByLabel("API key").fill("not-the-key");
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(books.getByRole("alert")).toContainText("Factuursturen did not accept the username and API key");
  await expect(books.getByLabel("Username")).toHaveValue(login.username);
  await books.getByLabel("API key").fill(login.apiKey);
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText(`Connected. Administration: Factuursturen (${login.username}).`);

  await page.getByRole("combobox", { name: "Invoice layout" }).selectOption({ label: "Webwinkel met logo" });
  await page.getByRole("button", { name: "Save layout" }).click();

  // No VAT grid: the orders' own percentages are booked.
  await expect(page.getByText("VAT as it appears in the orders.")).toBeVisible();
  await expect(page.getByRole("table", { name: "VAT grid" })).toHaveCount(0);
  await page.getByRole("button", { name: "Finish installation" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
  const reportUrl = page.url();
  await page.goto(`/install/${KEY}`);
  await expect(page.getByText(`License key ${KEY} · installed`)).toBeVisible();

  // A paid order placed in the shop arrives by webhook and is booked with its own VAT rates.
  const line = (name: string, quantity: number, priceincltax: string, tax_rate: string) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });
  const order = {
    status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
    customer: { email: "e2e-kmo@example.nl", firstname: "Eva", lastname: "Koper" },
    billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
    lines: [line("Theepot", 1, "24.95", "21"), line("Thee", 2, "5.98", "9")],
    shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
  };
  expect((await request.post(`/sandbox/kmoshops/${TENANT}/_admin/documents`, { data: { kind: "order", payload: order } })).status()).toBe(201);
  await expect(async () => {
    await page.goto(reportUrl);
    await expect(page.getByTestId("document-row")).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("document-row")).toContainText("41.86");
  const state = await (await request.get(`/sandbox/factuursturen/${TENANT}/_admin/state`)).json();
  expect(state.invoices).toHaveLength(1);
  expect(state.invoices[0].totalintax).toBe("41.86");
  expect(state.invoices[0].profile).toBe("2");
});
