import { expect, test } from "@playwright/test";
import { sandboxApiToken } from "../connectors/eboekhouden/sandbox/seed";
import { sandboxApiKey } from "../connectors/prestashop/sandbox/credentials";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

const KEY = "E2E-PRESTASHOP-EBOEKHOUDEN";
const TENANT = KEY.toLowerCase();

test("PrestaShop → e-Boekhouden: webservice key form, statuses to process, API token form, grid, active", async ({ page, baseURL }) => {
  await logIn(page, DEMO);
  await page.goto(`/install/${KEY}`);
  await expect(page.getByRole("heading", { name: "Install PrestaShop → e-Boekhouden" })).toBeVisible();
  await page.getByRole("button", { name: "Accept the terms" }).click();

  // The shop: a wrong key is refused with PrestaShop's reason; the address stays, the key does not.
  const shop = page.getByRole("form", { name: "Connect PrestaShop" });
  const shopUrl = `${baseURL}/sandbox/prestashop/${TENANT}`;
  await shop.getByLabel("Shop URL").fill(shopUrl);
  await shop.getByLabel("Webservice key").fill("WRONGKEY".repeat(4));
  await shop.getByRole("button", { name: "Connect" }).click();
  await expect(shop.getByRole("alert")).toContainText(/key/i);
  await expect(shop.getByLabel("Shop URL")).toHaveValue(shopUrl);
  await expect(shop.getByLabel("Webservice key")).toHaveValue("");
  await expect(page.getByTitle("Webshop (PrestaShop): unknown")).toBeVisible();

  await shop.getByLabel("Webservice key").fill(sandboxApiKey(TENANT));
  await shop.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected to PrestaShop.");
  await expect(page.getByTitle("Webshop (PrestaShop): ok")).toBeVisible();
  // The key is not in the page, not even in the folded-away form.
  expect(await page.content()).not.toContain(sandboxApiKey(TENANT));

  // Statuses to process: the manual's default is "Payment accepted" or later (the paid states).
  const statuses = page.getByRole("group", { name: "Statuses to process" });
  await expect(statuses.getByRole("checkbox", { name: "Payment accepted (paid)", exact: true })).toBeChecked();
  await expect(statuses.getByRole("checkbox", { name: "Awaiting bank wire payment", exact: true })).not.toBeChecked();
  await statuses.getByRole("checkbox", { name: "Delivered (paid)", exact: true }).uncheck();
  await page.getByRole("button", { name: "Save statuses" }).click();
  await expect(page.getByRole("status")).toContainText("Order statuses saved.");
  await expect(page.getByRole("group", { name: "Statuses to process" }).getByRole("checkbox", { name: "Delivered (paid)", exact: true })).not.toBeChecked();

  // e-Boekhouden: the API token (connections from 14 March 2025); the legacy codes are the other choice.
  const books = page.getByRole("form", { name: "Connect e-Boekhouden" });
  await books.getByLabel("How do you connect?").selectOption({ label: "Username and security codes (connections before 14 March 2025)" });
  await expect(books.getByLabel("Security code 2")).toBeVisible();
  await books.getByLabel("How do you connect?").selectOption({ label: "API token (connections from 14 March 2025)" });
  await expect(books.getByLabel("Security code 2")).toHaveCount(0);
  await books.getByLabel("API token").fill(sandboxApiToken(TENANT));
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText(`Connected. Administration: Sandbox administratie ${TENANT}.`);
  await expect(page.getByTitle("Accounting (e-Boekhouden): ok")).toBeVisible();

  // Administration (the token's one, chosen), template by name, VAT grid with ledger codes.
  await expect(page.getByRole("combobox", { name: "Administration" })).not.toHaveValue("");
  await page.getByRole("combobox", { name: "Invoice layout" }).selectOption({ label: "Standaard" });
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByLabel("NL 21% VAT code")).toHaveValue("HOOG_VERK_21");
  await expect(page.getByLabel("NL 9% VAT code")).toHaveValue("LAAG_VERK_9");
  // ICP and export share the "zero" suggestion; e-Boekhouden has a code for each.
  await page.getByLabel("ICP 0% VAT code").selectOption("BI_EU_VERK");
  await page.getByLabel("INTL 0% VAT code").selectOption("BU_EU_VERK");
  await page.getByRole("combobox", { name: "NL 21% revenue account" }).selectOption("8000");
  await page.getByRole("combobox", { name: "NL 9% revenue account" }).selectOption("8010");
  await page.getByRole("combobox", { name: "Shipping costs account" }).selectOption("8200");
  await page.getByRole("button", { name: "Save VAT settings" }).click();
  await expect(page.getByRole("status")).toContainText("VAT settings saved (4 rates).");

  await page.getByRole("button", { name: "Finish installation" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
  await page.goto(`/install/${KEY}`);
  await expect(page.getByText(`License key ${KEY} · installed`)).toBeVisible();
});
