import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./login";
import { HISTORY_MERCHANT as M } from "./seeds/history";

// The acceptance scenario for the history import, on a merchant of its own
// (e2e/seeds/history.ts): E2E_HISTORY_DOCS (2,000 in the acceptance run, 200 in CI) Magento 2 invoices from before the integration's start date are
// scanned (count and totals first), imported with a progress bar, paused, resumed, and booked in
// the Rompslomp sandbox exactly once each.
const TENANT = M.licenseKey.toLowerCase();

const progressOf = async (page: Page) => Number(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow"));
const bookedOf = async (page: Page) => Number(/Booked (\d+)/.exec((await page.getByTestId("history-progress").textContent()) ?? "")?.[1] ?? NaN);

const many = M.count.toLocaleString("en");

test(`history import of ${many} documents: totals before starting, progress, pause and resume, each booked once`, async ({ page, request }) => {
  test.setTimeout(45 * 60_000);
  const started = Date.now();
  const lap = (what: string) => console.log(`[history-import] ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await logIn(page, M);
  await page.getByRole("link", { name: "Magento 2 → Rompslomp" }).click();
  await page.getByRole("navigation", { name: "Integration tabs" }).getByRole("link", { name: "History import" }).click();
  await expect(page.getByRole("heading", { name: "History import", level: 2 })).toBeVisible();

  // Scan the range before the start date: the count and totals show before anything is booked.
  await page.getByLabel("From", { exact: true }).fill(M.from);
  await page.getByLabel("To", { exact: true }).fill(M.to);
  await page.getByRole("button", { name: "Scan" }).click();
  await expect(page.getByTestId("history-to-book")).toHaveText(`${many} documents to book`, { timeout: 5 * 60_000 });
  lap("scanned");
  const totals = page.getByRole("table", { name: /documents to book/ });
  await expect(totals.getByRole("row", { name: /Invoices/ })).toContainText(many);
  await expect(totals.getByRole("row", { name: /Invoices/ })).toContainText(M.totalIncl);
  await expect(totals.getByRole("row", { name: /Invoices/ })).toContainText(M.totalExcl);
  const before = (await (await request.get(`/sandbox/rompslomp/${TENANT}/_admin/state`)).json()) as { invoices: unknown[] };
  expect(before.invoices).toHaveLength(0);

  // Start: the progress bar advances.
  await page.getByRole("button", { name: "Start import" }).click();
  await expect.poll(() => bookedOf(page), { timeout: 3 * 60_000 }).toBeGreaterThan(40);
  lap("40+ booked");

  // Pause: the batch already handed over finishes, then the progress stops.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused: no new documents are booked until you resume.")).toBeVisible();
  let settled = -1;
  await expect.poll(async () => {
    const now = await progressOf(page);
    const same = now === settled;
    settled = now;
    return same;
  }, { timeout: 60_000, intervals: [3_000] }).toBe(true);
  await page.waitForTimeout(4_000);
  expect(await progressOf(page)).toBe(settled);
  expect(settled).toBeLessThan(M.count);
  lap(`paused at ${settled}`);

  // Resume: it goes on to the end, and the summary says all were booked.
  await page.getByRole("button", { name: "Resume" }).click();
  await expect.poll(() => progressOf(page), { timeout: 60_000 }).toBeGreaterThan(settled);
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 35 * 60_000 });
  lap("finished");
  await expect(page.getByTestId("history-summary")).toContainText(`${many} booked, 0 errors, 0 skipped.`);
  await expect(page.getByTestId("history-progress")).toHaveText(`Booked ${M.count} · Errors 0 · Skipped 0 · Remaining 0`);
  await expect(page.getByRole("table", { name: "Booked totals" }).getByRole("row", { name: /Invoices/ })).toContainText(M.totalIncl);

  // The target holds each exactly once.
  const state = (await (await request.get(`/sandbox/rompslomp/${TENANT}/_admin/state`)).json()) as { invoices: { api_reference: string }[] };
  const refs = state.invoices.map((i) => i.api_reference);
  expect(refs).toHaveLength(M.count);
  expect(new Set(refs).size).toBe(M.count);
});
