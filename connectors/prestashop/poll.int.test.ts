import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createPrestaShopSource } from "./index";
import { admin, sandboxCtx } from "./sandbox/testing";

let t: TestDb;
const TENANT = "ps-poll";
const OLD = 10_000;

type Logged = { method: string; path: string; status: number };
const apiLog = async () => (await admin<Logged[]>(TENANT, "GET", "requests")).filter((r) => r.path.startsWith("/api/"));
const at = (base: string, minutes: number) => {
  const d = new Date(`${base.replace(" ", "T")}Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 19).replace("T", " ");
};

let oldIds: string[];
let startCursor: string;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  // A shop with 10,000 orders from 2024, all already seen by an earlier poll.
  const old = Array.from({ length: OLD }, (_, i) => ({ kind: "order", payload: { current_state: 5, date_add: at("2024-01-01 00:00:00", i), date_upd: at("2024-01-01 00:00:00", i) } }));
  oldIds = (await admin<{ ids: string[] }>(TENANT, "POST", "documents", old)).ids;
  const first = await createPrestaShopSource(sandboxCtx(TENANT), {}).pollChanges({ cursor: null, startDate: "2025-01-01" });
  expect(first).toMatchObject({ notices: [], more: false });
  startCursor = first.cursor;
  // Then 20 changes: 15 new orders placed in the same second, and 5 old orders that moved to another state.
  await admin(TENANT, "POST", "documents", Array.from({ length: 15 }, (_, i) => ({ kind: "order", payload: { current_state: i % 3 === 0 ? 10 : 2, date_add: "2025-06-01 12:00:00", date_upd: "2025-06-01 12:00:00" } })));
  for (const id of oldIds.slice(100, 105)) await admin(TENANT, "PATCH", `documents/${id}`, { current_state: 6, date_upd: "2025-06-01 12:00:01" });
}, 300_000);
afterAll(async () => { setDb(undefined); await t.close(); });

describe("pollChanges: requests proportional to what is new", () => {
  it("finds the 20 changed orders among 10,000 with one request, then nothing more", async () => {
    const source = createPrestaShopSource(sandboxCtx(TENANT), {});
    const before = (await apiLog()).length;
    const result = await source.pollChanges({ cursor: startCursor, startDate: "2025-01-01" });
    const requests = (await apiLog()).slice(before);
    expect(result.notices).toHaveLength(20);
    expect(result.notices.map((n) => n.sourceId)).toEqual(expect.arrayContaining(oldIds.slice(100, 105)));
    expect(result.more).toBe(false);
    expect(requests).toHaveLength(1);
    const query = new URL(`http://x${requests[0]!.path}`).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ "filter[date_upd]": "[2025-01-01 00:00:00,9999-12-31 23:59:59]", date: "1", sort: "[date_upd_ASC,id_ASC]", limit: "0,100", display: "[id,date_upd]" });
    expect(JSON.parse(result.cursor)).toEqual({ at: "2025-06-01 12:00:01", ids: oldIds.slice(100, 105) });

    const again = await source.pollChanges({ cursor: result.cursor, startDate: "2025-01-01" });
    expect(again).toMatchObject({ notices: [], more: false });
    expect((await apiLog()).length - before).toBe(2);
  });

  it("pages through what is new a page at a time, never missing orders that share a second", async () => {
    const source = createPrestaShopSource(sandboxCtx(TENANT), {}, { pageSize: 5 });
    const before = (await apiLog()).length;
    const seen: string[] = [];
    let cursor: string | null = startCursor;
    for (let more = true; more; ) {
      const page = await source.pollChanges({ cursor, startDate: "2025-01-01" });
      seen.push(...page.notices.map((n) => n.sourceId));
      cursor = page.cursor;
      more = page.more;
    }
    expect(new Set(seen).size).toBe(20);
    expect(seen).toHaveLength(20);
    expect((await apiLog()).length - before).toBe(5); // 20 / 5 pages + the one that finds nothing new
  });
});

describe("recheckWindow: the nightly re-check", () => {
  it("returns every order of the window in a status to process, with no count cap, a page at a time", async () => {
    await admin(TENANT, "POST", "documents", Array.from({ length: 350 }, (_, i) => ({ kind: "order", payload: { current_state: 4, date_add: at("2025-04-01 00:00:00", i), date_upd: at("2025-04-01 00:00:00", i) } })));
    const source = createPrestaShopSource(sandboxCtx(TENANT), { recheckMonths: 3 });
    const before = (await apiLog()).length;
    const notices = await source.recheckWindow({ now: new Date("2025-06-15T10:00:00Z") });
    expect(notices).toHaveLength(350 + 10); // the 350, and the 10 new orders in "Payment accepted"; not the 5 awaiting payment, nor 2024's
    const requests = (await apiLog()).slice(before);
    expect(requests).toHaveLength(4);
    const query = Object.fromEntries(new URL(`http://x${requests[0]!.path}`).searchParams);
    expect(query).toMatchObject({ "filter[date_add]": "[2025-03-15 12:00:00,2025-06-15 12:00:00]", date: "1", "filter[current_state]": "[2|3|4|5|9|11]", limit: "0,100" });
  });
});
