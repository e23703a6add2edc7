import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { documentPage } from "./document-pages";
import { errorGroups, findErrorGroup } from "./error-groups";
import { decodeCursor } from "./keyset";
import { paymentPage } from "./payment-pages";
import { requeueGroup, requeueSelected } from "./requeue-documents";

let t: TestDb;
type Merchant = { accountId: string; integrationId: string; userId: string };
let a: Merchant;
let b: Merchant;

async function merchant(name: string): Promise<Merchant> {
  const account = await t.db.account.create({
    data: {
      name,
      users: { create: { email: `${name}@example.com`, name, passwordHash: "x" } },
      integrations: { create: { licenseKey: `${name}-LISTS`, name, sourceSystem: "ccvshop", targetSystem: "rompslomp" } },
    },
    include: { integrations: true, users: true },
  });
  return { accountId: account.id, integrationId: account.integrations[0]!.id, userId: account.users[0]!.id };
}

const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000);
const unmapped = (region: string, rate: string, line: string) => ({ errorCode: "vat_rate_unmapped", errorParams: { region, rate, line, configured: ["21%"] } });

async function documents(m: Merchant, rows: { sourceId: string; status: string; receivedAt?: Date; bookedAt?: Date; errorCode?: string; errorParams?: object }[]) {
  await t.db.document.createMany({ data: rows.map((r) => ({ integrationId: m.integrationId, kind: "order", rawPayload: {}, ...r })) });
}

beforeAll(async () => {
  t = await createTestDb();
  a = await merchant("A");
  b = await merchant("B");
  // A: 3 orders failing on Germany 19% (each on another line), 2 on Belgium 6%, 1 totals mismatch,
  // 1 error without a code, 2 open, 120 booked.
  await documents(a, [
    ...[1, 2, 3].map((i) => ({ sourceId: `de-${i}`, status: "error", receivedAt: day(i), ...unmapped("DE", "19", `line ${i}`) })),
    ...[4, 5].map((i) => ({ sourceId: `be-${i}`, status: "error", receivedAt: day(i), ...unmapped("BE", "6", "Tea") })),
    { sourceId: "tot-6", status: "error", receivedAt: day(6), errorCode: "totals_mismatch" },
    { sourceId: "nocode-7", status: "error", receivedAt: day(7) },
    { sourceId: "open-1", status: "open", receivedAt: day(1), errorCode: "not_eligible" },
    { sourceId: "open-2", status: "open", receivedAt: day(2), errorCode: "not_eligible" },
    ...Array.from({ length: 120 }, (_, i) => ({ sourceId: `b-${i}`, status: "booked", receivedAt: day(0), bookedAt: new Date(day(10).getTime() + Math.floor(i / 2) * 60_000) })),
  ]);
  // B: the same Germany cause, and an error + a booked document that A must never touch.
  await documents(b, [
    { sourceId: "de-1", status: "error", receivedAt: day(1), ...unmapped("DE", "19", "x") },
    { sourceId: "booked", status: "booked", bookedAt: day(2) },
  ]);
});
afterAll(async () => { await t.close(); });

describe("errors grouped by cause", () => {
  it("groups by code and the parameters that decide the fix, largest first, with the lib's keys", async () => {
    const groups = await errorGroups(t.db, a.accountId, a.integrationId);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ["vat_rate_unmapped|rate=19|region=DE", 3],
      ["vat_rate_unmapped|rate=6|region=BE", 2],
      ["", 1],
      ["totals_mismatch", 1],
    ]);
    expect(groups[0]!.cause).toEqual({ code: "vat_rate_unmapped", params: { region: "DE", rate: "19" } });
  });

  it("counts within the period and never another account's documents", async () => {
    const groups = await errorGroups(t.db, a.accountId, a.integrationId, { from: day(2), to: day(5) });
    expect(groups.map((g) => [g.key, g.count])).toEqual([["vat_rate_unmapped|rate=19|region=DE", 2], ["vat_rate_unmapped|rate=6|region=BE", 1]]);
    expect(await errorGroups(t.db, a.accountId, b.integrationId)).toEqual([]);
  });

  it("lists the documents of one group, newest first", async () => {
    const group = (await findErrorGroup(t.db, a.accountId, a.integrationId, "vat_rate_unmapped|rate=19|region=DE"))!;
    const page = await documentPage(t.db, a.accountId, a.integrationId, { tab: "errors", cause: group.cause });
    expect(page.rows.map((d) => d.sourceId)).toEqual(["de-3", "de-2", "de-1"]);
    expect(page.total).toBe(3);
    const none = (await findErrorGroup(t.db, a.accountId, a.integrationId, ""))!;
    expect((await documentPage(t.db, a.accountId, a.integrationId, { tab: "errors", cause: none.cause })).rows.map((d) => d.sourceId)).toEqual(["nocode-7"]);
  });
});

describe("pagination", () => {
  it("walks 120 booked documents 50 at a time both ways, with the total, ties on the same minute included", async () => {
    const first = await documentPage(t.db, a.accountId, a.integrationId, { tab: "report" });
    expect([first.rows.length, first.total, first.prev]).toEqual([50, 120, undefined]);
    const second = await documentPage(t.db, a.accountId, a.integrationId, { tab: "report" }, { after: decodeCursor(first.next) });
    const third = await documentPage(t.db, a.accountId, a.integrationId, { tab: "report" }, { after: decodeCursor(second.next) });
    expect(third.rows.length).toBe(20);
    expect(third.next).toBeUndefined();
    const seen = [...first.rows, ...second.rows, ...third.rows].map((d) => d.sourceId);
    expect(new Set(seen).size).toBe(120);
    const back = await documentPage(t.db, a.accountId, a.integrationId, { tab: "report" }, { before: decodeCursor(third.prev) });
    expect(back.rows.map((d) => d.id)).toEqual(second.rows.map((d) => d.id));
    const start = await documentPage(t.db, a.accountId, a.integrationId, { tab: "report" }, { before: decodeCursor(back.prev) });
    expect(start.rows.map((d) => d.id)).toEqual(first.rows.map((d) => d.id));
    expect(start.prev).toBeUndefined();
  });

  it("pages payments newest first", async () => {
    for (let i = 0; i < 3; i++) await t.db.payment.create({ data: { integrationId: a.integrationId, sourceId: `p-${i}`, amount: "1.00", createdAt: day(i) } });
    const page = await paymentPage(t.db, a.accountId, a.integrationId, {}, {}, { size: 2 });
    expect([page.rows.map((p) => p.sourceId), page.total]).toEqual([["p-2", "p-1"], 3]);
    const rest = await paymentPage(t.db, a.accountId, a.integrationId, {}, { after: decodeCursor(page.next) }, { size: 2 });
    expect(rest.rows.map((p) => p.sourceId)).toEqual(["p-0"]);
    expect((await paymentPage(t.db, b.accountId, a.integrationId)).rows).toEqual([]);
  });
});

describe("bulk requeue", () => {
  it("requeues only selected error and open documents of this integration, never a booked one or another merchant's", async () => {
    const ids = async (m: Merchant, sourceIds: string[]) =>
      (await t.db.document.findMany({ where: { integrationId: m.integrationId, sourceId: { in: sourceIds } }, select: { id: true } })).map((d) => d.id);
    const mine = await ids(a, ["tot-6", "open-1", "b-0"]);
    const theirs = await ids(b, ["de-1", "booked"]);
    const done = await requeueSelected(t.db, a, [...mine, ...theirs]);
    expect(done.sort()).toEqual((await ids(a, ["tot-6", "open-1"])).sort());
    expect((await t.db.document.findMany({ where: { id: { in: mine } }, orderBy: { sourceId: "asc" } })).map((d) => [d.sourceId, d.status, d.errorCode])).toEqual([
      ["b-0", "booked", null], ["open-1", "queued", null], ["tot-6", "queued", null],
    ]);
    expect((await t.db.document.findMany({ where: { id: { in: theirs } }, orderBy: { sourceId: "asc" } })).map((d) => d.status)).toEqual(["booked", "error"]);
    const audit = await t.db.auditEvent.findMany({ where: { integrationId: a.integrationId, action: "document.process" } });
    expect(audit.map((e) => [e.documentId, e.actor, e.actorId, e.detail]).sort()).toEqual(done.sort().map((id) => [id, "merchant", a.userId, { bulk: true }]));
  });

  it("retries every document of one group and nothing else", async () => {
    const group = (await findErrorGroup(t.db, a.accountId, a.integrationId, "vat_rate_unmapped|rate=19|region=DE"))!;
    const done = await requeueGroup(t.db, a, group);
    expect(done).toHaveLength(3);
    const after = await errorGroups(t.db, a.accountId, a.integrationId);
    expect(after.map((g) => g.key)).toEqual(["vat_rate_unmapped|rate=6|region=BE", ""]);
    const queued = await t.db.document.findMany({ where: { id: { in: done } } });
    expect(queued.map((d) => [d.sourceId, d.status, d.errorParams]).sort()).toEqual([["de-1", "queued", null], ["de-2", "queued", null], ["de-3", "queued", null]]);
    expect((await t.db.document.findFirstOrThrow({ where: { integrationId: b.integrationId, sourceId: "de-1" } })).status).toBe("error");
    expect(await t.db.auditEvent.count({ where: { action: "document.process", detail: { equals: { group: group.key } } } })).toBe(3);
    // Another account cannot requeue this integration's group.
    expect(await requeueGroup(t.db, { ...b, integrationId: a.integrationId }, (await findErrorGroup(t.db, a.accountId, a.integrationId, "vat_rate_unmapped|rate=6|region=BE"))!)).toEqual([]);
  });
});
