import { expect, test } from "@playwright/test";
import { sandboxApiKey } from "../connectors/wefact/sandbox/seed";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

const KEY = "E2E-CCVSHOP-WEFACT";
const TENANT = KEY.toLowerCase();

test("CCV Shop → WeFact: app store explained, API key form with the IP whitelist, grid without accounts, active", async ({ page, baseURL }) => {
  await logIn(page, DEMO);
  await page.goto(`/install/${KEY}`);
  await expect(page.getByRole("heading", { name: "Install CCV Shop → WeFact" })).toBeVisible();
  await page.getByRole("button", { name: "Accept the terms" }).click();

  // The shop came in through the app store (seeded as its handshake leaves it): the wizard says so and links there.
  await expect(page.getByTitle("Webshop (CCV Shop): ok")).toBeVisible();
  await expect(page.getByText("Install from the app store.")).toBeVisible();
  const install = new URL((await page.getByRole("link", { name: "Install from the CCV Shop app store" }).getAttribute("href"))!);
  expect(install.pathname).toBe(`/sandbox/ccvshop/${TENANT}/onderhoud/AdminItems/AppStore/AppStore.Install.php`);
  expect(install.searchParams.get("install_url")).toBe(`${baseURL}/api/install/ccvshop`);
  await expect(page.getByRole("combobox", { name: "Process" })).toHaveValue("invoices");

  // WeFact: the API key, with the IP whitelist explained; a wrong key gets WeFact's refusal in red.
  const books = page.getByRole("form", { name: "Connect WeFact" });
  await expect(books.getByText(/whitelist/)).toBeVisible();
  await expect(books.getByLabel("WeFact API key")).toHaveAttribute("type", "password");
  await books.getByLabel("WeFact API key").fill("0".repeat(32));
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(books.getByRole("alert")).toContainText("WeFact did not accept the API key");
  await expect(books.getByLabel("WeFact API key")).toHaveValue("");
  await books.getByLabel("WeFact API key").fill(sandboxApiKey(TENANT));
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected. Administration: WeFact");
  await expect(page.getByTitle("Accounting (WeFact): ok")).toBeVisible();
  expect(await page.content()).not.toContain(sandboxApiKey(TENANT));

  // One administration per key, chosen; layouts are WeFact's corporate identities.
  await expect(page.getByRole("combobox", { name: "Administration" })).toHaveValue("wefact");
  await page.getByRole("button", { name: "Save layout" }).click();

  // VAT codes suggested per rate; WeFact's API has no ledger accounts, so no account columns.
  await expect(page.getByLabel("NL 21% VAT code")).toHaveValue("V21");
  await expect(page.getByLabel("NL 9% VAT code")).toHaveValue("V9");
  await expect(page.getByLabel("ICP 0% VAT code")).toHaveValue("V0");
  await expect(page.getByRole("combobox", { name: "NL 21% revenue account" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save VAT settings" }).click();
  await expect(page.getByRole("status")).toContainText("VAT settings saved (4 rates).");

  await page.getByRole("button", { name: "Finish installation" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
  await page.goto(`/install/${KEY}`);
  await expect(page.getByText(`License key ${KEY} · installed`)).toBeVisible();
});
