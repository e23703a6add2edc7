import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { countDocuments, findIntegration, listDocuments, listIntegrations } from "./integrations";

let t: TestDb;
let a: { accountId: string; integrationId: string };
let b: { accountId: string; integrationId: string };

async function merchant(name: string) {
  const account = await t.db.account.create({
    data: {
      name,
      integrations: {
        create: {
          licenseKey: `${name}-KEY`, name, sourceSystem: "ccvshop", targetSystem: "rompslomp",
          documents: { create: [{ kind: "order", sourceId: "1", status: "booked", rawPayload: {}, bookedAt: new Date() }, { kind: "order", sourceId: "2", status: "error", rawPayload: {} }] },
        },
      },
    },
    include: { integrations: true },
  });
  return { accountId: account.id, integrationId: account.integrations[0]!.id };
}

beforeAll(async () => {
  t = await createTestDb();
  a = await merchant("A");
  b = await merchant("B");
});
afterAll(async () => { await t.close(); });

describe("account scoping of dashboard reads", () => {
  it("lists only the signed-in account's integrations", async () => {
    expect((await listIntegrations(t.db, a.accountId)).map((i) => i.id)).toEqual([a.integrationId]);
  });

  it("leaves out a cancelled key the merchant removed, while its dashboard stays readable by id", async () => {
    const removed = await t.db.integration.create({ data: { accountId: a.accountId, licenseKey: "A-REMOVED", name: "Old", sourceSystem: "ccvshop", targetSystem: "wefact", status: "cancelled", hiddenAt: new Date() } });
    expect((await listIntegrations(t.db, a.accountId)).map((i) => i.id)).toEqual([a.integrationId]);
    expect(await findIntegration(t.db, a.accountId, removed.id)).not.toBeNull();
    await t.db.integration.delete({ where: { id: removed.id } });
  });

  it("finds nothing of another account by id", async () => {
    expect(await findIntegration(t.db, a.accountId, a.integrationId)).not.toBeNull();
    expect(await findIntegration(t.db, a.accountId, b.integrationId)).toBeNull();
    expect(await listDocuments(t.db, a.accountId, b.integrationId, "report")).toEqual([]);
    expect(await countDocuments(t.db, a.accountId, b.integrationId)).toEqual([]);
  });

  it("searches the Report tab by booking period", async () => {
    await t.db.document.create({ data: { integrationId: b.integrationId, kind: "order", sourceId: "old", status: "booked", rawPayload: {}, bookedAt: new Date("2026-01-15T10:00:00Z") } });
    const january = await listDocuments(t.db, b.accountId, b.integrationId, "report", { from: new Date("2026-01-01"), to: new Date("2026-02-01") });
    expect(january.map((d) => d.sourceId)).toEqual(["old"]);
    const all = await listDocuments(t.db, b.accountId, b.integrationId, "report");
    expect(all.map((d) => d.sourceId).sort()).toEqual(["1", "old"]);
    await t.db.document.delete({ where: { integrationId_kind_sourceId: { integrationId: b.integrationId, kind: "order", sourceId: "old" } } });
  });

  it("splits documents over the Report and Errors tabs", async () => {
    expect((await listDocuments(t.db, b.accountId, b.integrationId, "report")).map((d) => d.sourceId)).toEqual(["1"]);
    expect((await listDocuments(t.db, b.accountId, b.integrationId, "errors")).map((d) => d.sourceId)).toEqual(["2"]);
  });
});
