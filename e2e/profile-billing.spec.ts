import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../lib/billing/testing/pdf-text";
import { logIn } from "./login";
import { BILLING, BILLING_KEYS } from "./seeds/billing-login";

/**
 * Profile tab: the subscription per integration and the invoices; an extra notification address;
 * paying an open renewal through the sandbox Mollie checkout (the paused integration resumes);
 * an invoice PDF; cancelling with a confirmation; removing the cancelled key from the switcher.
 */
const shot = (page: Page, step: string) => page.screenshot({ path: `test-results/screenshots/profile-${step}.png`, fullPage: true });
const { paused, paid, trial } = BILLING_KEYS;

test("Profile: subscriptions, invoices, notification address, paying a renewal, PDF, cancel and the key switcher", async ({ page }) => {
  test.setTimeout(120_000);
  // A cold server (this spec may run first) answers its first pages slowly: let the login page's script load before logging in.
  await page.goto("/login", { waitUntil: "networkidle" });
  await logIn(page, BILLING);
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();

  const subscriptions = page.getByRole("table", { name: "Subscription" });
  const row = (key: string) => subscriptions.getByRole("row").filter({ hasText: key });
  await expect(row(paused.licenseKey)).toContainText("Paused since");
  await expect(row(paid.licenseKey)).toContainText("Paid until");
  await expect(row(trial.licenseKey)).toContainText("Trial until");
  const invoices = page.getByRole("table", { name: "Invoices" });
  await expect(invoices.getByRole("row").filter({ hasText: paid.licenseKey })).toContainText("Paid");
  await expect(invoices.getByRole("row").filter({ hasText: paused.licenseKey })).toContainText("Open");
  await expect(invoices.getByRole("row").filter({ hasText: paused.licenseKey })).toContainText("€181.50");
  await shot(page, "overview");

  // The paused integration says so on its own dashboard, with the way out.
  await page.getByRole("link", { name: `Open the dashboard of ${paused.licenseKey}` }).click();
  await expect(page.getByTestId("subscription-status")).toContainText("Paused since");
  await expect(page.getByRole("link", { name: /^Renew Paused shop/ })).toBeVisible();
  await shot(page, "paused-banner");
  await page.getByRole("link", { name: "Profile" }).click();

  // An extra address for every mail: validated, then saved.
  const address = page.getByRole("textbox", { name: "Extra email address" });
  await address.fill("not-an-address");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "valid email address" })).toBeVisible();
  await address.fill("finance@billing.example");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: mails are also sent to finance@billing.example." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Extra email address" })).toHaveValue("finance@billing.example");
  await shot(page, "notification-email");

  // Pay the open renewal through the sandbox Mollie checkout.
  await row(paused.licenseKey).getByRole("link", { name: /^Pay invoice .* of €181\.50 for Paused shop/ }).click();
  await expect(page).toHaveURL(/\/sandbox\/mollie\/billing\/checkout\/tr_/);
  await expect(page.getByText("EUR 181.50")).toBeVisible();
  await shot(page, "checkout");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/billing\/return\//);
  await expect(page.getByTestId("payment-status")).toContainText("Thank you, your payment of €181.50");
  await shot(page, "paid");
  await page.getByRole("link", { name: "Go to your profile" }).click();
  await expect(row(paused.licenseKey)).toContainText("Active");
  await expect(row(paused.licenseKey)).toContainText("Paid until");
  const paidNow = invoices.getByRole("row").filter({ hasText: paused.licenseKey });
  await expect(paidNow).toContainText("Paid");

  // The invoice as a PDF, its figures as text.
  const number = (await paidNow.getByRole("cell").first().innerText()).trim();
  const downloading = page.waitForEvent("download");
  await paidNow.getByRole("link", { name: `Download invoice ${number} (PDF)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`invoice-${number}.pdf`);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(bytes);
  for (const expected of [number, BILLING.company, "€150.00", "€31.50", "€181.50", "Total incl. VAT", paused.licenseKey]) expect(text).toContain(expected);

  // Cancel the trial integration, after a confirmation step.
  await row(trial.licenseKey).getByRole("link", { name: `Cancel integration ${trial.name}` }).click();
  await expect(page.getByRole("heading", { name: "Cancel integration" })).toBeVisible();
  await expect(page.getByText(`(license key ${trial.licenseKey}) as of today`)).toBeVisible();
  await shot(page, "cancel-confirm");
  await page.getByLabel("I understand that cancelling cannot be undone.").check();
  await page.getByRole("button", { name: "Cancel integration as of today" }).click();
  await expect(page).toHaveURL(/\/dashboard\/profile\?cancelled=/);
  await expect(page.getByRole("status").filter({ hasText: `${trial.name} is cancelled as of today` })).toBeVisible();
  await expect(row(trial.licenseKey)).toContainText("Cancelled on");
  await expect(row(trial.licenseKey).getByRole("link", { name: /Cancel integration/ })).toHaveCount(0);
  await shot(page, "cancelled");

  // The cancelled key leaves the license-key switcher.
  const keys = page.getByRole("list", { name: "License keys" });
  await keys.getByRole("button", { name: `Remove license key ${trial.licenseKey} from the list` }).click();
  await expect(page.getByRole("status").filter({ hasText: `License key ${trial.licenseKey} was removed from the list.` })).toBeVisible();
  await expect(keys).not.toContainText(trial.licenseKey);
  await shot(page, "keys");

  await keys.getByRole("link", { name: `Open the dashboard of ${paid.licenseKey}` }).click();
  await expect(page.getByTestId("subscription-status")).toContainText("Paid until");
  await page.getByText("Switch license key").click();
  const switcher = page.getByRole("list", { name: "Switch license key" });
  await expect(switcher).toContainText(paused.licenseKey);
  await expect(switcher).not.toContainText(trial.licenseKey);
  await shot(page, "switcher");
  await switcher.getByRole("link", { name: new RegExp(paused.licenseKey) }).click();
  await expect(page.getByRole("heading", { name: paused.name, level: 1 })).toBeVisible();
});
