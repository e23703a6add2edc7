import { expect, type Page } from "@playwright/test";
import { sandboxApiToken } from "../../connectors/eboekhouden/sandbox/seed";
import { sandboxCredentials as factuursturenLogin } from "../../connectors/factuursturen/sandbox/credentials";
import { sandboxApiKey as wefactKey } from "../../connectors/wefact/sandbox/seed";
import type { Screens } from "./screens";

/**
 * The accounting side of the wizard, the happy path a merchant takes in each sandbox: connect
 * (the system's own connect flow), administration and invoice layout, VAT grid where there is one.
 * The error paths are covered by e2e/wizard-*.spec.ts.
 */
const connected = (page: Page, system: string) => expect(page.getByTitle(`Accounting (${system}): ok`)).toBeVisible();

export async function connectRompslomp(page: Page, tenant: string, shot: Screens) {
  await page.getByRole("link", { name: "Connect" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  await shot.page(page, "rompslomp-consent");
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("status")).toContainText("Connected. Choose the administration.");
  await connected(page, "Rompslomp");
  await page.getByRole("combobox", { name: "Administration" }).selectOption({ label: `Sandbox administratie ${tenant}` });
  await page.getByRole("button", { name: "Save administration" }).click();
  await page.getByRole("combobox", { name: "Invoice layout" }).selectOption({ label: "Webwinkel met logo" });
  await page.getByRole("button", { name: "Save layout" }).click();
  await shot.part(page.getByRole("region", { name: /administration and invoice layout/ }), "administration");
  await page.getByRole("combobox", { name: "NL 21% revenue account" }).selectOption({ label: "8000 Omzet hoog" });
  await page.getByRole("combobox", { name: "NL 9% revenue account" }).selectOption({ label: "8010 Omzet laag" });
  await page.getByRole("combobox", { name: "Shipping costs account" }).selectOption({ label: "8200 Verzendkosten" });
  await saveGrid(page, shot);
}

export async function connectEboekhouden(page: Page, tenant: string, shot: Screens) {
  const books = page.getByRole("form", { name: "Connect e-Boekhouden" });
  await books.getByLabel("API token").fill(sandboxApiToken(tenant));
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText(`Connected. Administration: Sandbox administratie ${tenant}.`);
  await connected(page, "e-Boekhouden");
  await page.getByRole("combobox", { name: "Invoice layout" }).selectOption({ label: "Standaard" });
  await page.getByRole("button", { name: "Save layout" }).click();
  await shot.part(page.getByRole("region", { name: /administration and invoice layout/ }), "administration");
  await page.getByLabel("ICP 0% VAT code").selectOption("BI_EU_VERK");
  await page.getByLabel("INTL 0% VAT code").selectOption("BU_EU_VERK");
  await page.getByRole("combobox", { name: "NL 21% revenue account" }).selectOption("8000");
  await page.getByRole("combobox", { name: "NL 9% revenue account" }).selectOption("8010");
  await page.getByRole("combobox", { name: "Shipping costs account" }).selectOption("8200");
  await saveGrid(page, shot);
}

export async function connectWefact(page: Page, tenant: string, shot: Screens) {
  const books = page.getByRole("form", { name: "Connect WeFact" });
  await books.getByLabel("WeFact API key").fill(wefactKey(tenant));
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected. Administration: WeFact");
  await connected(page, "WeFact");
  await page.getByRole("button", { name: "Save layout" }).click();
  await shot.part(page.getByRole("region", { name: /administration and invoice layout/ }), "administration");
  await saveGrid(page, shot);
}

export async function connectFactuursturen(page: Page, tenant: string, shot: Screens) {
  const login = factuursturenLogin(tenant);
  const books = page.getByRole("form", { name: "Connect Factuursturen" });
  await books.getByLabel("Username").fill(login.username);
  await books.getByLabel("API key").fill(login.apiKey);
  await books.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText(`Connected. Administration: Factuursturen (${login.username}).`);
  await connected(page, "Factuursturen");
  await page.getByRole("combobox", { name: "Invoice layout" }).selectOption({ label: "Webwinkel met logo" });
  await page.getByRole("button", { name: "Save layout" }).click();
  await shot.part(page.getByRole("region", { name: /administration and invoice layout/ }), "administration");
  // No VAT grid: Factuursturen books each line's own percentage.
  await expect(page.getByText("VAT as it appears in the orders.")).toBeVisible();
  await shot.part(page.getByRole("region", { name: "4. VAT" }), "vat");
}

async function saveGrid(page: Page, shot: Screens) {
  await page.getByRole("button", { name: "Save VAT settings" }).click();
  await expect(page.getByRole("status")).toContainText(/VAT settings saved \(\d+ rates\)\./);
  await shot.part(page.getByRole("region", { name: /VAT rates and revenue accounts/ }), "vat-grid");
}
