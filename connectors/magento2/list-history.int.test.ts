import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createMagento2Source } from "./index";
import { admin, postDocument, requestLog, sandboxCtx } from "./sandbox/testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

async function bulk(tenant: string, kind: "invoice" | "creditnote", createdAt: string[], orderId: string): Promise<string[]> {
  const res = await admin(tenant, "POST", "documents/bulk", { kind, payloads: createdAt.map((created_at) => ({ order_id: orderId, created_at, base_grand_total: 12.1 })), complete: false });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ids: string[] }).ids;
}

describe("Magento 2 listHistory: the range's invoices and credit memos, page by page", () => {
  const tenant = "m2-history";
  const source = createMagento2Source(sandboxCtx(tenant), {}, { pageSize: 3 });

  it("pages through each kind within the Dutch days of the range, bounds included, nothing outside", async () => {
    const orderId = await postDocument(tenant, "order", { items: [{ sku: "S", name: "Sample" }] });
    // 1 March 2025 starts at 23:00 UTC on 28 February (CET); 31 March ends at 22:00 UTC (CEST).
    const [before, ...inside] = await bulk(tenant, "invoice", [
      "2025-02-28 22:59:59", "2025-02-28 23:00:00", "2025-03-05 10:00:00", "2025-03-10 10:00:00", "2025-03-15 10:00:00", "2025-03-20 10:00:00", "2025-03-31 21:59:59", "2025-03-31 22:00:00",
    ], orderId);
    const after = inside.pop();
    const credits = await bulk(tenant, "creditnote", ["2025-03-02 10:00:00", "2025-04-02 10:00:00"], orderId);

    const seen: { kind: string; sourceId: string }[] = [];
    const documents: unknown[] = [];
    let cursor: string | null = null;
    let calls = 0;
    const start = (await requestLog(tenant)).length;
    for (;;) {
      const page = await source.listHistory({ from: "2025-03-01", to: "2025-03-31", cursor });
      expect(page.notices.length).toBeLessThanOrEqual(3);
      seen.push(...page.notices);
      documents.push(...(page.documents ?? []));
      cursor = page.cursor;
      calls++;
      if (!page.more) break;
    }
    expect(seen).toEqual([...inside.map((sourceId) => ({ kind: "invoice", sourceId })), { kind: "creditnote", sourceId: credits[0] }]);
    expect(seen.map((s) => s.sourceId)).not.toContain(before);
    expect(seen.map((s) => s.sourceId)).not.toContain(after);
    // Six invoices in pages of three, then the credit memos: bounded list requests, each filtered by
    // date, plus their one order read once per page; the documents come whole, as fetchDocument gives them.
    const made = (await requestLog(tenant)).slice(start);
    const lists = made.filter((r) => !r.path.startsWith("/rest/V1/orders/"));
    expect(lists).toHaveLength(calls);
    expect(lists.every((r) => decodeURIComponent(r.path).includes("[field]=created_at"))).toBe(true);
    expect(made.length - lists.length).toBeLessThanOrEqual(calls);
    expect(documents).toHaveLength(seen.length);
    expect(documents[0]).toEqual(await source.fetchDocument("invoice", inside[0]!));
  });
});
