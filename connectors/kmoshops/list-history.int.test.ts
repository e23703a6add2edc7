import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "../sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createKmoShopsSource } from "./index";
import { sandboxCredentials } from "./sandbox/credentials";
import { baseUrlOf, callSandbox, loggedRequests, postDocument } from "./sandbox/test-harness";

const tenant = "history";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: inProcessSandboxFetch };
const order = { status: "paid", lines: [{ sku: "MOK", name: "Mok", quantity: 1, priceincltax: "12.10", tax_rate: "21" }] };

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

describe("KMO Shops listHistory: orders placed in the range, page by page", () => {
  it("keeps the orders created in the range, leaves out those placed before or after, pages by the shop's token", async () => {
    const res = await callSandbox(tenant, "POST", "_admin/bulk-orders", { count: 7, payload: order, updated_at: "2025-03-05T10:00:00+01:00", spread_seconds: 60 });
    expect(res.status).toBe(201);
    const { first, last } = (await res.json()) as { first: string; last: string };
    const inside = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => String(Number(first) + i));
    // Placed before the range but changed in it; placed after the range.
    const older = await postDocument(tenant, "order", { ...order, created_at: "2025-02-20T10:00:00+01:00", updated_at: "2025-03-10T10:00:00+01:00" });
    const later = await postDocument(tenant, "order", { ...order, created_at: "2025-04-02T10:00:00+02:00" });

    const source = createKmoShopsSource(ctx, {}, { pageSize: 3 });
    const start = (await loggedRequests(tenant)).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    for (;;) {
      const page = await source.listHistory({ from: "2025-03-01", to: "2025-03-31", cursor });
      seen.push(...page.notices.map((n) => `${n.kind}:${n.sourceId}`));
      calls++;
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(inside.map((id) => `order:${id}`));
    expect(seen).not.toContain(`order:${older}`);
    expect(seen).not.toContain(`order:${later}`);
    const made = (await loggedRequests(tenant)).slice(start);
    expect(made).toHaveLength(calls);
    expect(calls).toBe(3); // 9 orders changed since 1 March, in pages of 3
    expect(made.every((r) => r.path.includes("updated_since=2025-02-28T23%3A00%3A00.000Z") && r.path.includes("limit=3"))).toBe(true);
  });
});
