import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { LISTS_MERCHANT } from "./seeds/lists";
import { logIn } from "./login";

// Issue 10, "errors grouped by cause": a CCV Shop → Rompslomp integration of its own whose VAT
// grid lacks Germany 19% (e2e/seeds/lists.ts). German orders all fail on it and form ONE group;
// its link leads to the setting; the grid is fixed in the UI; "Retry all in this group" books them,
// each exactly once in the Rompslomp sandbox. Plus bulk "Process selected" and a CSV download.

const KEY = LISTS_MERCHANT.licenseKey;
const TENANT = KEY.toLowerCase();
const ORDERS = 5;
// The Rompslomp sandbox's "aangepast" VAT type, which the demo books other EU countries' rates with.
const ROMPSLOMP_CUSTOM_VAT = "733905127";
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/errors-grouped-${name}.png`, fullPage: true });

// A consumer in Germany: every line at 19%, incl. VAT. 23.80 + 2 × 5.95 + 4.95 = 40.65, of which 6.49 VAT.
const germanOrder = (n: number) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 19, total_shipping: 4.95,
  total_price: 40.65, total_tax: 6.49, currency: "EUR", is_intra_community_order: false,
  customer: { email: `kunde${n}@example.de`, billingaddress: { first_name: "Jonas", last_name: `Müller; "${n}"`, country_code: "DE" }, deliveryaddress: { country_code: "DE" } },
  orderrows: [
    { product_name: "Teekanne", product_number: "POT-1", count: 1, price: 23.8, selling_price: 23.8, price_without_discount: 23.8, tax: 19 },
    { product_name: "Tee", product_number: "TEE-2", count: 2, price: 5.95, selling_price: 5.95, price_without_discount: 5.95, tax: 19 },
  ],
});

/** Semicolon CSV with RFC 4180 quoting, as lib/dashboard/csv.ts writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") { row.push(cell); cell = ""; } else if (c === "\r") continue;
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test("errors grouped by cause: one group for Germany 19%, fix the grid, retry all books each once", async ({ page, request }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // German orders placed in the shop; its webhooks announce them and each fails on the missing rate.
  const ids: string[] = [];
  for (let n = 1; n <= ORDERS; n++) {
    const res = await request.post(`/sandbox/ccvshop/${TENANT}/_admin/documents`, { data: { kind: "order", payload: germanOrder(n) } });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }

  await logIn(page, LISTS_MERCHANT);
  await page.getByRole("link", { name: "CCV Shop → Rompslomp" }).click();
  await expect(page).toHaveURL(/\/report$/);
  const base = page.url().replace(/\/report$/, "");
  const integrationId = new URL(base).pathname.split("/").pop()!;

  const groups = page.getByTestId("error-group");
  const germany = groups.filter({ hasText: "Germany 19% has no VAT code" });
  await expect(async () => {
    await page.goto(`${base}/errors`);
    await expect(germany).toContainText(`${ORDERS} documents: Germany 19% has no VAT code`, { timeout: 1000 });
  }).toPass({ timeout: 120_000 });
  await expect(groups).toHaveCount(1);
  await expect(germany.getByRole("link", { name: "Fix it in the VAT grid" })).toHaveAttribute("href", `/dashboard/${integrationId}/configuration#settings-vat`);
  await shot(page, "one-group");

  await test.step("bulk Process selected: select all on the page queues every document of the group again", async () => {
    await germany.getByRole("link", { name: "Show documents" }).click();
    await expect(page).toHaveURL(/group=/);
    const table = germany.getByRole("table", { name: "errors documents" });
    await expect(table.getByTestId("document-row")).toHaveCount(ORDERS);
    await expect(germany.getByTestId("list-total")).toHaveText(`${ORDERS} of ${ORDERS}`);
    await table.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(page.getByRole("button", { name: `Process selected (${ORDERS})` })).toBeVisible();
    await page.getByRole("button", { name: /Process selected/ }).click();
    await expect(page.getByTestId("list-status")).toHaveText(`${ORDERS} documents queued again.`);
    // Nothing is fixed yet: they fail again, on the same cause, still one group.
    await expect(async () => {
      await page.reload();
      await expect(germany).toContainText(`${ORDERS} documents: Germany 19% has no VAT code`, { timeout: 1000 });
    }).toPass({ timeout: 120_000 });
    await expect(groups).toHaveCount(1);
  });

  await test.step("the link leads to the VAT setting; the grid is fixed in the UI", async () => {
    await germany.getByRole("link", { name: "Fix it in the VAT grid" }).click();
    await expect(page).toHaveURL(`${base}/configuration#settings-vat`);
    const vat = page.locator("#settings-vat");
    await expect(vat).toBeVisible();
    await vat.getByRole("link", { name: "Edit the VAT grid" }).click();
    await expect(page).toHaveURL(new RegExp(`/install/${KEY}#vat$`));
    // The VAT codes and accounts of the administration, read from Rompslomp, fill the grid's choices.
    await page.getByRole("button", { name: "Refresh administration data" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Administration data refreshed." })).toBeVisible();
    await expect(page.getByRole("table", { name: "VAT grid" })).toContainText("Germany");
    await expect(page.getByLabel("DE 7% VAT code")).toHaveValue(ROMPSLOMP_CUSTOM_VAT);
    await expect(page.getByLabel("DE 19% VAT code")).toHaveValue("");
    await page.getByLabel("DE 19% VAT code").selectOption(ROMPSLOMP_CUSTOM_VAT);
    await page.getByRole("combobox", { name: "DE 19% revenue account" }).selectOption({ label: "8000 Omzet hoog" });
    await page.getByRole("button", { name: "Save VAT settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "VAT settings saved" })).toBeVisible();
    await shot(page, "grid-fixed");
  });

  await test.step("Process selected on one document books it", async () => {
    await page.goto(`${base}/errors`);
    const first = page.getByTestId("document-row").first();
    await first.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Process selected (1)" }).click();
    await expect(page.getByTestId("list-status")).toHaveText("1 document queued again.");
    await expect(async () => {
      await page.goto(`${base}/report`);
      await expect(page.getByTestId("document-row")).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 120_000 });
  });

  await test.step("Retry all in this group books the rest", async () => {
    await page.goto(`${base}/errors`);
    await expect(germany).toContainText(`${ORDERS - 1} documents: Germany 19% has no VAT code`);
    await germany.getByRole("button", { name: "Retry all in this group" }).click();
    await expect(page.getByTestId("list-status")).toHaveText(`${ORDERS - 1} documents queued again.`);
    await expect(async () => {
      await page.goto(`${base}/report`);
      await expect(page.getByTestId("document-row")).toHaveCount(ORDERS, { timeout: 1000 });
    }).toPass({ timeout: 180_000 });
    await expect(page.getByTestId("list-total")).toHaveText(`${ORDERS} of ${ORDERS}`);
    await page.goto(`${base}/errors`);
    await expect(page.getByText("No errors. Everything that arrived could be booked.")).toBeVisible();
    await page.goto(`${base}/report`);
    await shot(page, "all-booked");
  });

  // In Rompslomp: each order exactly once.
  const state = (await (await request.get(`/sandbox/rompslomp/${TENANT}/_admin/state`)).json()) as { invoices: { api_reference: string }[] };
  for (const id of ids) expect(state.invoices.filter((i) => i.api_reference === `${KEY}-order-${id}`)).toHaveLength(1);
  expect(state.invoices).toHaveLength(ORDERS);

  await test.step("Download CSV of the Report: one row per booked order, amounts with a dot, quoting intact", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    const header = rows[0]!;
    expect(header).toEqual(["Booked at", "Kind", "Number", "Shop id", "Document date", "Customer", "Currency", "Total incl. VAT", "Total excl. VAT", "Booked as", "Reference in accounting"]);
    const body = rows.slice(1);
    expect(body).toHaveLength(ORDERS);
    expect(body.map((r) => r[header.indexOf("Shop id")]).sort()).toEqual([...ids].sort());
    for (const r of body) {
      expect(r[header.indexOf("Total incl. VAT")]).toBe("40.65");
      expect(r[header.indexOf("Total excl. VAT")]).toBe("34.16");
      expect(r[header.indexOf("Booked at")]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(r[header.indexOf("Customer")]).toMatch(/^Jonas Müller; "\d"$/);
    }
    // The period filter: a period before any booking exports the header only.
    const empty = await page.request.get(`/api/integrations/${integrationId}/exports/report?from=2001-01-01&to=2001-01-31`);
    expect(empty.headers()["content-type"]).toContain("text/csv");
    expect(parseCsv((await empty.text()).slice(1))).toHaveLength(1);
  });
});
