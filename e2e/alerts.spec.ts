import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { ALERTS_MERCHANT as M } from "./seeds/alerts";

// A merchant of its own (e2e/seeds/alerts.ts): its switches and alert mails reach no other spec.
const WHO = { email: M.email, password: M.password };
const TENANT = M.licenseKey.toLowerCase();
const SUBJECT = "CCV Shop → Rompslomp: new error: VAT rate not set up in the VAT grid: 15% in Netherlands";

const row = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
/** A paid order with a 15% line: the Netherlands has no 15% in this integration's VAT grid. */
const unmappedOrder = (n: number) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.75, currency: "EUR", is_intra_community_order: false,
  customer: { email: `alert-buyer-${n}@example.nl`, billingaddress: { first_name: "Eva", last_name: `Koper ${n}`, country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [row("Theepot", 1, 24.95, 21), row("Zeep", 2, 5.98, 15)],
});

test("the alert switches on Profile save and persist", async ({ page }) => {
  await logIn(page, WHO);
  await page.goto("/dashboard/profile");
  const section = page.getByRole("region", { name: "Alerts by mail" });
  const box = (name: string) => section.getByRole("checkbox", { name });
  // The defaults: everything that needs action on, the weekly summary off.
  await expect(box("A new kind of error")).toBeChecked();
  await expect(box("Daily overview of open errors")).toBeChecked();
  await expect(box("Reconnect needed")).toBeChecked();
  await expect(box("Weekly summary")).not.toBeChecked();

  await box("Daily overview of open errors").uncheck();
  await box("Weekly summary").check();
  await section.getByRole("button", { name: "Update alert choices" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved: your alert choices are stored.");

  await page.reload();
  await expect(box("A new kind of error")).toBeChecked();
  await expect(box("Daily overview of open errors")).not.toBeChecked();
  await expect(box("Reconnect needed")).toBeChecked();
  await expect(box("Weekly summary")).toBeChecked();
});

test("three documents failing on one unmapped VAT rate give exactly one alert mail", async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const n of [1, 2, 3]) {
    const created = await request.post(`/sandbox/ccvshop/${TENANT}/_admin/documents`, { data: { kind: "order", payload: unmappedOrder(n) } });
    expect(created.status()).toBe(201);
  }
  await logIn(page, WHO);
  await page.getByRole("link", { name: "CCV Shop → Rompslomp" }).click();
  await page.getByRole("navigation", { name: "Integration tabs" }).getByRole("link", { name: "Errors" }).click();
  await expect(page).toHaveURL(/\/errors$/);
  const errorsUrl = page.url();
  await expect(async () => {
    await page.goto(errorsUrl);
    await expect(page.getByTestId("document-row")).toHaveCount(3, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  const mailbox = `/mailbox?to=${encodeURIComponent(M.email)}`;
  const list = page.getByRole("list", { name: `Mails to ${M.email}` });
  await expect(async () => {
    await page.goto(mailbox);
    await expect(list.getByRole("link", { name: SUBJECT })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // Give the alert runs of the other two documents time to finish: still one mail.
  await page.waitForTimeout(3000);
  await page.goto(mailbox);
  await expect(list.getByRole("link")).toHaveCount(1);

  await list.getByRole("link", { name: SUBJECT }).click();
  await expect(page.getByRole("heading", { name: SUBJECT })).toBeVisible();
  const text = (await page.getByRole("article", { name: "Mail text" }).textContent()) ?? "";
  expect(text).toContain(`license key ${M.licenseKey}`);
  expect(text).toMatch(/\/dashboard\/[^/\s]+\/configuration/);
  expect(text).toMatch(/\/dashboard\/[^/\s]+\/errors/);
});
