import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { precheck } from "@/lib/domain/precheck";
import creditmemo from "./__fixtures__/creditmemo.json";
import invoice from "./__fixtures__/invoice.json";
import order from "./__fixtures__/order.json";
import { createMagento1Source } from "./index";
import { admin, postDocument, requestLog, sandboxCtx } from "./sandbox/testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const minute = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString().slice(0, 19).replace("T", " ");
async function bulk(tenant: string, kind: "invoice" | "creditnote", payloads: object[], complete = true): Promise<string[]> {
  const res = await admin(tenant, "POST", "documents/bulk", { kind, payloads, complete });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ids: string[] }).ids;
}
const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => rest;

describe("Magento 1.9 pollChanges", () => {
  it("2,000 documents of which 20 are new: 20 notices, one request per kind", async () => {
    const tenant = "m1-poll-volume";
    const orderId = await postDocument(tenant, "order", {});
    await bulk(tenant, "invoice", Array.from({ length: 1_600 }, (_, i) => ({ order_id: orderId, created_at: minute(i) })), false);
    await bulk(tenant, "creditnote", Array.from({ length: 400 }, (_, i) => ({ order_id: orderId, created_at: minute(i) })), false);
    const source = createMagento1Source(sandboxCtx(tenant), { creditInvoices: true });
    const first = await source.pollChanges({ cursor: null, startDate: "2025-01-01" });
    expect(first.notices).toEqual([]);

    const invoices = await bulk(tenant, "invoice", Array.from({ length: 15 }, () => ({ order_id: orderId })), false);
    const credits = await bulk(tenant, "creditnote", Array.from({ length: 5 }, () => ({ order_id: orderId })), false);
    const before = (await requestLog(tenant)).length;
    const second = await source.pollChanges({ cursor: first.cursor, startDate: "2025-01-01" });
    expect(second.notices).toEqual([...invoices.map((sourceId) => ({ kind: "invoice", sourceId })), ...credits.map((sourceId) => ({ kind: "creditnote", sourceId }))]);
    expect(second.more).toBe(false);
    expect((await requestLog(tenant)).slice(before).map((r) => r.path.split("?")[0])).toEqual(["/api/rest/invoices", "/api/rest/creditmemos"]);

    // Credit invoices off (the manual's default): they are not even asked for.
    const invoicesOnly = createMagento1Source(sandboxCtx(tenant), {});
    // Nothing new: the look-back window's invoices again, each a re-check.
    const mark = (await requestLog(tenant)).length;
    const third = await invoicesOnly.pollChanges({ cursor: second.cursor, startDate: "2025-01-01" });
    expect(third.notices).toEqual(invoices.map((sourceId) => ({ kind: "invoice", sourceId, recheck: true })));
    expect((await requestLog(tenant)).slice(mark).map((r) => r.path.split("?")[0])).toEqual(["/api/rest/invoices"]);
  });

  it("stops when Magento 1 repeats the last page, without repeating a notice; the cursor then reads only the look-back window again", async () => {
    const tenant = "m1-poll-paging";
    const ids = await bulk(tenant, "invoice", Array.from({ length: 200 }, (_, i) => ({ created_at: minute(i) })), false);
    const source = createMagento1Source(sandboxCtx(tenant), {});
    const result = await source.pollChanges({ cursor: null, startDate: "2023-12-31" });
    expect(result.notices.map((n) => n.sourceId)).toEqual(ids);
    expect((await requestLog(tenant)).map((r) => /page=(\d+)/.exec(r.path)?.[1])).toEqual(["1", "2", "3"]); // page 3 = page 2 again
    // The last invoice is at minute 199: minutes 184–199 are within 15 minutes of it.
    const again = await source.pollChanges({ cursor: result.cursor, startDate: "2023-12-31" });
    expect(again.notices).toEqual(ids.slice(-16).map((sourceId) => ({ kind: "invoice", sourceId, recheck: true })));
  });

  it("goes on where a walk cut short stopped, without skipping or repeating a new invoice", async () => {
    const tenant = "m1-poll-bounded";
    const ids = await bulk(tenant, "invoice", Array.from({ length: 23 }, (_, i) => ({ created_at: minute(i) })), false);
    const source = createMagento1Source(sandboxCtx(tenant), {}, { pageSize: 10, maxPages: 1 });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let call = 0; call < 5; call++) {
      const result = await source.pollChanges({ cursor, startDate: "2023-12-31" });
      seen.push(...result.notices.filter((n) => !n.recheck).map((n) => n.sourceId));
      cursor = result.cursor;
      if (!result.more) break;
    }
    expect(seen).toEqual(ids);
  });

  it("finds an invoice that became visible behind a higher id already polled (its transaction committed last)", async () => {
    const tenant = "m1-poll-late-commit";
    const [a, b] = await bulk(tenant, "invoice", [{ entity_id: 100, created_at: "2024-05-01 12:00:00" }, { entity_id: 102, created_at: "2024-05-01 12:05:00" }], false);
    const source = createMagento1Source(sandboxCtx(tenant), {});
    const first = await source.pollChanges({ cursor: null, startDate: "2024-05-01" });
    expect(first.notices.map((n) => n.sourceId)).toEqual([a, b]);

    // Its id (101) was taken before b's, but it is visible only now.
    const [lateId] = await bulk(tenant, "invoice", [{ entity_id: 101, created_at: "2024-05-01 12:04:00" }], false);
    const next = await source.pollChanges({ cursor: first.cursor, startDate: "2024-05-01" });
    expect(next.notices).toEqual([a, lateId, b].map((sourceId) => ({ kind: "invoice", sourceId, recheck: true })));
  });

  it("a polled invoice is fetched with its order and maps per the manual; a credit invoice waits for the setting", async () => {
    const tenant = "m1-poll-flow";
    const orderId = await postDocument(tenant, "order", strip(order));
    const invoiceId = await postDocument(tenant, "invoice", { ...strip(invoice), order_id: orderId, created_at: undefined });
    const creditId = await postDocument(tenant, "creditnote", { ...strip(creditmemo), order_id: orderId, created_at: undefined });
    const source = createMagento1Source(sandboxCtx(tenant), { creditInvoices: true });
    const polled = await source.pollChanges({ cursor: null, startDate: "2024-01-01" });
    expect(polled.notices).toEqual([{ kind: "invoice", sourceId: invoiceId }, { kind: "creditnote", sourceId: creditId }]);

    const fetched = await source.fetchDocument("invoice", invoiceId);
    const doc = source.normalize(fetched);
    expect(doc).toMatchObject({ source: { system: "magento1", id: invoiceId, number: "100000007", orderNumber: "100000012", affiliate: "ch-9" }, totals: { incl: "65.96", vat: "9.96", excl: "56" } });
    expect(() => precheck(doc)).not.toThrow();

    const credit = await source.fetchDocument("creditnote", creditId);
    expect(source.normalize(credit)).toMatchObject({ creditFactor: -1, source: { id: `1${creditId}` }, totals: { incl: "-5.45" } });
    expect(createMagento1Source(sandboxCtx(tenant), {}).eligibility(credit)).toMatchObject({ eligible: false });
  });
});
