import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createMagento1Source } from "./index";
import { admin, postDocument, requestLog, sandboxCtx } from "./sandbox/testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

async function bulk(tenant: string, kind: "invoice" | "creditnote", createdAt: string[], orderId: string): Promise<string[]> {
  const res = await admin(tenant, "POST", "documents/bulk", { kind, payloads: createdAt.map((created_at) => ({ order_id: orderId, created_at })), complete: false });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ids: string[] }).ids;
}

describe("Magento 1.9 listHistory: the range's documents, keyset pages per kind", () => {
  it("pages by entity_id within the Dutch days of the range, nothing outside, credit memos when booked", async () => {
    const tenant = "m1-history";
    const orderId = await postDocument(tenant, "order", {});
    const [before, ...inside] = await bulk(tenant, "invoice", [
      "2025-02-28 22:59:59", "2025-02-28 23:00:00", "2025-03-05 10:00:00", "2025-03-10 10:00:00", "2025-03-15 10:00:00", "2025-03-31 21:59:59", "2025-03-31 22:00:00",
    ], orderId);
    const after = inside.pop();
    const credits = await bulk(tenant, "creditnote", ["2025-03-02 10:00:00", "2025-04-02 10:00:00"], orderId);

    const source = createMagento1Source(sandboxCtx(tenant), { creditInvoices: true }, { pageSize: 2 });
    const start = (await requestLog(tenant)).length;
    const seen: { kind: string; sourceId: string }[] = [];
    let cursor: string | null = null;
    let calls = 0;
    for (;;) {
      const page = await source.listHistory({ from: "2025-03-01", to: "2025-03-31", cursor });
      expect(page.notices.length).toBeLessThanOrEqual(2);
      seen.push(...page.notices);
      cursor = page.cursor;
      calls++;
      if (!page.more) break;
    }
    expect(seen).toEqual([...inside.map((sourceId) => ({ kind: "invoice", sourceId })), { kind: "creditnote", sourceId: credits[0] }]);
    expect(seen.map((s) => s.sourceId)).not.toContain(before);
    expect(seen.map((s) => s.sourceId)).not.toContain(after);
    const made = (await requestLog(tenant)).slice(start);
    expect(made).toHaveLength(calls);
    expect(made.every((r) => decodeURIComponent(r.path).includes("[attribute]=created_at"))).toBe(true);
  });
});
