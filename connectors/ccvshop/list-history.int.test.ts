import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createCcvClient } from "./client";
import { createCcvShopSource } from "./index";
import { listHistory } from "./list-history";
import { sandboxCredentials } from "./sandbox/credentials";
import { baseUrlOf, callSandbox, sandboxFetch } from "./sandbox/test-harness";

const tenant = "ccv-history";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: sandboxFetch };
const post = async (kind: string, payload: Record<string, unknown>) => {
  const res = await callSandbox(tenant, "POST", "_admin/documents", { kind, payload });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const requests = async () => ((await (await callSandbox(tenant, "GET", "_admin/requests")).json()) as { path: string }[]).filter((r) => r.path.startsWith("/api/"));

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

describe("CCV Shop listHistory: documents created in the range, page by page", () => {
  it("asks by create date with start/size paging and keeps the Dutch days of the range only", async () => {
    const row = { product_name: "Mok", product_number: "MOK-01", count: 1, price: 12.1, tax: 21 };
    const order = (create_date: string) => post("order", { paid: true, create_date, orderrows: [row] });
    // 1 March 2025 starts at 23:00 UTC on 28 February; 31 March ends at 22:00 UTC (summer time).
    const before = await order("2025-02-28T22:59:59Z");
    const inside = [await order("2025-02-28T23:00:00Z"), await order("2025-03-05T10:00:00Z"), await order("2025-03-10T10:00:00Z"), await order("2025-03-31T21:59:59Z")];
    const after = await order("2025-03-31T22:00:00Z");

    const client = createCcvClient(ctx, { throttle: false });
    const start = (await requests()).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    for (;;) {
      const page = await listHistory(client, "paid-orders", { from: "2025-03-01", to: "2025-03-31", cursor }, 2);
      seen.push(...page.notices.map((n) => `${n.kind}:${n.sourceId}`));
      cursor = page.cursor;
      calls++;
      if (!page.more) break;
    }
    expect(seen).toEqual(inside.map((id) => `order:${id}`));
    expect(seen).not.toContain(`order:${before}`);
    expect(seen).not.toContain(`order:${after}`);
    const made = (await requests()).slice(start);
    expect(made).toHaveLength(calls);
    expect(calls).toBe(3); // 6 orders in the day-wide window, pages of 2
    const query = new URL(`http://x${made[0]!.path}`).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ min_create_date: "2025-02-28", max_create_date: "2025-03-31", orderby: "create_date", start: "0", size: "2" });

    // The source wires it with the integration's document trigger.
    const source = createCcvShopSource(ctx, {}, { throttle: false });
    expect((await source.listHistory({ from: "2025-03-01", to: "2025-03-31", cursor: null })).notices).toHaveLength(4);
  });
});
