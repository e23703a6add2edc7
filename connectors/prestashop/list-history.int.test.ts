import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createPrestaShopSource } from "./index";
import { admin, sandboxCtx } from "./sandbox/testing";

let t: TestDb;
const TENANT = "ps-history";
type Logged = { method: string; path: string; status: number };
const apiLog = async () => (await admin<Logged[]>(TENANT, "GET", "requests")).filter((r) => r.path.startsWith("/api/"));

beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

describe("PrestaShop listHistory: orders placed in the range, page by page", () => {
  it("filters on date_add with both days included, pages with limit=offset,count until a short page", async () => {
    const order = (date: string) => ({ kind: "order", payload: { current_state: 2, date_add: date, date_upd: "2025-06-01 12:00:00" } });
    const ids = (await admin<{ ids: string[] }>(TENANT, "POST", "documents", [
      order("2025-02-28 23:59:59"), order("2025-03-01 00:00:00"), order("2025-03-10 10:00:00"), order("2025-03-10 10:00:00"),
      order("2025-03-20 10:00:00"), order("2025-03-31 23:59:59"), order("2025-04-01 00:00:00"),
    ])).ids;
    const source = createPrestaShopSource(sandboxCtx(TENANT), {}, { pageSize: 2 });
    const before = (await apiLog()).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await source.listHistory({ from: "2025-03-01", to: "2025-03-31", cursor });
      expect(page.notices.length).toBeLessThanOrEqual(2);
      seen.push(...page.notices.map((n) => n.sourceId));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(ids.slice(1, 6));
    const requests = (await apiLog()).slice(before);
    expect(requests.map((r) => new URL(`http://x${r.path}`).searchParams.get("limit"))).toEqual(["0,2", "2,2", "4,2"]);
    expect(new URL(`http://x${requests[0]!.path}`).searchParams.get("filter[date_add]")).toBe("[2025-03-01 00:00:00,2025-03-31 23:59:59]");
  });
});
