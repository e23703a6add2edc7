import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./login";
import { DEMO, seedState } from "./seed-state";

// The sandbox-mode operator login the demo seed adds (lib/support/operators.ts).
const OPERATOR = { email: "operator@example.com", password: "operator" };
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shot = (page: Page, step: string) => page.screenshot({ path: `test-results/screenshots/support-${step}.png`, fullPage: true });

test("support: report a problem, ask a question, the operator answers and views the dashboard read-only", async ({ browser, baseURL, request }) => {
  test.setTimeout(240_000);
  const { demoIntegrationId } = seedState();
  const merchant = await (await browser.newContext({ baseURL })).newPage();
  const operator = await (await browser.newContext({ baseURL })).newPage();

  // A paid order whose total does not match its lines lands on the Errors tab.
  const order = {
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
    total_price: 49.99, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
    customer: { email: "support-e2e@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [
      { product_name: "Theepot", product_number: "POT-1", count: 1, price: 24.95, selling_price: 24.95, price_without_discount: 24.95, tax: 21 },
      { product_name: "Thee", product_number: "THEE-2", count: 2, price: 5.98, selling_price: 5.98, price_without_discount: 5.98, tax: 9 },
    ],
  };
  expect((await request.post(`/sandbox/ccvshop/${TENANT}/_admin/documents`, { data: { kind: "order", payload: order } })).status()).toBe(201);

  await logIn(merchant, DEMO);
  const errorsUrl = `/dashboard/${demoIntegrationId}/errors`;
  const errorRow = merchant.getByTestId("document-row").filter({ hasText: "totals_mismatch" });
  await expect(async () => {
    await merchant.goto(errorsUrl);
    await expect(errorRow).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await shot(merchant, "errors");

  // Report problem, with the keyboard: the dialog opens on the message box.
  let problemNumber = "";
  await test.step("the merchant reports the problem with a message", async () => {
    await errorRow.getByRole("button", { name: "Report problem" }).focus();
    await merchant.keyboard.press("Enter");
    const dialog = merchant.getByRole("dialog", { name: "Report a problem" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Your message (optional)")).toBeFocused();
    await merchant.keyboard.type("The total in my shop is 49.99; what is wrong?");
    await shot(merchant, "report-dialog");
    await dialog.getByRole("button", { name: "Send report" }).click();
    const confirmation = dialog.getByRole("status");
    await expect(confirmation).toContainText(/we received your report as ticket #[A-Z0-9]{8}/);
    problemNumber = (await confirmation.textContent())!.match(/#[A-Z0-9]{8}/)![0];
    await shot(merchant, "report-sent");
    await dialog.getByRole("link", { name: `View ticket ${problemNumber}` }).click();
    await expect(merchant).toHaveURL(/\/dashboard\/support\/[^/]+$/);
    await expect(merchant.getByRole("heading", { level: 1 })).toContainText(`Ticket ${problemNumber}: Order`);
    await expect(merchant.getByRole("heading", { level: 1 })).toContainText("totals_mismatch");
    await expect(merchant.getByTestId("ticket-message").first()).toContainText("The total in my shop is 49.99");
    await shot(merchant, "ticket");
  });

  await test.step("Ask us creates a question", async () => {
    await merchant.getByRole("link", { name: "Support", exact: true }).click();
    await expect(merchant.getByRole("heading", { name: "Support", level: 1 })).toBeVisible();
    await merchant.getByRole("button", { name: "Ask us" }).click();
    const dialog = merchant.getByRole("dialog", { name: "Ask us anything" });
    await dialog.getByLabel("Subject").fill("Invoice layout");
    await dialog.getByLabel("Your question").fill("Can the invoices show our logo?");
    await dialog.getByLabel("About integration (optional)").selectOption({ label: `CCV Shop → Rompslomp (${KEY})` });
    await dialog.getByRole("button", { name: "Send question" }).click();
    await expect(dialog.getByRole("status")).toContainText(/your question was sent as ticket #[A-Z0-9]{8}/);
    await dialog.getByRole("button", { name: "Close" }).click();
    const tickets = merchant.getByRole("table", { name: "Your tickets" });
    await expect(tickets.getByTestId("ticket-row")).toHaveCount(2);
    await expect(tickets.getByTestId("ticket-row").filter({ hasText: "Invoice layout" })).toContainText("Question");
    await expect(tickets.getByTestId("ticket-row").filter({ hasText: problemNumber })).toContainText("Open");
    await shot(merchant, "tickets");
  });

  const answer = "The order's lines add up to 41.86, not 49.99: a line or discount is missing in the shop. Correct it there, then click Process.";
  let merchantUrl = "";
  await test.step("the operator finds the merchant by license key, reads the raw exchange and answers", async () => {
    await logIn(operator, OPERATOR);
    await operator.getByRole("link", { name: "Operator area" }).click();
    await expect(operator.getByRole("heading", { name: "Tickets", level: 1 })).toBeVisible();
    await expect(operator.getByTestId("inbox-row").first()).toContainText("Open");
    await operator.getByRole("navigation", { name: "Operator" }).getByRole("link", { name: "Merchants" }).click();
    await operator.getByLabel("Search by email, company or license key").fill(KEY);
    await operator.getByRole("button", { name: "Search" }).click();
    await expect(operator.getByTestId("merchant-row")).toHaveCount(1);
    await operator.getByRole("link", { name: "Demo Webwinkel B.V." }).click();
    await expect(operator).toHaveURL(/\/ops\/merchants\/[^/?]+$/);
    merchantUrl = operator.url();
    const integration = operator.getByTestId("integration-row").filter({ hasText: KEY });
    await expect(integration).toContainText("active");
    await expect(operator.getByRole("table", { name: "Recent errors" })).toContainText("totals_mismatch");
    await shot(operator, "ops-merchant");

    await operator.getByRole("link", { name: /totals_mismatch/ }).click();
    await expect(operator.getByRole("heading", { level: 1 })).toContainText(problemNumber);
    await expect(operator.getByText("The total in my shop is 49.99; what is wrong?")).toBeVisible();
    const exchange = operator.getByTestId("raw-exchange");
    await expect(exchange).toContainText("ccvshop GET");
    await exchange.locator("summary").first().click();
    await expect(exchange.locator("pre").first()).toContainText("49.99");
    await shot(operator, "ops-ticket");

    await operator.getByLabel(/Your answer/).fill(answer);
    await operator.getByRole("button", { name: "Send answer" }).click();
    await expect(operator.getByRole("status")).toContainText("Answer sent; the merchant was mailed.");
    await expect(operator.getByTestId("ticket-message").last()).toContainText(answer);
  });

  await test.step("the merchant sees the answer", async () => {
    await merchant.goto("/dashboard/support");
    await expect(merchant.getByTestId("ticket-row").filter({ hasText: problemNumber })).toContainText("Answered");
    await merchant.getByTestId("ticket-row").filter({ hasText: problemNumber }).getByRole("link").click();
    const last = merchant.getByTestId("ticket-message").last();
    await expect(last).toContainText("Boekkoppeling support");
    await expect(last).toContainText(answer);
    await shot(merchant, "answer");
  });

  await test.step("the operator views the merchant's dashboard read-only; a change is refused; Stop ends it", async () => {
    await operator.goto(merchantUrl);
    await operator.getByRole("button", { name: "Open dashboard (read-only)" }).click();
    await expect(operator).toHaveURL(/\/dashboard$/);
    await expect(operator.getByTestId("view-as-banner")).toHaveText("Viewing Demo Webwinkel B.V. read-only");
    await expect(operator.getByText(KEY)).toBeVisible();
    await operator.goto(errorsUrl);
    const row = operator.getByTestId("document-row").filter({ hasText: "totals_mismatch" });
    await row.getByRole("button", { name: "Process" }).click();
    await expect(row.getByRole("status")).toContainText("Read-only view: you are viewing a merchant's dashboard as an operator, so nothing can be changed.");
    await shot(operator, "read-only");
    await operator.reload();
    await expect(operator.getByTestId("document-row").filter({ hasText: "totals_mismatch" })).toHaveCount(1);

    await operator.getByRole("region", { name: "Read-only view" }).getByRole("button", { name: "Stop" }).click();
    await expect(operator).toHaveURL(merchantUrl);
    await expect(operator.getByTestId("view-as-banner")).toHaveCount(0);
    await operator.goto("/dashboard");
    await expect(operator.getByRole("heading", { name: "Your integrations" })).toBeVisible();
    await expect(operator.getByText(KEY)).toHaveCount(0);
    await shot(operator, "stopped");
  });
});
