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

  it("finds nothing of another account by id", async () => {
    expect(await findIntegration(t.db, a.accountId, a.integrationId)).not.toBeNull();
    expect(await findIntegration(t.db, a.accountId, b.integrationId)).toBeNull();
    expect(await listDocuments(t.db, a.accountId, b.integrationId, "report")).toEqual([]);
    expect(await countDocuments(t.db, a.accountId, b.integrationId)).toEqual([]);
  });

  it("splits documents over the Report and Errors tabs", async () => {
    expect((await listDocuments(t.db, b.accountId, b.integrationId, "report")).map((d) => d.sourceId)).toEqual(["1"]);
    expect((await listDocuments(t.db, b.accountId, b.integrationId, "errors")).map((d) => d.sourceId)).toEqual(["2"]);
  });
});
