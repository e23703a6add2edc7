import { expect, type Page } from "@playwright/test";
import type { NewMerchant } from "./sign-up";
import type { Screens } from "./screens";

/**
 * The end of every journey: Finish installation (logging in with the mailed password when the
 * dashboard asks), then the first document on the Report tab, and every tab for review.
 */
export async function finishInstallation(page: Page, merchant: NewMerchant, shot: Screens): Promise<string> {
  await shot.part(page.getByRole("region", { name: "2. Connections" }), "connections");
  await page.getByRole("button", { name: "Finish installation" }).click();
  // Installed by license key without a login: the wizard sends the merchant to log in.
  await expect(page).toHaveURL(/\/login\?installed=|\/dashboard\//);
  if (page.url().includes("/login")) {
    await shot.page(page, "login");
    await page.getByLabel("Email address").fill(merchant.email);
    await page.getByLabel("Password").fill(merchant.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await shot.page(page, "integrations-of-the-login");
    await page.locator("main a[href$='/report']").first().click();
  }
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/report$/);
  return page.url();
}

/** Waits until the document is on Report (polling shops: Fetch now), then shows every tab. */
export async function expectBookedOnReport(page: Page, reportUrl: string, total: string, options: { fetchNow: boolean }, shot: Screens) {
  try {
    await expect(async () => {
      await page.goto(reportUrl);
      if (options.fetchNow) await page.getByRole("button", { name: "Fetch now" }).click();
      await expect(page.getByTestId("document-row")).toHaveCount(1, { timeout: 2000 });
    }).toPass({ timeout: 90_000 });
  } catch (err) {
    // Say where the document went instead (Errors or Open, with the reason), not only that Report is empty.
    const elsewhere = [];
    for (const tab of ["errors", "open"]) {
      await page.goto(reportUrl.replace(/\/report$/, `/${tab}`));
      elsewhere.push(`${tab}: ${(await page.getByRole("main").innerText()).replace(/\s+/g, " ").slice(0, 600)}`);
    }
    throw new Error(`Not booked on Report. ${elsewhere.join(" | ")}`, { cause: err });
  }
  await expect(page.getByTestId("document-row")).toContainText(total);
  for (const tab of ["Report", "Errors", "Open", "Payments", "Configuration"]) {
    await page.getByRole("navigation", { name: "Integration tabs" }).getByRole("link", { name: tab }).click();
    await expect(page).toHaveURL(new RegExp(`/${tab.toLowerCase()}$`));
    await shot.page(page, `tab-${tab.toLowerCase()}`);
  }
  await page.getByRole("link", { name: "Profile" }).first().click();
  await shot.page(page, "profile");
}
