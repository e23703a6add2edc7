import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { syncIntegration } from "./sync-integration";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  await seedDemo(t.db, "http://localhost:3000");
});
afterAll(async () => { setDb(undefined); await t.close(); });

const run = (licenseKey: string) =>
  new InngestTestEngine({
    function: syncIntegration,
    events: [{ name: "integration/sync.requested", data: { licenseKey } }],
  }).execute();

describe("sync-integration (Fetch now)", () => {
  it("records the sync on an active integration", async () => {
    const { result, error } = await run("DEMO-CCVSHOP-ROMPSLOMP");
    expect(error).toBeUndefined();
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
    expect(integration.lastSyncAt?.toISOString()).toBe((result as { syncedAt: string }).syncedAt);
  });

  it("skips a paused integration", async () => {
    await t.db.integration.update({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" }, data: { status: "paused" } });
    const { result } = await run("DEMO-CCVSHOP-WEFACT");
    expect(result).toEqual({ skipped: "integration is paused" });
  });

  it("fails for good on an unknown license key", async () => {
    const { error } = await run("NO-SUCH-KEY");
    expect(String((error as Error)?.message ?? error)).toMatch(/No integration has license key NO-SUCH-KEY/);
  });
});
