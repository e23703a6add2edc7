import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { DEMO } from "./seed-state";
import { INSTALL_KEYS } from "./seeds/install-routes";

const KEY = INSTALL_KEYS.magento1;
const TENANT = KEY.toLowerCase();

// The wizard's form (admin URL, consumer key and secret) belongs to the wizard; the seed saved
// what the merchant entered there, and this walk starts at the yellow Connect button's address.
test("Magento 1.9: Connect → authorize in the Magento admin → the webshop connected in the wizard", async ({ page, request }) => {
  await logIn(page, DEMO);
  await page.goto(`/api/install/magento1/start?licenseKey=${KEY}`);

  // Magento's admin asks to authorize our application.
  await expect(page.getByText("requests access to your account")).toBeVisible();
  await page.getByRole("button", { name: "Authorize" }).click();

  // Back in our wizard, at the connections step, connected.
  await expect(page).toHaveURL(new RegExp(`/install/${KEY}\\?notice=.*#connections$`));
  await expect(page.getByRole("status")).toContainText("Magento 1.9 webshop connected.");
  await expect(page.getByTitle("Webshop (Magento 1.9): ok")).toBeVisible();

  // The shop handed out an access token, and our keys read its REST API.
  const log = (await (await request.get(`/sandbox/magento1/${TENANT}/_admin/requests`)).json()) as { method: string; path: string; status: number }[];
  expect(log.some((r) => r.method === "POST" && r.path.endsWith("/oauth/token") && r.status === 200)).toBe(true);
  expect(log.some((r) => r.method === "GET" && r.path.includes("/api/rest/") && r.status === 200)).toBe(true);
});
