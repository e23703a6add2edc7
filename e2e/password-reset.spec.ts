import { expect, test } from "@playwright/test";
import { RESET_MERCHANT } from "./seeds/password-reset";

/**
 * Forgot password: the login page's link → the request form (the same answer for an unknown
 * address) → the mail in the local mailbox → its link → a new password → log in with it; the old
 * password and the used link no longer work.
 */
async function newestResetLink(page: import("@playwright/test").Page, email: string): Promise<string> {
  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  const newest = page.getByRole("list", { name: `Mails to ${email}` }).getByRole("link").first();
  await expect(newest).toHaveText("Reset your Boekkoppeling password");
  await newest.click();
  const text = (await page.getByRole("article", { name: "Mail text" }).textContent()) ?? "";
  const link = /https?:\/\/\S+\/reset-password\?token=[\w%-]+/.exec(text)?.[0];
  expect(link).toBeTruthy();
  return link!;
}

test("reset a forgotten password by mail, once", async ({ page }) => {
  const newPassword = "a brand new password";

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();

  // An address without a login gets the same answer, and no mail.
  await page.getByLabel("Email address").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Mail me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If nobody-here@example.com belongs to a login");

  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(RESET_MERCHANT.email);
  await page.getByRole("button", { name: "Mail me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${RESET_MERCHANT.email} belongs to a login`);

  // The mail is sent just after the answer: wait for it in the local mailbox.
  let link = "";
  await expect(async () => { link = await newestResetLink(page, RESET_MERCHANT.email); }).toPass({ timeout: 30_000 });
  await page.goto("/mailbox?to=nobody-here%40example.com");
  await expect(page.getByText("No mails to nobody-here@example.com yet.")).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill("not the same password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  // (Next's route announcer is an alert too: the message is found by its text.)
  await expect(page.getByText("The two passwords are not the same.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Log in with the new one.");

  // The old password no longer works; the new one does.
  await page.getByLabel("Email address").fill(RESET_MERCHANT.email);
  await page.getByLabel("Password").fill(RESET_MERCHANT.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That email address and password do not match.")).toBeVisible();
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("This reset link is not valid any more")).toBeVisible();
});
