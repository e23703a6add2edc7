import { expect, test } from "@playwright/test";
import { DEMO } from "./seed-state";
import { INSTALL_KEYS } from "./seeds/install-routes";

const KEY = INSTALL_KEYS.kmoshops;
const TENANT = KEY.toLowerCase();

test("KMO Shops: Install app in the shop's backend → log in and pick the integration → connected in the wizard", async ({ page }) => {
  // The merchant starts in the KMO Shops backend, in the app store.
  await page.goto(`/sandbox/kmoshops/${TENANT}/admin/apps/install?app=boekkoppeling`);
  await page.getByRole("button", { name: "Install app" }).click();

  // KMO sent no license key: our page asks to log in and choose the integration.
  await expect(page.getByRole("heading", { name: "Connect your KMO Shops webshop" })).toBeVisible();
  await page.getByLabel("Email address").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByLabel("Integration").selectOption(KEY);
  await page.getByRole("button", { name: "Connect webshop" }).click();

  await expect(page).toHaveURL(new RegExp(`/install/${KEY}\\?notice=.*#connections$`));
  await expect(page.getByRole("status")).toContainText("KMO Shops webshop connected.");
  await expect(page.getByTitle("Webshop (KMO Shops): ok")).toBeVisible();

  // The shop shows the app installed.
  await page.goto(`/sandbox/kmoshops/${TENANT}/admin/apps/installed`);
  await expect(page.getByRole("heading", { name: "App installed" })).toBeVisible();
});
