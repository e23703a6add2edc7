import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { DEMO } from "./seed-state";

test("the landing page says what the product does and lists the supported systems", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("booked in your accounting");
  const shops = page.getByRole("list", { name: "Supported webshops" });
  for (const name of ["Magento 2", "CCV Shop", "PrestaShop", "KMO Shops"]) await expect(shops).toContainText(name);
  const targets = page.getByRole("list", { name: "Supported accounting systems" });
  for (const name of ["Rompslomp", "e-Boekhouden", "WeFact", "Factuursturen"]) await expect(targets).toContainText(name);
});

test("the dashboard is protected", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(DEMO.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  await expect(page).toHaveURL(/\/login/);
});

test("the demo merchant logs in and sees the dashboard shell", async ({ page }) => {
  await logIn(page, DEMO);
  await expect(page.getByTestId("signed-in-as")).toHaveText(DEMO.email);
  await expect(page.getByRole("heading", { name: "Your integrations" })).toBeVisible();
  for (const key of ["DEMO-MAGENTO-ROMPSLOMP", "DEMO-CCVSHOP-ROMPSLOMP", "DEMO-PRESTASHOP-EBOEKHOUDEN", "DEMO-CCVSHOP-WEFACT", "DEMO-KMOSHOPS-FACTUURSTUREN"]) {
    await expect(page.getByText(key)).toBeVisible();
  }

  await page.getByRole("link", { name: "CCV Shop → Rompslomp" }).click();
  const tabs = page.getByRole("navigation", { name: "Integration tabs" });
  for (const tab of ["Report", "Errors", "Open", "Configuration"]) await expect(tabs.getByRole("link", { name: tab })).toBeVisible();
  await expect(page.getByText("Nothing booked in this period.")).toBeVisible();
  await tabs.getByRole("link", { name: "Errors" }).click();
  await expect(page.getByText("No errors.")).toBeVisible();
  await tabs.getByRole("link", { name: "Configuration" }).click();
  await expect(page.getByRole("region", { name: "Connections" })).toContainText("Webshop");

  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByText("Demo Webwinkel B.V.")).toBeVisible();

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});
