import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { logIn } from "./login";
import { DOCS_MERCHANT as M } from "./seeds/document-page";

// More info of one document: preview, audit trail, undo and changes after booking. A merchant of
// its own (e2e/seeds/document-page.ts) with its own sandbox tenants, so no other spec is disturbed.
test.describe.configure({ mode: "serial" });

const WHO = { email: M.email, password: M.password };
const ROMPSLOMP = M.rompslomp.toLowerCase();
const WEFACT = M.wefact.toLowerCase();

const row = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax, price_with_attributes: price, price_without_discount_with_attributes: price });
const customer = (email: string) => ({ email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } });
/** Theepot 21% + shipping 21%: € 29,90 incl. € 5,19 VAT. */
const order21 = (email: string, paid = true) => ({
  paid, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 29.9, total_tax: 5.19, currency: "EUR", is_intra_community_order: false, customer: customer(email), orderrows: [row("Theepot", 1, 24.95, 21)],
});

async function shopPost(request: APIRequestContext, tenant: string, kind: string, payload: unknown): Promise<string> {
  const res = await request.post(`/sandbox/ccvshop/${tenant}/_admin/documents`, { data: { kind, payload } });
  expect(res.status()).toBe(201);
  return String((await res.json()).id);
}
const booksState = async (request: APIRequestContext, system: string, tenant: string) => (await request.get(`/sandbox/${system}/${tenant}/_admin/state`)).json();

async function openIntegration(page: Page, name: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name }).click();
  return page.getByRole("navigation", { name: "Integration tabs" });
}

/** Waits (reloading) until the tab lists `count` documents, then opens the last one's More info. */
async function openFromTab(page: Page, tab: string, count: number) {
  const tabs = page.getByRole("navigation", { name: "Integration tabs" });
  const url = (await tabs.getByRole("link", { name: tab, exact: true }).getAttribute("href"))!;
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByTestId("document-row")).toHaveCount(count, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId("document-row").first().getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "More info" })).toBeVisible();
}

test("preview: a failed document shows the pipeline's error and fix; a waiting one shows lines, codes and the request; nothing is booked", async ({ page, request }) => {
  await logIn(page, WHO);
  await openIntegration(page, "CCV Shop → Rompslomp (documents)");
  // 9% is not in this integration's VAT grid: the order fails on purpose.
  await shopPost(request, ROMPSLOMP, "order", { ...order21("negen@example.nl"), total_price: 41.86, total_tax: 6.18, orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)] });
  await openFromTab(page, "Errors", 1);
  const info = page.getByRole("region", { name: "More info" });
  const pipelineError = (await info.getByTestId("error-detail").textContent())!;
  const before = await booksState(request, "rompslomp", ROMPSLOMP);
  await info.getByRole("link", { name: "Preview booking" }).click();
  const preview = page.getByTestId("booking-preview");
  await expect(preview.getByTestId("preview-error")).toHaveText(pipelineError);
  await expect(preview.getByRole("link", { name: /Configuration tab/ })).toBeVisible();

  // An unpaid order waits on Open; its preview is what Process would book once it is paid.
  await shopPost(request, ROMPSLOMP, "order", order21("onbetaald@example.nl", false));
  await openFromTab(page, "Open", 1);
  await page.getByRole("link", { name: "Preview booking" }).click();
  await expect(preview).toContainText("Not bookable yet");
  const lines = preview.getByRole("table", { name: "Lines" });
  const theepot = lines.getByRole("row").filter({ hasText: "Theepot" });
  await expect(theepot.getByRole("cell").nth(3)).toHaveText("21%");
  await expect(theepot.getByRole("cell").nth(4)).toHaveText(/^\d+$/); // Rompslomp's VAT type id, as the grid resolves 21%
  await expect(theepot.getByRole("cell").nth(5)).toHaveText(/^\d+$/); // its revenue account
  await expect(lines.getByRole("row")).toHaveCount(3); // header, Theepot, shipping
  await expect(preview).toContainText("To be created");
  await expect(preview).toContainText(/POST \S*\/api\/v1\/companies\/[^/\s]+\/sales_invoices/);
  await expect(preview.getByLabel("The request the accounting system would receive")).toContainText(`"api_reference": "${M.rompslomp}-order-`);
  await expect(preview).not.toContainText("Bearer");
  expect(await booksState(request, "rompslomp", ROMPSLOMP)).toEqual(before);
});

test("the audit trail lists the attempt, its calls and the Process click in order, with who clicked", async ({ page }) => {
  await logIn(page, WHO);
  await openIntegration(page, "CCV Shop → Rompslomp (documents)");
  await openFromTab(page, "Errors", 1);
  await page.getByRole("region", { name: "More info" }).getByRole("button", { name: "Process" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Queued" })).toBeVisible();
  const trail = page.getByTestId("audit-trail");
  // Entries oldest first, consecutive calls counted once (one fetch may be several requests).
  const actions = async () => {
    const all = await trail.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-action") ?? li.getAttribute("data-kind") ?? ""));
    return all.filter((a, i) => a !== "call" || all[i - 1] !== "call");
  };
  await expect(async () => {
    await page.reload();
    const seen = await actions();
    expect(seen.slice(0, 3)).toEqual(["attempt.started", "call", "attempt.failed"]);
    expect(seen.slice(-4)).toEqual(["document.process", "attempt.started", "call", "attempt.failed"]);
  }).toPass({ timeout: 60_000 });
  await expect(trail.locator('li[data-action="document.process"]')).toContainText("Dora Docs");
  await expect(trail.locator('li[data-action="attempt.failed"]').first()).toContainText("vat_rate_unmapped");
});

test("undo a booked WeFact invoice (credited), then Process books it again", async ({ page, request }) => {
  await logIn(page, WHO);
  await openIntegration(page, "CCV Shop → WeFact (documents)");
  const orderId = await shopPost(request, WEFACT, "order", { ...order21("ongedaan@example.nl"), paymethod_costs: 0 });
  await shopPost(request, WEFACT, "invoice", { order: Number(orderId), total_shipping: 4.95, shipping_tax_percentage: 21, invoicerows: [row("Theepot", 1, 24.95, 21)] });
  await openFromTab(page, "Report", 1);
  const info = page.getByRole("region", { name: "More info" });
  await expect(info).toContainText("Status: Booked");
  await info.getByRole("button", { name: "Undo booking" }).click();
  const dialog = page.getByRole("dialog", { name: "Undo this booking?" });
  await dialog.getByRole("button", { name: "Yes, undo booking" }).click();
  await expect(info).toContainText("booking_undone"); // the page re-renders: on Errors until Process
  await expect(info.getByTestId("error-detail")).toContainText("was credited");
  await expect(page.getByTestId("audit-trail").locator('li[data-action="booking.undone"]')).toContainText("Dora Docs");

  await info.getByRole("button", { name: "Process" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Queued" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(info).toContainText("Status: Booked", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  const invoices = (await booksState(request, "wefact", WEFACT)).invoices as { Status: string }[];
  expect(invoices.map((i) => i.Status).sort()).toEqual(["2", "8", "9"]); // one credited, its credit invoice, one live booking
});

test("a booked order changed in the shop is flagged with its differences", async ({ page, request }) => {
  await logIn(page, WHO);
  const tabs = await openIntegration(page, "CCV Shop → Rompslomp (documents)");
  const id = await shopPost(request, ROMPSLOMP, "order", order21("gewijzigd@example.nl"));
  await openFromTab(page, "Report", 1);
  const info = page.getByRole("region", { name: "More info" });
  await expect(info).toContainText("Status: Booked");
  // Rompslomp publishes: undo is not offered, and the page says why.
  await expect(info.getByTestId("undo-unavailable")).toContainText("concept invoices");

  const changed = await request.patch(`/sandbox/ccvshop/${ROMPSLOMP}/_admin/documents/${id}`, { data: { status: 5, total_shipping: 6.95, total_price: 31.9, total_tax: 5.54 } });
  expect(changed.status()).toBe(200);
  const changes = page.getByTestId("shop-changes");
  await expect(async () => {
    await page.reload();
    await expect(changes).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  const total = changes.getByRole("row").filter({ hasText: /^total incl\. VAT/ });
  await expect(total).toContainText("29.90");
  await expect(total).toContainText("31.90");
  await tabs.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByTestId("changed-after-booking")).toContainText("Changed in the shop after booking: 1");
});
