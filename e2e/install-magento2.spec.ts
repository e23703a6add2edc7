import { expect, test } from "@playwright/test";
import { DEMO } from "./seed-state";
import { INSTALL_KEYS } from "./seeds/install-routes";

const KEY = INSTALL_KEYS.magento2;
const TENANT = KEY.toLowerCase();

test("Magento 2: from System > Extensions > Integrations to a connected webshop in the wizard", async ({ page, baseURL }) => {
  await page.goto(`/install/${KEY}`);
  await expect(page.getByTitle("Webshop (Magento 2): unknown")).toBeVisible();

  // In the Magento admin: a new integration with our Callback URL and Identity link, Save & Activate.
  await page.goto(`/sandbox/magento2/${TENANT}/admin/integrations`);
  await page.getByLabel("Name", { exact: true }).fill("Boekkoppeling");
  await page.getByLabel("Callback URL").fill(`${baseURL}/api/install/magento2/callback?cikey=${KEY}`);
  await page.getByLabel("Identity link URL").fill(`${baseURL}/install/magento2/identity`);
  await page.getByLabel("Save & Activate").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The keys were sent to the callback URL.")).toBeVisible();

  // Magento opens our identity link in a second window: log in, domain + connection key, consent.
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("link", { name: "Open the identity link" }).click()]);
  await expect(popup.getByRole("heading", { name: "Connect your Magento webshop" })).toBeVisible();
  await popup.getByLabel("Email address").fill(DEMO.email);
  await popup.getByLabel("Password").fill(DEMO.password);
  await popup.getByRole("button", { name: "Log in" }).click();
  await popup.getByLabel("Connection key").fill("WRONG-KEY");
  await popup.getByLabel("Webshop domain").fill("localhost");
  await popup.getByRole("button", { name: "Consent to connect" }).click();
  await expect(popup.getByText("That connection key is not the one for this integration.")).toBeVisible();
  await popup.getByLabel("Webshop domain").fill("localhost");
  await popup.getByLabel("Connection key").fill(KEY);
  await popup.getByRole("button", { name: "Consent to connect" }).click();

  // Back in Magento: the integration is Active.
  await expect(popup.locator("#status")).toHaveText("Active");
  await popup.close();

  // Our wizard: the webshop dot is green.
  await page.goto(`/install/${KEY}`);
  await expect(page.getByTitle("Webshop (Magento 2): ok")).toBeVisible();
});
