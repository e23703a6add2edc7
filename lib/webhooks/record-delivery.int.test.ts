import { beforeAll, describe, expect, it } from "vitest";
import { useDemoDatabase } from "../db/demo-database";
import { BOOKING_UNDONE } from "../undo/booking-undone";
import { recordDelivery } from "./record-delivery";

const t = useDemoDatabase();
let integrationId: string;
beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } })).id;
});

const claim = (key: string) => ({ key, ttlMs: 60_000 });
const docs = () => t.db.document.findMany({ where: { integrationId }, orderBy: { sourceId: "asc" }, select: { id: true, kind: true, sourceId: true, status: true } });

describe("recording a webhook delivery", () => {
  it("claims the delivery and records its documents together; a replay records nothing, not even a document it adds", async () => {
    const first = await recordDelivery(t.db, integrationId, claim("d-1"), [{ kind: "order", sourceId: "1" }, { kind: "order", sourceId: "2" }, { kind: "order", sourceId: "1" }]);
    const rows = await docs();
    expect(rows.map((r) => [r.kind, r.sourceId, r.status])).toEqual([["order", "1", "queued"], ["order", "2", "queued"]]);
    expect(first).toEqual({ replayed: false, toProcess: rows.map((r) => r.id) });

    expect(await recordDelivery(t.db, integrationId, claim("d-1"), [{ kind: "order", sourceId: "1" }, { kind: "order", sourceId: "3" }])).toEqual({ replayed: true });
    expect((await docs()).map((r) => r.sourceId)).toEqual(["1", "2"]);
  });

  it("finds the documents another delivery recorded, and processes a booked one again to compare it, an undone one not", async () => {
    const [one, two] = await docs();
    await t.db.document.update({ where: { id: one!.id }, data: { status: "booked" } });
    await t.db.document.update({ where: { id: two!.id }, data: { status: "error", errorCode: BOOKING_UNDONE } });
    const again = await recordDelivery(t.db, integrationId, claim("d-2"), [{ kind: "order", sourceId: "2" }, { kind: "order", sourceId: "1" }, { kind: "invoice", sourceId: "1" }]);
    const invoice = await t.db.document.findUniqueOrThrow({ where: { integrationId_kind_sourceId: { integrationId, kind: "invoice", sourceId: "1" } } });
    expect(again).toEqual({ replayed: false, toProcess: [one!.id, invoice.id] });
  });

  it("without a delivery identity records every time; a claim without documents is still a claim", async () => {
    const before = await t.db.document.count();
    const a = await recordDelivery(t.db, integrationId, undefined, [{ kind: "order", sourceId: "9" }]);
    const b = await recordDelivery(t.db, integrationId, undefined, [{ kind: "order", sourceId: "9" }]);
    expect(a).toEqual(b);
    expect(await t.db.document.count()).toBe(before + 1);
    expect(await recordDelivery(t.db, integrationId, claim("empty"), [])).toEqual({ replayed: false, toProcess: [] });
    expect(await recordDelivery(t.db, integrationId, claim("empty"), [])).toEqual({ replayed: true });
  });

  it("leaves out ids no shop gives and records the rest", async () => {
    const result = await recordDelivery(t.db, integrationId, claim("d-3"), [{ kind: "order", sourceId: "x".repeat(500) }, { kind: "order", sourceId: "10" }]);
    expect(result.replayed).toBe(false);
    expect((await docs()).map((r) => r.sourceId)).toContain("10");
    expect((await docs()).some((r) => r.sourceId.length > 100)).toBe(false);
  });
});
