import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { seedDemo } from "@/lib/demo/seed-demo";
import invoiceNl from "@/connectors/magento2/__fixtures__/invoice-nl.json";
import orderNl from "@/connectors/magento2/__fixtures__/order-nl.json";
import { syncIntegration } from "./sync-integration";

let t: TestDb;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, "http://localhost:3000");
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

// Queuing sends events to Inngest; here those steps are stood in for (the queued ids are in the result).
const run = (licenseKey: string) =>
  new InngestTestEngine({
    function: syncIntegration,
    events: [{ name: "integration/sync.requested", data: { licenseKey } }],
    steps: [0, 1, 2].map((i) => ({ id: `queue-${i}`, handler: () => ({ ids: [] }) })),
  }).execute();

describe("sync-integration (Fetch now)", () => {
  it("records the sync on an active integration", async () => {
    const { result, error } = await run("DEMO-CCVSHOP-ROMPSLOMP");
    expect(error).toBeUndefined();
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
    expect(integration.lastSyncAt?.toISOString()).toBe((result as { syncedAt: string }).syncedAt);
  });

  it("polls a polling shop: what is new is recorded and queued once, then the cursor has moved past it", async () => {
    const shop = "http://localhost:3000/sandbox/magento2/demo-magento-rompslomp/_admin/documents";
    const post = async (kind: string, payload: object) =>
      ((await (await inProcessSandboxFetch(shop, { method: "POST", body: JSON.stringify({ kind, payload }) })).json()) as { id: string }).id;
    const { entity_id: _o, ...order } = orderNl as Record<string, unknown>;
    const { entity_id: _i, order_id: _x, ...invoice } = invoiceNl as Record<string, unknown>;
    const invoiceId = await post("invoice", { ...invoice, order_id: await post("order", order) });

    const first = await run("DEMO-MAGENTO-ROMPSLOMP");
    expect(first.error, String((first.error as Error)?.stack ?? first.error)).toBeUndefined();
    expect(first.result).toMatchObject({ found: 1, queued: 1 });
    const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-MAGENTO-ROMPSLOMP" } });
    expect(integration.syncCursor).toBeTruthy();
    const documents = await t.db.document.findMany({ where: { integrationId: integration.id } });
    expect(documents.map((d) => [d.kind, d.sourceId, d.status])).toEqual([["invoice", invoiceId, "queued"]]);

    expect((await run("DEMO-MAGENTO-ROMPSLOMP")).result).toMatchObject({ found: 0, queued: 0 });
  });

  it("keeps fetching for a paused integration and skips a cancelled one", async () => {
    await t.db.integration.update({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" }, data: { status: "paused" } });
    expect((await run("DEMO-CCVSHOP-WEFACT")).result).toMatchObject({ found: 0, queued: 0 });
    await t.db.integration.update({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" }, data: { status: "cancelled" } });
    expect((await run("DEMO-CCVSHOP-WEFACT")).result).toEqual({ skipped: "integration is cancelled" });
  });

  it("fails for good on an unknown license key", async () => {
    const { error } = await run("NO-SUCH-KEY");
    expect(String((error as Error)?.message ?? error)).toMatch(/No integration has license key NO-SUCH-KEY/);
  });
});
