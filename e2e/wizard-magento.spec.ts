import { expect, test } from "@playwright/test";
import { sandboxCredentials as magento1Keys } from "../connectors/magento1/sandbox/credentials";
import { sandboxCredentials as magento2Keys } from "../connectors/magento2/sandbox/credentials";
import { sandboxApiKey as wefactKey } from "../connectors/wefact/sandbox/seed";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

test("Magento 2 → WeFact: the integration's two URLs to copy, or the 2.4.4+ keys pasted; active", async ({ page, baseURL }) => {
  const KEY = "E2E-MAGENTO2-WEFACT";
  const TENANT = KEY.toLowerCase();
  await logIn(page, DEMO);
  await page.goto(`/install/${KEY}`);
  await page.getByRole("button", { name: "Accept the terms" }).click();

  await expect(page.getByRole("textbox", { name: "Callback URL" })).toHaveValue(`${baseURL}/api/install/magento2/callback?cikey=${KEY}`);
  await expect(page.getByRole("textbox", { name: "Identity link URL" })).toHaveValue(`${baseURL}/install/magento2/identity`);

  const shop = page.getByRole("form", { name: "Connect Magento 2" });
  const keys = magento2Keys(TENANT);
  await expect(shop.getByLabel("Webshop address")).toHaveValue(`${baseURL}/sandbox/magento2/${TENANT}`);
  await shop.getByLabel("Consumer key").fill(keys.consumerKey);
  await shop.getByLabel("Consumer secret").fill(keys.consumerSecret);
  await shop.getByLabel("Access token", { exact: true }).fill(keys.accessToken);
  await shop.getByLabel("Access token secret").fill("0".repeat(32));
  await shop.getByRole("button", { name: "Connect" }).click();
  await expect(shop.getByRole("alert")).not.toBeEmpty();
  await expect(shop.getByLabel("Consumer key")).toHaveValue(keys.consumerKey);
  await expect(shop.getByLabel("Consumer secret")).toHaveValue("");
  await shop.getByLabel("Consumer secret").fill(keys.consumerSecret);
  await shop.getByLabel("Access token", { exact: true }).fill(keys.accessToken);
  await shop.getByLabel("Access token secret").fill(keys.accessTokenSecret);
  await shop.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected to Magento 2.");
  await expect(page.getByTitle("Webshop (Magento 2): ok")).toBeVisible();

  await page.getByRole("form", { name: "Connect WeFact" }).getByLabel("WeFact API key").fill(wefactKey(TENANT));
  await page.getByRole("form", { name: "Connect WeFact" }).getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("status")).toContainText("Connected. Administration: WeFact");
  await page.getByRole("button", { name: "Save VAT settings" }).click();
  await expect(page.getByRole("status")).toContainText("VAT settings saved (4 rates).");
  await page.getByRole("button", { name: "Finish installation" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
});

test("Magento 1.9: admin URL, consumer key and secret, then the yellow Connect button", async ({ page, baseURL }) => {
  const KEY = "E2E-MAGENTO1-WEFACT";
  const TENANT = KEY.toLowerCase();
  await logIn(page, DEMO);
  await page.goto(`/install/${KEY}`);
  await page.getByRole("button", { name: "Accept the terms" }).click();
  await expect(page.getByRole("link", { name: "Connect" })).toHaveCount(0);

  const shop = page.getByRole("form", { name: "Connect Magento 1.9" });
  const keys = magento1Keys(TENANT);
  await expect(shop.getByLabel("Admin URL")).toHaveValue(`${baseURL}/sandbox/magento1/${TENANT}/admin`);
  await shop.getByLabel("Consumer key").fill(keys.consumerKey);
  await shop.getByLabel("Consumer secret").fill("f".repeat(32));
  await shop.getByRole("button", { name: "Save" }).click();
  await expect(shop.getByRole("alert")).toContainText("consumer secret");
  await shop.getByLabel("Consumer secret").fill(keys.consumerSecret);
  await shop.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("yellow Connect button");
  await expect(page.getByTitle("Webshop (Magento 1.9): unknown")).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect", exact: true })).toHaveAttribute("href", `/api/install/magento1/start?licenseKey=${KEY}`);
  expect(await page.content()).not.toContain(keys.consumerSecret);
});
