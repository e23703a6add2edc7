import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "../sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import type { PollResult } from "../types";
import { createKmoShopsSource } from "./index";
import { sandboxCredentials } from "./sandbox/credentials";
import { baseUrlOf, callSandbox, loggedRequests, postDocument } from "./sandbox/test-harness";

const tenant = "poll";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: inProcessSandboxFetch };
const startDate = "2024-01-01";
const order = { status: "paid", lines: [{ sku: "MOK", name: "Mok", quantity: 1, priceincltax: "12.10", tax_rate: "21" }] };

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

/** Polls until `more` is false, as the poller does; returns every notice and the last cursor. */
async function pollAll(source: ReturnType<typeof createKmoShopsSource>, cursor: string | null) {
  const notices: PollResult["notices"] = [];
  let calls = 0;
  for (;;) {
    const result = await source.pollChanges({ cursor, startDate });
    calls++;
    notices.push(...result.notices);
    cursor = result.cursor;
    if (!result.more) return { notices, cursor, calls };
  }
}

/** `count` orders, changed one second apart from `updatedAt` on. */
const bulk = async (count: number, updatedAt: string) => {
  const res = await callSandbox(tenant, "POST", "_admin/bulk-orders", { count, payload: order, updated_at: updatedAt, spread_seconds: 1 });
  expect(res.status).toBe(201);
  const { first, last } = (await res.json()) as { first: string; last: string };
  return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => String(Number(first) + i));
};

describe("pollChanges: the hourly backstop", () => {
  let cursor: string | null = null;

  it("a first poll walks everything changed since the start date, page by page, and moves the cursor past it", async () => {
    const ids = await bulk(20, "2024-02-01T10:00:00+01:00");
    const source = createKmoShopsSource(ctx, {}, { pageSize: 8 });
    const first = await pollAll(source, null);
    expect(first.calls).toBe(3); // 8 + 8 + 4, `more` true on the first two
    expect(first.notices).toEqual(ids.map((sourceId) => ({ kind: "order", sourceId })));
    const again = await pollAll(source, first.cursor);
    expect(again).toMatchObject({ calls: 1, notices: [] }); // the last one is asked again (the filter is inclusive), not announced
    cursor = again.cursor;
  });

  it("a shop holding 10,000 orders of which 20 are new: one request, the 20 announced", async () => {
    // 10,000 orders the poller is past (not changed since the cursor), then 20 new ones.
    await bulk(10_000, "2024-01-10T12:00:00+01:00");
    const before = (await loggedRequests(tenant)).length;
    const fresh = await bulk(20, new Date(Date.now() - 60_000).toISOString()); // a minute ago, one second apart
    const result = await createKmoShopsSource(ctx).pollChanges({ cursor, startDate });
    expect(result.more).toBe(false);
    expect(result.notices).toEqual(fresh.map((sourceId) => ({ kind: "order", sourceId })));
    const requests = (await loggedRequests(tenant)).slice(before);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200"]);
    expect(requests[0]!.path).toMatch(/^\/api\/v1\/orders\?updated_since=[^&]+&limit=250$/);
    cursor = result.cursor;
  }, 120_000);

  it("orders changed in the same second are all announced once, whatever the page boundaries", async () => {
    const res = await callSandbox(tenant, "POST", "_admin/bulk-orders", { count: 12, payload: order, updated_at: new Date(Date.now() - 30_000).toISOString() }); // after the 20 above
    const { first } = (await res.json()) as { first: string };
    const source = createKmoShopsSource(ctx, {}, { pageSize: 5 });
    const all = await pollAll(source, cursor);
    expect(all.notices.map((n) => n.sourceId)).toEqual(Array.from({ length: 12 }, (_, i) => String(Number(first) + i)));
    expect((await pollAll(source, all.cursor)).notices).toEqual([]);
    cursor = all.cursor;
  });

  it("an old order that changes comes back, with its refund as a credit note; orders from before the start date do not", async () => {
    const old = "100001";
    const refundId = await postDocument(tenant, "creditnote", { order_id: old, amount: "2.00" });
    const beforeStart = await postDocument(tenant, "order", { ...order, created_at: "2023-12-31T10:00:00+01:00" });
    const result = await createKmoShopsSource(ctx).pollChanges({ cursor, startDate });
    expect(result.notices).toEqual([{ kind: "order", sourceId: old }, { kind: "creditnote", sourceId: refundId }]);
    expect(result.notices.some((n) => n.sourceId === beforeStart)).toBe(false);
  }, 120_000);
});
