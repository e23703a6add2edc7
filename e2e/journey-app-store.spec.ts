import { expect, test, type Page } from "@playwright/test";
import { connectFactuursturen, connectRompslomp } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens, type Screens } from "./journey/screens";
import { chooseCcvProcessing, firstDocuments, placeDocument } from "./journey/shops";
import { readRegistrationMail, type NewMerchant } from "./journey/sign-up";

/**
 * The App Store journey of the CCV Shop and KMO Shops manuals: a new customer starts in the shop's
 * backend, installs our app, starts the trial on our page and lands in the wizard with the shop
 * connected; then the accounting side, the mail's login, and the first order on Report.
 */
async function startInShopAppStore(page: Page, shop: "CCV Shop" | "KMO Shops", accounting: string, shot: Screens) {
  const email = `appstore-journey-${Date.now()}@example.nl`;
  await page.goto("/integrations");
  await page.getByRole("region", { name: `Integrations for ${shop}` }).getByRole("link", { name: `Open the sandbox ${shop} app store` }).click();
  const shopTenant = /\/sandbox\/(?:ccvshop|kmoshops)\/([^/]+)\//.exec(page.url())?.[1];
  expect(shopTenant).toBeTruthy();
  await shot.page(page, "shop-app-store");
  await page.getByRole("button", { name: "Install app" }).click();

  await expect(page.getByRole("heading", { name: `Connect your ${shop} webshop` })).toBeVisible();
  const form = page.getByRole("form", { name: "Start your trial" });
  await form.getByLabel("Accounting system").selectOption(accounting);
  await form.getByLabel("Your name").fill("Els de Vries");
  await form.getByLabel("Company name").fill("De Vries Mode");
  await form.getByLabel("Your email").fill(email);
  await form.getByLabel("Webshop country").selectOption("NL");
  await form.getByRole("checkbox", { name: "I accept the terms and conditions" }).check();
  await shot.page(page, "trial-form");
  await form.getByRole("button", { name: "Start trial and connect webshop" }).click();
  await expect(page.getByRole("status")).toContainText(`${shop} webshop connected.`);
  await expect(page.getByTitle(`Webshop (${shop}): ok`)).toBeVisible();
  const licenseKey = /License key (BK(?:-[0-9A-Z]{5})+)/.exec((await page.getByText(/License key BK-/).first().textContent()) ?? "")?.[1];
  expect(licenseKey).toBeTruthy();
  await shot.page(page, "wizard-shop-connected");
  return { email, licenseKey: licenseKey!, shopTenant: shopTenant! };
}

/** The login from the registration mail, read before finishing (the wizard works by license key until then). */
async function mailedLogin(page: Page, email: string, licenseKey: string, shot: Screens): Promise<NewMerchant> {
  const merchant = await readRegistrationMail(page, email, shot);
  expect(merchant.licenseKey).toBe(licenseKey);
  await page.goto(`/install/${licenseKey}`);
  return merchant;
}

test("CCV Shop App Store, new customer → Rompslomp: trial on our page, wizard, first paid order on Report", async ({ page, request }) => {
  const shot = screens("app-store-ccvshop");
  const { email, licenseKey, shopTenant } = await startInShopAppStore(page, "CCV Shop", "rompslomp", shot);
  await chooseCcvProcessing(page, "paid-orders");
  await connectRompslomp(page, licenseKey.toLowerCase(), shot);
  const merchant = await mailedLogin(page, email, licenseKey, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.ccvOrder;
  await placeDocument(request, "ccvshop", shopTenant, kind, payload);
  await expectBookedOnReport(page, report, total, { fetchNow: false }, shot);
});

test("KMO Shops App Store, new customer → Factuursturen: trial on our page, wizard, first order on Report", async ({ page, request }) => {
  const shot = screens("app-store-kmoshops");
  const { email, licenseKey, shopTenant } = await startInShopAppStore(page, "KMO Shops", "factuursturen", shot);
  await connectFactuursturen(page, licenseKey.toLowerCase(), shot);
  const merchant = await mailedLogin(page, email, licenseKey, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.kmoOrder;
  await placeDocument(request, "kmoshops", shopTenant, kind, payload);
  await expectBookedOnReport(page, report, total, { fetchNow: false }, shot);
});
