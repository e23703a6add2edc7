import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./login";

/**
 * The merchant's first steps: integrations page → sign up for a pair → check your mail → the
 * local mailbox → the registration mail → its installation URL opens the wizard (terms done);
 * a second sign-up with the same email; an unknown license key.
 */
const shot = (page: Page, step: string) => page.screenshot({ path: `test-results/screenshots/signup-${step}.png`, fullPage: true });

/** Opens the newest mail to `email` in the local mailbox; returns its text. */
async function openNewestMail(page: Page, email: string, subject: string): Promise<string> {
  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("heading", { name: "Local mailbox" })).toBeVisible();
  const newest = page.getByRole("list", { name: `Mails to ${email}` }).getByRole("link").first();
  await expect(newest).toHaveText(subject);
  await newest.click();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  return (await page.getByRole("article", { name: "Mail text" }).textContent()) ?? "";
}

async function signUp(page: Page, fields: { name: string; company: string; email: string }) {
  await page.getByLabel("Your name").fill(fields.name);
  await page.getByLabel("Company name").fill(fields.company);
  await page.getByLabel("Your email").fill(fields.email);
  await page.getByLabel("Webshop country").selectOption("NL");
  await page.getByLabel("Your language").selectOption("en");
  await page.getByRole("checkbox", { name: "I accept the terms and conditions" }).check();
  await page.getByRole("button", { name: "Start free trial" }).click();
  await expect(page.getByRole("heading", { name: "Check your mail" })).toBeVisible();
}

test("sign up for PrestaShop → e-Boekhouden, open the registration mail in the local mailbox, install from its link", async ({ page }) => {
  const email = `signup-${Date.now()}@example.nl`;

  await page.goto("/");
  await page.getByRole("link", { name: "Start your free trial" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  // App Store shops say where to install; in sandbox mode they link to a sandbox shop's app store.
  const ccv = page.getByRole("region", { name: "Integrations for CCV Shop" });
  await expect(ccv).toContainText("Installed from the CCV Shop app store");
  await expect(ccv.getByRole("link", { name: "Open the sandbox CCV Shop app store" })).toHaveAttribute("href", /\/sandbox\/ccvshop\/shop-[0-9a-f]+\/onderhoud\/AdminItems\/AppStore\/AppStore\.Install\.php\?install_url=/);
  await expect(page.getByRole("region", { name: "Integrations for KMO Shops" }).getByRole("link", { name: "Open the sandbox KMO Shops app store" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Integrations for PrestaShop" })).toContainText("Installed with an installation link");
  await shot(page, "integrations");
  await page.getByRole("link", { name: "Start free trial: PrestaShop → e-Boekhouden" }).click();

  // The form: the pair is chosen; every mistake gets its own message and what was typed stays.
  await expect(page.getByRole("heading", { name: "Start your free trial" })).toBeVisible();
  await expect(page.getByLabel("Webshop system")).toHaveValue("prestashop");
  await expect(page.getByLabel("Accounting system")).toHaveValue("eboekhouden");
  await shot(page, "form");
  await page.getByLabel("Your name").fill("Jan Jansen");
  await page.getByLabel("Your email").fill("jan@");
  await page.getByRole("button", { name: "Start free trial" }).click();
  await expect(page.getByRole("form", { name: "Start your free trial" }).getByRole("alert")).toHaveText("Please correct the fields marked below.");
  await expect(page.getByText("Enter your company name.")).toBeVisible();
  await expect(page.getByText("This is not a valid email address (for example jan@webshop.nl).")).toBeVisible();
  await expect(page.getByText("Choose the country of your webshop.")).toBeVisible();
  await expect(page.getByText("Accept the terms and conditions to start the trial.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Jan Jansen");
  await expect(page.getByLabel("Your email")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "form-errors");

  await signUp(page, { name: "Jan Jansen", company: "Jansen Webwinkel", email });
  await expect(page.getByText(`We sent the installation URL and your login details to ${email}.`)).toBeVisible();
  await shot(page, "sent");
  await page.getByRole("link", { name: "Open the local mailbox" }).click();
  await expect(page).toHaveURL(/\/mailbox\?to=/);
  await shot(page, "mailbox");

  const text = await openNewestMail(page, email, "Your Boekkoppeling trial: PrestaShop → e-Boekhouden");
  const licenseKey = /License key: (BK(?:-[0-9A-Z]{5})+)/.exec(text)?.[1];
  const password = /Password: (\S+)/.exec(text)?.[1];
  expect(licenseKey).toBeTruthy();
  expect(password).toBeTruthy();
  expect(text).toContain(`Email address: ${email}`);
  expect(text).toMatch(/Trial ends: \d{1,2} \w{3} \d{4}/);
  await shot(page, "mail");

  // The installation URL opens the wizard of the new key, the terms already accepted at sign-up.
  await page.getByRole("link", { name: new RegExp(`/install/${licenseKey}$`) }).click();
  await expect(page.getByRole("heading", { name: "Install PrestaShop → e-Boekhouden" })).toBeVisible();
  await expect(page.getByText(`License key ${licenseKey}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "1. Terms and conditions" }).getByLabel("done")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept the terms" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Connect PrestaShop" })).toBeVisible();
  await shot(page, "wizard");

  // The login from the mail works.
  await logIn(page, { email, password: password! });

  // A second sign-up with the same address: a second integration on the same login, no new password.
  await page.goto("/signup?source=magento2&target=rompslomp");
  await signUp(page, { name: "Jan Jansen", company: "Jansen Webwinkel", email });
  const second = await openNewestMail(page, email, "Your Boekkoppeling trial: Magento 2 → Rompslomp");
  const secondKey = /License key: (BK(?:-[0-9A-Z]{5})+)/.exec(second)?.[1];
  expect(secondKey).toBeTruthy();
  expect(secondKey).not.toBe(licenseKey);
  expect(second).toContain("log in with the password you already use");
  expect(second).not.toContain("Password:");
  await shot(page, "second-mail");
  await page.context().clearCookies();
  await logIn(page, { email, password: password! });
  await page.goto(`/install/${secondKey}`);
  await expect(page.getByRole("heading", { name: "Install Magento 2 → Rompslomp" })).toBeVisible();
});

test("the public pages speak Dutch once chosen", async ({ page }) => {
  await page.goto("/integrations");
  await page.getByRole("button", { name: "nl" }).click();
  await expect(page.getByRole("heading", { name: "Koppelingen", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Start gratis proefperiode: PrestaShop → e-Boekhouden" }).click();
  await expect(page.getByRole("heading", { name: "Start je gratis proefperiode" })).toBeVisible();
  await expect(page.getByLabel("Je taal")).toHaveValue("nl");
  await page.getByRole("button", { name: "Start gratis proefperiode" }).click();
  await expect(page.getByText("Vul je naam in.")).toBeVisible();
  await shot(page, "form-nl");
});

test("an unknown license key gets a page that says so and what to do", async ({ page }) => {
  await page.goto("/install/NOT-A-KEY");
  await expect(page.getByRole("heading", { name: "Unknown license key" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("There is no integration with license key NOT-A-KEY.");
  await expect(page.getByRole("link", { name: "Go to the integrations" })).toHaveAttribute("href", "/integrations");
  await shot(page, "unknown-key");
});

test("KMO Shops App Store install by a new customer: trial started on our page, wizard opens with the shop connected", async ({ page }) => {
  const email = `appstore-${Date.now()}@example.nl`;
  await page.goto("/integrations");
  await page.getByRole("region", { name: "Integrations for KMO Shops" }).getByRole("link", { name: "Open the sandbox KMO Shops app store" }).click();
  await page.getByRole("button", { name: "Install app" }).click();

  await expect(page.getByRole("heading", { name: "Connect your KMO Shops webshop" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Already a customer?" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "New customer? Start your trial" })).toBeVisible();
  const form = page.getByRole("form", { name: "Start your trial" });
  await form.getByLabel("Accounting system").selectOption("factuursturen");
  await form.getByLabel("Your name").fill("Els de Vries");
  await form.getByLabel("Company name").fill("De Vries Mode");
  await form.getByLabel("Webshop country").selectOption("BE");
  await form.getByRole("checkbox", { name: "I accept the terms and conditions" }).check();
  // An address that already has a login must log in instead.
  await form.getByLabel("Your email").fill("demo@example.com");
  await form.getByRole("button", { name: "Start trial and connect webshop" }).click();
  await expect(page.getByRole("form", { name: "Start your trial" }).getByRole("alert")).toContainText("There is already a login for demo@example.com.");
  await shot(page, "app-store-existing-login");

  await page.getByRole("form", { name: "Start your trial" }).getByLabel("Your email").fill(email);
  await page.getByRole("form", { name: "Start your trial" }).getByRole("button", { name: "Start trial and connect webshop" }).click();
  await expect(page.getByRole("heading", { name: "Install KMO Shops → Factuursturen" })).toBeVisible();
  await expect(page).toHaveURL(/\/install\/BK-[0-9A-Z-]+\?notice=.*#connections$/);
  await expect(page.getByRole("status")).toContainText("KMO Shops webshop connected.");
  await expect(page.getByTitle("Webshop (KMO Shops): ok")).toBeVisible();
  await expect(page.getByRole("region", { name: "1. Terms and conditions" }).getByLabel("done")).toBeVisible();
  await shot(page, "app-store-wizard");

  const text = await openNewestMail(page, email, "Your Boekkoppeling trial: KMO Shops → Factuursturen");
  expect(text).toContain("Your KMO Shops webshop is already connected through the app store.");
  expect(text).toMatch(/^Password: \S+$/m);
});
