import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { receiveNotices } from "@/lib/pipeline/receive-document";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createMagento2Source } from "./index";
import { admin, postDocument, requestLog, sandboxCtx } from "./sandbox/testing";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const minute = (n: number) => {
  const at = new Date(Date.UTC(2024, 0, 1) + n * 60_000);
  return at.toISOString().slice(0, 19).replace("T", " ");
};
const row = { sku: "S", qty: 1, base_price: 10, base_price_incl_tax: 12.1 };

async function bulk(tenant: string, kind: "invoice" | "creditnote", payloads: object[], complete = true): Promise<string[]> {
  const res = await admin(tenant, "POST", "documents/bulk", { kind, payloads, complete });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ids: string[] }).ids;
}

describe("pollChanges: requests proportional to what is new", () => {
  const tenant = "m2-poll-volume";
  const source = createMagento2Source(sandboxCtx(tenant), {});

  it("a shop holding 10,000 documents of which 20 are new: 20 notices, one request per kind", { timeout: 120_000 }, async () => {
    const orderId = await postDocument(tenant, "order", { items: [{ sku: "S", name: "Sample" }] });
    // 8,000 invoices and 2,000 credit memos from 2024, all before the integration's cursor.
    // Stored as given (no rows, no computed totals): the poll reads ids and dates only.
    await bulk(tenant, "invoice", Array.from({ length: 8_000 }, (_, i) => ({ order_id: orderId, created_at: minute(i), base_grand_total: 12.1 })), false);
    await bulk(tenant, "creditnote", Array.from({ length: 2_000 }, (_, i) => ({ order_id: orderId, created_at: minute(i), base_grand_total: 12.1 })), false);

    // The integration started on 1 January 2025: its first poll finds nothing and sets the cursor.
    const first = await source.pollChanges({ cursor: null, startDate: "2025-01-01" });
    expect(first).toMatchObject({ notices: [], more: false });

    // 20 new documents arrive (created now); an old invoice is edited (updated_at now) but not new.
    const newInvoices = await bulk(tenant, "invoice", Array.from({ length: 15 }, () => ({ order_id: orderId, items: [row] })));
    const newCredits = await bulk(tenant, "creditnote", Array.from({ length: 5 }, () => ({ order_id: orderId, items: [row] })));
    await admin(tenant, "PATCH", "documents/5", { state: 3 });

    const before = (await requestLog(tenant)).length;
    const second = await source.pollChanges({ cursor: first.cursor, startDate: "2025-01-01" });
    const made = (await requestLog(tenant)).slice(before);
    expect(second.more).toBe(false);
    expect(second.notices).toEqual([
      ...newInvoices.map((sourceId) => ({ kind: "invoice", sourceId })),
      ...newCredits.map((sourceId) => ({ kind: "creditnote", sourceId })),
    ]);
    expect(made.map((r) => r.path.split("?")[0])).toEqual(["/rest/V1/invoices", "/rest/V1/creditmemos"]);
    expect(made.every((r) => r.status === 200 && r.path.includes("fields="))).toBe(true);

    // Nothing new: only the look-back window is listed again, each marked a re-check, one request per kind.
    const beforeThird = (await requestLog(tenant)).length;
    const third = await source.pollChanges({ cursor: second.cursor, startDate: "2025-01-01" });
    expect(third.notices.map((n) => n.sourceId)).toEqual([...newInvoices, ...newCredits]);
    expect(third.notices.every((n) => n.recheck === true)).toBe(true);
    expect((await requestLog(tenant)).length - beforeThird).toBe(2);
  });
});

describe("pollChanges: paging and the cursor", () => {
  it("pages up to total_count (Magento before 2.4 repeats the last page past the end), then stops", async () => {
    const tenant = "m2-poll-paging";
    await bulk(tenant, "invoice", Array.from({ length: 250 }, (_, i) => ({ created_at: minute(i), items: [row] })));
    const source = createMagento2Source(sandboxCtx(tenant), {});
    const result = await source.pollChanges({ cursor: null, startDate: "2023-12-01" });
    expect(result.notices).toHaveLength(250);
    expect(new Set(result.notices.map((n) => n.sourceId)).size).toBe(250);
    const invoiceCalls = (await requestLog(tenant)).filter((r) => r.path.startsWith("/rest/V1/invoices"));
    expect(invoiceCalls).toHaveLength(3); // pages 1–3; 3 × 100 ≥ 250, so no 4th request
  });

  it("walks documents that share one second across bounded calls without skipping or repeating any", async () => {
    const tenant = "m2-poll-same-second";
    const ids = await bulk(tenant, "invoice", Array.from({ length: 23 }, () => ({ created_at: "2024-05-01 12:00:00", items: [row] })));
    const source = createMagento2Source(sandboxCtx(tenant), {}, { pageSize: 10, maxPages: 1, kinds: ["invoice"] });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let call = 0; call < 5; call++) {
      const result = await source.pollChanges({ cursor, startDate: "2024-05-01" });
      seen.push(...result.notices.map((n) => n.sourceId));
      cursor = result.cursor;
      if (!result.more) break;
    }
    expect(seen).toEqual(ids);
  });

  it("finds a document that became visible behind ones already polled (its transaction committed last); known ones are not processed again", async () => {
    const tenant = "m2-poll-late-commit";
    const integration = await t.db.integration.create({ data: { accountId: (await t.db.account.create({ data: { name: "Late commit" } })).id, licenseKey: "M2-LATE-COMMIT", name: "late", sourceSystem: "magento2", targetSystem: "rompslomp" } });
    const source = createMagento2Source(sandboxCtx(tenant), {}, { kinds: ["invoice"] });
    const first = await bulk(tenant, "invoice", [{ created_at: "2024-05-01 12:00:00", items: [row] }, { created_at: "2024-05-01 12:10:00", items: [row] }]);
    const polled = await source.pollChanges({ cursor: null, startDate: "2024-05-01" });
    expect(await receiveNotices(t.db, integration.id, polled.notices)).toHaveLength(2);

    // Created (entity_id, created_at) at 12:09:30 but visible only now: behind the cursor at 12:10.
    const [late] = await bulk(tenant, "invoice", [{ created_at: "2024-05-01 12:09:30", items: [row] }]);
    const next = await source.pollChanges({ cursor: polled.cursor, startDate: "2024-05-01" });
    expect(next.notices).toEqual([
      { kind: "invoice", sourceId: first[0], recheck: true },
      { kind: "invoice", sourceId: late, recheck: true },
      { kind: "invoice", sourceId: first[1], recheck: true },
    ]);
    const queued = await receiveNotices(t.db, integration.id, next.notices, { booked: "compare" });
    const lateDoc = await t.db.document.findUniqueOrThrow({ where: { integrationId_kind_sourceId: { integrationId: integration.id, kind: "invoice", sourceId: late! } } });
    expect(queued).toEqual([lateDoc.id]);

    // More than LOOK_BACK_MS behind the furthest document seen is out of reach: a document cannot commit that late.
    await bulk(tenant, "invoice", [{ created_at: "2024-05-01 11:50:00", items: [row] }]);
    expect((await source.pollChanges({ cursor: next.cursor, startDate: "2024-05-01" })).notices.map((n) => n.sourceId)).toEqual([first[0], late, first[1]]);
  });

  it("starts at the start date in Amsterdam time and ignores a cursor it did not write", async () => {
    const tenant = "m2-poll-start";
    // 22:30 UTC on 31 May is 00:30 on 1 June in Amsterdam; 21:30 UTC is still 31 May there.
    const [late, early] = await bulk(tenant, "invoice", [{ created_at: "2024-05-31 22:30:00", items: [row] }, { created_at: "2024-05-31 21:30:00", items: [row] }]);
    const source = createMagento2Source(sandboxCtx(tenant), {}, { kinds: ["invoice"] });
    const result = await source.pollChanges({ cursor: null, startDate: "2024-06-01" });
    expect(result.notices.map((n) => n.sourceId)).toEqual([late]);
    expect((await source.pollChanges({ cursor: "garbage", startDate: "2024-05-31" })).notices.map((n) => n.sourceId)).toEqual([early, late]);
  });
});
