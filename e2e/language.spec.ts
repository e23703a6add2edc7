import { expect, test, type Page } from "@playwright/test";
import { sandboxApiToken } from "../connectors/eboekhouden/sandbox/seed";
import { logIn } from "./login";
import { LANGUAGE_MERCHANT as M } from "./seeds/language";

// A merchant of its own (e2e/seeds/language.ts): its language choice never reaches the demo
// merchant's specs, which read English.
const WHO = { email: M.email, password: M.password };
const TENANT = M.installed.toLowerCase();

/** The header's NL | EN switcher (a form post that stores the choice on the account). */
async function switchTo(page: Page, locale: "nl" | "en") {
  await page.getByRole("form", { name: "Language / Taal" }).getByRole("button", { name: new RegExp(`^${locale}$`, "i") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** A paid CCV Shop order of € 1.234,56 incl. 21% VAT, as the shop's API writes it. */
const bigOrder = {
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21,
  total_shipping: 0, total_price: 1234.56, total_tax: 214.26, currency: "EUR", is_intra_community_order: false,
  customer: { email: "taal-koper@example.nl", billingaddress: { first_name: "Joke", last_name: "de Vries", street: "Dorpsstraat", housenumber: 7, zipcode: "1234AB", city: "Zwolle", country_code: "NL" },
    deliveryaddress: { first_name: "Joke", last_name: "de Vries", country_code: "NL" } },
  orderrows: [{ product_name: "Fiets", product_number: "FIETS-1", count: 1, price: 1234.56, selling_price: 1234.56, price_without_discount: 1234.56, tax: 21 }],
};

test("a merchant switches to Dutch: dashboard, amounts, errors and the wizard in Dutch, then back to English", async ({ page, request }) => {
  await logIn(page, WHO);
  await expect(page.getByRole("heading", { name: "Your integrations" })).toBeVisible();
  try {
    await switchTo(page, "nl");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Je koppelingen" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Profiel" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    await expect(page.getByText("Actief", { exact: true })).toBeVisible();

    // The tabs in Dutch.
    await page.getByRole("link", { name: "CCV Shop → Rompslomp" }).click();
    const tabs = page.getByRole("navigation", { name: "Tabbladen van de koppeling" });
    for (const tab of ["Rapport", "Fouten", "Open", "Betalingen", "Configuratie"]) await expect(tabs.getByRole("link", { name: tab, exact: true })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "Rapport" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Niets geboekt in deze periode.")).toBeVisible();
    const reportUrl = page.url();

    // An order of € 1.234,56 placed in the shop is booked and shown the Dutch way.
    const created = await request.post(`/sandbox/ccvshop/${TENANT}/_admin/documents`, { data: { kind: "order", payload: bigOrder } });
    expect(created.status()).toBe(201);
    await expect(async () => {
      await page.goto(reportUrl);
      await expect(page.getByTestId("document-row")).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const row = page.getByTestId("document-row");
    await expect(row).toContainText("€ 1.234,56");
    await expect(row).toContainText("Bestelling");
    await expect(row).toContainText(/\d{2}-\d{2}-\d{4}/); // booked on dd-mm-jjjj
    await expect(page.getByRole("table", { name: "Geboekte documenten" }).getByRole("columnheader", { name: "Klant" })).toBeVisible();

    await tabs.getByRole("link", { name: "Fouten" }).click();
    await expect(page.getByText("Geen fouten. Alles wat binnenkwam kon worden geboekt.")).toBeVisible();
    await expect(page.getByRole("form", { name: "Zoeken op periode" }).getByLabel("Van")).toBeVisible();

    // "Meer info" of the booked order: status, amount and date in Dutch.
    await tabs.getByRole("link", { name: "Rapport" }).click();
    await row.getByRole("link", { name: /^Bestelling / }).click();
    const info = page.getByRole("region", { name: "Meer info" });
    await expect(info).toContainText("Status: Geboekt");
    await expect(info).toContainText("€ 1.234,56");
    await expect(info.getByRole("heading", { name: "Berichtenverkeer" })).toBeVisible();

    // The installed integration's wizard in Dutch: every step, the VAT grid with Dutch country names.
    await page.goto(`/install/${M.installed}`);
    await expect(page.getByRole("heading", { name: "CCV Shop → Rompslomp installeren" })).toBeVisible();
    await expect(page.getByText(`Licentiesleutel ${M.installed} · geïnstalleerd`)).toBeVisible();
    for (const step of ["1. Algemene voorwaarden", "2. Verbindingen", "3. Administratie en factuuropmaak in Rompslomp", "4. Btw-tarieven en omzetrekeningen", "6. Afronden"]) {
      await expect(page.getByRole("region", { name: step })).toBeVisible();
    }
    await expect(page.getByTitle("Webwinkel (CCV Shop): in orde")).toBeVisible();
    await expect(page.getByTitle("Boekhouding (Rompslomp): in orde")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Verwerken" })).toHaveValue("paid-orders");
    await expect(page.getByRole("table", { name: "Btw-tabel" })).toContainText("Duitsland");
    // The refresh arrows read Rompslomp's VAT codes; lib/install's English answer is shown in Dutch.
    await page.getByRole("button", { name: "Gegevens van de administratie vernieuwen" }).click();
    await expect(page.getByRole("status")).toHaveText("Gegevens van de administratie vernieuwd.");
    await expect(page.getByLabel("NL 21% btw-code")).not.toHaveValue("");
    await page.getByRole("button", { name: "Verwerkingskeuze opslaan" }).click();
    await expect(page.getByRole("status")).toHaveText("Verwerkingskeuze opgeslagen.");
    await expect(page.getByRole("button", { name: "Opslaan en naar het dashboard" })).toBeVisible();

    // A wizard still to be done: the connectors' forms and the answers of the connection in Dutch.
    await page.goto(`/install/${M.installing}`);
    await expect(page.getByRole("heading", { name: "PrestaShop → e-Boekhouden installeren" })).toBeVisible();
    await page.getByRole("button", { name: "Voorwaarden accepteren" }).click();
    const shop = page.getByRole("form", { name: "PrestaShop koppelen" });
    await expect(shop.getByLabel("Adres van de webwinkel")).toBeVisible();
    await expect(shop.getByLabel("Webservicesleutel")).toHaveAttribute("type", "password");
    const books = page.getByRole("form", { name: "e-Boekhouden koppelen" });
    await expect(books.getByLabel("Hoe koppel je?")).toHaveValue("token");
    await books.getByLabel("Hoe koppel je?").selectOption({ label: "Gebruikersnaam en beveiligingscodes (koppelingen van voor 14 maart 2025)" });
    await expect(books.getByLabel("Beveiligingscode 2")).toBeVisible();
    await books.getByLabel("Hoe koppel je?").selectOption("token");
    await books.getByLabel("API-token").fill(sandboxApiToken(M.installing.toLowerCase()));
    await books.getByRole("button", { name: "Koppelen" }).click();
    await expect(page.getByRole("status")).toHaveText(`Gekoppeld. Administratie: Sandbox administratie ${M.installing.toLowerCase()}.`);
    await expect(page.getByTitle("Boekhouding (e-Boekhouden): in orde")).toBeVisible();
    await expect(page.getByTitle("Webwinkel (PrestaShop): nog niet gecontroleerd")).toBeVisible();

    // Back to English, on the page the merchant is on.
    await page.goto("/dashboard");
    await switchTo(page, "en");
    await expect(page.getByRole("heading", { name: "Your integrations" })).toBeVisible();
    await page.getByRole("link", { name: "CCV Shop → Rompslomp" }).click();
    await expect(page.getByTestId("document-row")).toContainText("€1,234.56");
    await expect(page.getByTestId("document-row")).toContainText("Order");
  } finally {
    // Whatever failed above, the account speaks English again (the default the other specs expect).
    await page.request.post("/api/locale", { form: { locale: "en", back: "/dashboard" }, maxRedirects: 0 });
  }
});

const viewports = [
  { name: "1280x800", width: 1280, height: 800 },
  { name: "390x844", width: 390, height: 844 },
] as const;

/** No sideways scrolling of the page itself (wide tables scroll inside their own frame). */
async function expectNoPageOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

/** Checks the page at both sizes and saves a screenshot of each to test-results/screenshots/<name>-<size>.png. */
async function checkLayout(page: Page, name: string, path: string) {
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expectNoPageOverflow(page, `${name} at ${viewport.name}`);
    await page.screenshot({ path: `test-results/screenshots/${name}-${viewport.name}.png`, fullPage: true });
  }
}

test("the login page, the dashboard tabs, a document and the wizard fit 1280×800 and 390×844 in Dutch", async ({ page }) => {
  // Signed out, the switcher only sets the visitor's cookie.
  await page.goto("/login");
  await switchTo(page, "nl");
  await checkLayout(page, "login", "/login");
  await switchTo(page, "en");

  await logIn(page, WHO);
  await page.getByRole("link", { name: "CCV Shop → Rompslomp" }).click();
  await expect(page).toHaveURL(/\/report$/);
  const integration = new URL(page.url()).pathname.replace(/\/report$/, "");
  const documentLink = page.getByTestId("document-row").first().getByRole("link").first();
  const documentPath = (await documentLink.count()) ? await documentLink.getAttribute("href") : null;
  try {
    await switchTo(page, "nl"); // the longer words: the harder test
    await checkLayout(page, "dashboard", "/dashboard");
    for (const tab of ["report", "errors", "open", "payments", "configuration"]) await checkLayout(page, `tab-${tab}`, `${integration}/${tab}`);
    if (documentPath) await checkLayout(page, "document", documentPath);
    await checkLayout(page, "wizard-installed", `/install/${M.installed}`);
    await checkLayout(page, "wizard-installing", `/install/${M.installing}`);
  } finally {
    await page.request.post("/api/locale", { form: { locale: "en", back: "/dashboard" }, maxRedirects: 0 });
  }
});
