import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { documentTrail, TRAIL_PAGE } from "./document-trail";

let t: TestDb;
let accountId: string;
let integrationId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestDb();
  const account = await t.db.account.create({ data: { name: "Trail B.V.", users: { create: { email: "trail@example.com", name: "Tessa Trail", passwordHash: "x" } } }, include: { users: true } });
  accountId = account.id;
  userId = account.users[0]!.id;
  integrationId = (await t.db.integration.create({ data: { accountId, licenseKey: "TRAIL-1", name: "Trail", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active" } })).id;
});
afterAll(async () => { await t.close(); });

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));

describe("documentTrail", () => {
  it("merges attempts, calls, people's actions and later settings changes in time order, with names", async () => {
    const doc = await t.db.document.create({ data: { integrationId, kind: "order", sourceId: "1", rawPayload: {}, receivedAt: at(10) } });
    // A settings change before the document arrived is not part of its story; one after it is.
    await t.db.auditEvent.create({ data: { integrationId, actor: "merchant", actorId: userId, action: "settings.saved", at: at(5) } });
    await t.db.auditEvent.create({ data: { integrationId, documentId: doc.id, actor: "system", action: "attempt.started", at: at(11) } });
    await t.db.externalCall.create({ data: { integrationId, documentId: doc.id, system: "ccvshop", method: "GET", url: "https://shop/orders/1", status: 200, at: at(12) } });
    await t.db.auditEvent.create({ data: { integrationId, documentId: doc.id, actor: "system", action: "attempt.failed", detail: { code: "vat_rate_unmapped" }, at: at(13) } });
    await t.db.auditEvent.create({ data: { integrationId, actor: "merchant", actorId: userId, action: "settings.saved", detail: { group: "vat" }, at: at(14) } });
    await t.db.auditEvent.create({ data: { integrationId, documentId: doc.id, actor: "merchant", actorId: userId, action: "document.process", at: at(15) } });

    const trail = await documentTrail(t.db, accountId, doc.id);
    expect(trail!.entries.map((e) => (e.kind === "call" ? "call" : e.action))).toEqual(["attempt.started", "call", "attempt.failed", "settings.saved", "document.process"]);
    const process = trail!.entries.at(-1)!;
    expect(process.kind === "event" && process.actorName).toBe("Tessa Trail");
    const settings = trail!.entries[3]!;
    expect(settings.kind === "event" && settings.integrationLevel).toBe(true);
    expect(trail!.olderBefore).toBeNull();
    // Another account sees nothing.
    expect(await documentTrail(t.db, "someone-else", doc.id)).toBeNull();
  });

  it("reads one page of a long history, newest entries, and says where the older ones start", async () => {
    const other = (await t.db.integration.create({ data: { accountId, licenseKey: "TRAIL-2", name: "Trail 2", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active" } })).id;
    const doc = await t.db.document.create({ data: { integrationId: other, kind: "order", sourceId: "2", rawPayload: {}, receivedAt: at(0) } });
    await t.db.auditEvent.createMany({ data: Array.from({ length: TRAIL_PAGE + 5 }, (_, i) => ({ integrationId: other, documentId: doc.id, actor: "system", action: "attempt.retry", at: new Date(at(0).getTime() + (i + 1) * 1000) })) });
    const first = await documentTrail(t.db, accountId, doc.id);
    expect(first!.entries).toHaveLength(TRAIL_PAGE);
    expect(first!.olderBefore).not.toBeNull();
    const older = await documentTrail(t.db, accountId, doc.id, { before: first!.olderBefore! });
    expect(older!.entries).toHaveLength(5);
    expect(older!.olderBefore).toBeNull();
  });
});
