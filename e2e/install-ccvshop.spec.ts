import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { DEMO } from "./seed-state";
import { INSTALL_KEYS } from "./seeds/install-routes";

const KEY = INSTALL_KEYS.ccvshop;
const TENANT = KEY.toLowerCase();
const STORE = `/sandbox/ccvshop/${TENANT}/onderhoud/AdminItems/AppStore`;

test("CCV Shop: Install app in the App Store → pick the integration → app marked installed, webshop connected in the wizard", async ({ page, baseURL }) => {
  await logIn(page, DEMO);

  // The CCV Shop App Store page of our app (the sandbox takes our registered URLs as parameters).
  const app = `${STORE}/AppStore.Install.php?install_url=${encodeURIComponent(`${baseURL}/api/install/ccvshop`)}&uninstall_url=${encodeURIComponent(`${baseURL}/api/install/ccvshop/uninstall`)}`;
  await page.goto(app);
  await page.getByRole("button", { name: "Install app" }).click();

  // CCV names no license key: the merchant (logged in) chooses the integration.
  await expect(page.getByRole("heading", { name: "Connect your CCV Shop webshop" })).toBeVisible();
  await page.getByLabel("Integration").selectOption(KEY);
  await page.getByRole("button", { name: "Connect webshop" }).click();

  await expect(page).toHaveURL(new RegExp(`/install/${KEY}\\?notice=.*#connections$`));
  await expect(page.getByRole("status")).toContainText("CCV Shop webshop connected.");
  await expect(page.getByTitle("Webshop (CCV Shop): ok")).toBeVisible();

  // CCV's return page: the app marked itself installed.
  await page.goto(`${STORE}/AppStore.Return.php?Id=12970`);
  await expect(page.getByRole("heading", { name: "App installed" })).toBeVisible();
});
