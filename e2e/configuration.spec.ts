import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

// The Configuration tab of two demo integrations: change settings, see their effect, find them
// saved after a reload, and be told about a bad value. Every value changed here is put back at
// the end, so specs that book on the demo integrations see the demo as seeded.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/configuration-${name}.png`, fullPage: true });

async function openConfiguration(page: Page, integration: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: integration, exact: true }).click();
  await page.getByRole("navigation", { name: "Integration tabs" }).getByRole("link", { name: "Configuration" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
}

async function save(page: Page, group: string) {
  const region = page.getByRole("region", { name: group, exact: true });
  await region.getByRole("button", { name: `Save: ${group}` }).click();
  return region;
}

async function noHorizontalOverflow(page: Page) {
  const wide = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    // What sticks out, to say where the layout breaks.
    return [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? "").slice(0, 40)}"`);
  });
  expect(wide).toEqual([]);
}

async function setPollInterval(page: Page, minutes: string) {
  const fetching = page.getByRole("region", { name: "Fetching", exact: true });
  await fetching.getByLabel("Fetch every (minutes)").fill(minutes);
  await save(page, "Fetching");
  await expect(fetching.getByRole("status")).toHaveText("Saved.");
}

test("PrestaShop → e-Boekhouden: poll interval, statuses and booking as invoices", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, DEMO);
  await openConfiguration(page, "PrestaShop → e-Boekhouden");
  await expect(page.getByRole("region", { name: "Connections" })).toContainText("Webshop");
  await expect(page.getByRole("link", { name: "Edit configuration" })).toBeVisible();
  await expect(page.getByTestId("configuration-changed")).toContainText("Configuration last changed"); // at installation (the seed)

  // Fetching: a bad value is refused next to the field and keeps what was typed; a good one is explained and saved.
  const fetching = page.getByRole("region", { name: "Fetching", exact: true });
  const interval = fetching.getByLabel("Fetch every (minutes)");
  await expect(fetching.getByTestId("effect-pollIntervalMinutes")).toHaveText("Orders are fetched every 60 minutes; Fetch now fetches at once.");
  await interval.fill("3");
  await fetching.getByLabel("Re-check open orders (months back)").fill("4");
  await save(page, "Fetching");
  await expect(fetching.locator("[data-setting=pollIntervalMinutes]").getByRole("alert")).toHaveText("Enter at least 5.");
  await expect(fetching.getByRole("alert").last()).toContainText("Nothing was saved");
  await expect(interval).toHaveValue("3");
  await expect(fetching.getByLabel("Re-check open orders (months back)")).toHaveValue("4");
  await interval.fill("15");
  await expect(fetching.getByTestId("effect-pollIntervalMinutes")).toHaveText("Orders are fetched every 15 minutes; Fetch now fetches at once.");
  await save(page, "Fetching");
  await expect(fetching.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("configuration-changed")).toContainText("Configuration last changed");

  // Documents: the shop's own statuses, read again from the shop.
  const documents = page.getByRole("region", { name: "Documents from PrestaShop" });
  await documents.getByRole("button", { name: "Read the shop's statuses again" }).click();
  await expect(documents.getByRole("status")).toHaveText("Lists read again.");
  await expect(documents.getByRole("checkbox", { name: "Awaiting bank wire payment" })).toBeVisible();
  await expect(documents.getByRole("checkbox", { name: "Payment accepted", exact: true })).toBeChecked();
  await documents.getByRole("checkbox", { name: "Awaiting bank wire payment" }).check();
  await expect(documents.getByTestId("effect-statuses")).toContainText("Awaiting bank wire payment");
  await save(page, "Documents from PrestaShop");
  await expect(documents.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Booking: mutations → invoices.
  const booking = page.getByRole("region", { name: "Booking in e-Boekhouden" });
  await expect(booking.getByTestId("effect-bookAs")).toHaveText("Each order becomes a sales mutation (journal entry) in e-Boekhouden.");
  await booking.getByLabel("Book as").selectOption("invoices");
  await expect(booking.getByTestId("effect-bookAs")).toHaveText("Each order becomes an invoice in e-Boekhouden, with its debtor and layout.");
  await save(page, "Booking in e-Boekhouden");
  await expect(booking.getByRole("status")).toHaveText("Saved.");

  // Everything is still there after a reload, with its effect.
  await page.reload();
  await expect(interval).toHaveValue("15");
  await expect(fetching.getByLabel("Re-check open orders (months back)")).toHaveValue("4");
  await expect(fetching.getByTestId("effect-pollIntervalMinutes")).toHaveText("Orders are fetched every 15 minutes; Fetch now fetches at once.");
  await expect(documents.getByRole("checkbox", { name: "Awaiting bank wire payment" })).toBeChecked();
  await expect(booking.getByLabel("Book as")).toHaveValue("invoices");
  await expect(booking.getByTestId("effect-bookAs")).toHaveText("Each order becomes an invoice in e-Boekhouden, with its debtor and layout.");
  await expect(page.getByRole("link", { name: "Edit the VAT grid" })).toHaveAttribute("href", "/install/DEMO-PRESTASHOP-EBOEKHOUDEN#vat");
  await noHorizontalOverflow(page);
  await shot(page, "prestashop-eboekhouden");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(interval).toBeVisible();
  await noHorizontalOverflow(page);
  await shot(page, "prestashop-eboekhouden-mobile");

  // Back to the demo's values.
  await page.setViewportSize({ width: 1280, height: 800 });
  await interval.fill("60");
  await fetching.getByLabel("Re-check open orders (months back)").fill("3");
  await save(page, "Fetching");
  await expect(fetching.getByRole("status")).toHaveText("Saved.");
  await documents.getByRole("checkbox", { name: "Awaiting bank wire payment" }).uncheck();
  await save(page, "Documents from PrestaShop");
  await expect(documents.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await booking.getByLabel("Book as").selectOption("mutations");
  await save(page, "Booking in e-Boekhouden");
  await expect(booking.getByRole("status")).toHaveText("Saved.");
});

test("Magento 2 → Rompslomp: poll interval and invoices kept as concepts, in Dutch too", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, DEMO);
  await openConfiguration(page, "Magento 2 → Rompslomp");
  const fetching = page.getByRole("region", { name: "Fetching", exact: true });
  await expect(fetching.getByTestId("effect-pollIntervalMinutes")).toHaveText("Invoices are fetched every 60 minutes; Fetch now fetches at once.");
  await fetching.getByLabel("Fetch every (minutes)").fill("7.5");
  await save(page, "Fetching");
  await expect(fetching.locator("[data-setting=pollIntervalMinutes]").getByRole("alert")).toHaveText("Enter a whole number.");
  await setPollInterval(page, "30");

  // A concept cannot be emailed: refused next to the switch; a concept alone is saved.
  const booking = page.getByRole("region", { name: "Booking in Rompslomp" });
  await expect(booking.getByTestId("effect-invoiceStatus")).toHaveText("Invoices are published in Rompslomp: final, with an invoice number.");
  await booking.getByLabel("Invoice status").selectOption("concept");
  await booking.getByLabel("Send by email").check();
  await expect(booking.getByTestId("effect-sendByEmail")).toHaveText("Rompslomp emails each invoice to the customer as soon as it is booked.");
  await save(page, "Booking in Rompslomp");
  await expect(booking.locator("[data-setting=sendByEmail]").getByRole("alert")).toHaveText("A concept invoice cannot be emailed: publish the invoices to send them.");
  await expect(booking.getByLabel("Invoice status")).toHaveValue("concept");
  await booking.getByLabel("Send by email").uncheck();
  await save(page, "Booking in Rompslomp");
  await expect(booking.getByRole("status")).toHaveText("Saved.");

  await page.reload();
  await expect(fetching.getByLabel("Fetch every (minutes)")).toHaveValue("30");
  await expect(booking.getByLabel("Invoice status")).toHaveValue("concept");
  await expect(booking.getByTestId("effect-invoiceStatus")).toHaveText("Invoices are kept as concepts in Rompslomp: you check and publish them yourself.");
  await noHorizontalOverflow(page);
  await shot(page, "magento-rompslomp");

  // The same tab in Dutch, chosen with the language switcher (kept on the account, so set back to English after).
  const chooseLanguage = (locale: "nl" | "en") => page.request.post("/api/locale", { form: { locale, back: "/dashboard" }, maxRedirects: 0 });
  await chooseLanguage("nl");
  try {
    await page.reload();
    const ophalen = page.getByRole("region", { name: "Ophalen", exact: true });
    await expect(ophalen.getByTestId("effect-pollIntervalMinutes")).toHaveText("Facturen worden elke 30 minuten opgehaald; Nu ophalen haalt ze direct op.");
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await shot(page, "magento-rompslomp-nl-mobile");
  } finally {
    await chooseLanguage("en");
  }

  // Back to the demo's values.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await setPollInterval(page, "60");
  await booking.getByLabel("Invoice status").selectOption("published");
  await save(page, "Booking in Rompslomp");
  await expect(booking.getByRole("status")).toHaveText("Saved.");
});
