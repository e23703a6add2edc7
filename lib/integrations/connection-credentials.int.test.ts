import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { loadCredentials, saveCredentials, saveRefreshedCredentials } from "./connection-credentials";

let t: TestDb;
let integrationId: string;
beforeAll(async () => {
  t = await createTestDb();
  const account = await t.db.account.create({ data: { name: "Refresh B.V." } });
  const integration = await t.db.integration.create({
    data: {
      accountId: account.id, licenseKey: "REFRESH-1", name: "Refresh", sourceSystem: "ccvshop", targetSystem: "rompslomp", status: "active",
      connections: { create: [{ side: "target", system: "rompslomp", status: "ok" }] },
    },
  });
  integrationId = integration.id;
});
afterAll(async () => { await t.close(); });

const targetStatus = async () => (await t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "target" } } })).status;

describe("stored credentials and the connection's dot", () => {
  it("keeps the dot green when an OAuth token is refreshed", async () => {
    await saveRefreshedCredentials(t.db, integrationId, "target", { accessToken: "new", refreshToken: "r2" });
    expect(await targetStatus()).toBe("ok");
    expect(await loadCredentials(t.db, integrationId, "target")).toEqual({ accessToken: "new", refreshToken: "r2" });
  });
  it("greys the dot for new credentials until they are checked", async () => {
    await saveCredentials(t.db, integrationId, "target", "rompslomp", { accessToken: "other" });
    expect(await targetStatus()).toBe("unknown");
  });
});
