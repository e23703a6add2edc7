import { expect, type Page } from "@playwright/test";
import type { Screens } from "./screens";

export type NewMerchant = { email: string; password: string; licenseKey: string; tenant: string };

/**
 * The first half of every manual's journey: the integrations page → sign up for the pair → the
 * registration mail in the local mailbox → its installation URL opens the wizard. The sandbox
 * tenants of a new integration are named after its license key in lower case.
 */
export async function signUpAndOpenWizard(page: Page, pair: { source: string; target: string }, shot: Screens): Promise<NewMerchant> {
  const email = `journey-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.nl`;
  await page.goto("/");
  await page.getByRole("link", { name: "Start your free trial" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await shot.page(page, "integrations");
  await page.getByRole("link", { name: `Start free trial: ${pair.source} → ${pair.target}` }).click();

  await page.getByLabel("Your name").fill("Eva Koper");
  await page.getByLabel("Company name").fill("Koper Thee");
  await page.getByLabel("Your email").fill(email);
  await page.getByLabel("Webshop country").selectOption("NL");
  await page.getByRole("checkbox", { name: "I accept the terms and conditions" }).check();
  await shot.page(page, "sign-up");
  await page.getByRole("button", { name: "Start free trial" }).click();
  await expect(page.getByRole("heading", { name: "Check your mail" })).toBeVisible();
  await shot.page(page, "check-your-mail");
  const merchant = await readRegistrationMail(page, email, shot);
  await page.getByRole("article", { name: "Mail text" }).getByRole("link", { name: new RegExp(`/install/${merchant.licenseKey}$`) }).click();
  await expect(page.getByRole("heading", { name: `Install ${pair.source} → ${pair.target}` })).toBeVisible();
  await shot.part(page.getByRole("region", { name: "1. Terms and conditions" }), "terms");
  return merchant;
}

/** The newest mail to `email` in the local mailbox: the license key and the new login's password. */
export async function readRegistrationMail(page: Page, email: string, shot: Screens): Promise<NewMerchant> {
  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { name: "Local mailbox" })).toBeVisible();
  await page.getByRole("list", { name: `Mails to ${email}` }).getByRole("link").first().click();
  const text = (await page.getByRole("article", { name: "Mail text" }).textContent()) ?? "";
  const licenseKey = /License key: (BK(?:-[0-9A-Z]{5})+)/.exec(text)?.[1];
  const password = /Password: (\S+)/.exec(text)?.[1];
  expect(licenseKey, "the registration mail names the license key").toBeTruthy();
  expect(password, "the registration mail gives a new merchant a password").toBeTruthy();
  await shot.page(page, "registration-mail");
  return { email, password: password!, licenseKey: licenseKey!, tenant: licenseKey!.toLowerCase() };
}
