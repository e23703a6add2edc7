import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetSandboxRateLimits, SANDBOX_LIMITS } from "@/connectors/ccvshop/sandbox/rate-limit";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { scanPage } from "./scan-page";

/**
 * A history scan of a CCV Shop under CCV's rate limit (the sandbox enforces 150 reads a minute per
 * resource; each order costs two: the order and its rows, so a page of 100 orders needs 201). Scaled
 * down here to keep the test quick: 20 reads a minute and a page of 15 orders (31 reads). The page
 * must wait the limit out and go on, not fail and read everything again (which never got through:
 * every retry hit the limit at the same place). The sandbox's clock is moved on by the waits
 * instead of waiting for real.
 */
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const ORDERS = 15;
const READS_PER_MINUTE = 20;
let t: TestDb;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
});
const defaultReads = SANDBOX_LIMITS.read;
afterAll(async () => { SANDBOX_LIMITS.read = defaultReads; vi.useRealTimers(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = { product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, selling_price: 24.95, price_without_discount: 24.95, tax: 21, price_with_attributes: 24.95, price_without_discount_with_attributes: 24.95 };
const order = {
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 0, total_price: 24.95, total_tax: 4.33,
  currency: "EUR", is_intra_community_order: false, customer: { email: "eva@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } }, orderrows: [row],
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("history scan under the shop's rate limit", () => {
  it("waits out 429s within the page: every order scanned, the list read once", async () => {
    for (let i = 0; i < ORDERS; i++) {
      const res = await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/${TENANT}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload: order }) });
      expect(res.status).toBe(201);
    }
    const integration = await loadIntegration(t.db, (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id);
    const importId = (await t.db.historyImport.create({ data: { integrationId: integration.id, fromDate: day(-1), toDate: day(1), status: "scanning" } })).id;
    const { source } = connectorsFor(integration, () => undefined);

    resetSandboxRateLimits();
    SANDBOX_LIMITS.read = READS_PER_MINUTE;
    vi.useFakeTimers({ toFake: ["Date"] });
    const waits: number[] = [];
    const result = await scanPage(t.db, importId, source, { sleep: async (ms) => { waits.push(ms); vi.setSystemTime(Date.now() + ms); } });
    vi.useRealTimers();
    SANDBOX_LIMITS.read = defaultReads;

    expect(result).toEqual({ done: true, found: ORDERS });
    expect(await t.db.historyImportItem.count({ where: { importId, notEligible: null } })).toBe(ORDERS);
    const requests = (await (await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/${TENANT}/_admin/requests`)).json()) as { path: string; status: number }[];
    const reads = requests.filter((r) => r.path.startsWith("/api/rest/v1/orders"));
    expect(waits.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.status === 429)).toHaveLength(waits.length);
    expect(reads.filter((r) => r.status === 200 && r.path.startsWith("/api/rest/v1/orders?"))).toHaveLength(1);
    // Each order read once (with its rows); a 429 on the rows repeats that one order's read only.
    const ok = reads.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1 + 2 * ORDERS);
    expect(ok).toBeLessThanOrEqual(1 + 2 * ORDERS + waits.length);
  });
});
