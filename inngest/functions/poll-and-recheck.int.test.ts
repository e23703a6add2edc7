import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { dueIntegrations } from "./poll-due";
import { openDocuments } from "./recheck-open";
import { recheckIntegration } from "./recheck-shops";

// The schedule around sync-integration: which integrations are due a poll, and the nightly re-check.
const APP = "http://localhost:3000";
let t: TestDb;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const setLastSync = (licenseKey: string, at: Date | null) => t.db.integration.update({ where: { licenseKey }, data: { lastSyncAt: at } });

describe("poll-due", () => {
  it("asks the polling shops that were never fetched, not the webhook-only ones", async () => {
    const due = await dueIntegrations(new Date());
    expect(due.sort()).toEqual(["DEMO-KMOSHOPS-FACTUURSTUREN", "DEMO-MAGENTO-ROMPSLOMP", "DEMO-PRESTASHOP-EBOEKHOUDEN"]);
  });

  it("waits an hour by default, or the shop's own interval (never under five minutes)", async () => {
    await setLastSync("DEMO-MAGENTO-ROMPSLOMP", minutesAgo(30));
    await setLastSync("DEMO-PRESTASHOP-EBOEKHOUDEN", minutesAgo(61));
    await setLastSync("DEMO-KMOSHOPS-FACTUURSTUREN", minutesAgo(4));
    const kmo = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-KMOSHOPS-FACTUURSTUREN" } });
    await t.db.integrationSetting.update({ where: { integrationId_key: { integrationId: kmo.id, key: "source" } }, data: { value: { pollIntervalMinutes: 1 } } });
    expect(await dueIntegrations(new Date())).toEqual(["DEMO-PRESTASHOP-EBOEKHOUDEN"]);
    await setLastSync("DEMO-KMOSHOPS-FACTUURSTUREN", minutesAgo(6));
    expect((await dueIntegrations(new Date())).sort()).toEqual(["DEMO-KMOSHOPS-FACTUURSTUREN", "DEMO-PRESTASHOP-EBOEKHOUDEN"]);
  });

  it("keeps fetching for a paused integration (nothing is lost), never for a cancelled one", async () => {
    await t.db.integration.update({ where: { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN" }, data: { status: "paused" } });
    expect(await dueIntegrations(new Date())).toContain("DEMO-PRESTASHOP-EBOEKHOUDEN");
    await t.db.integration.update({ where: { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN" }, data: { status: "cancelled" } });
    expect(await dueIntegrations(new Date())).not.toContain("DEMO-PRESTASHOP-EBOEKHOUDEN");
    await t.db.integration.update({ where: { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN" }, data: { status: "active" } });
  });
});

describe("recheck-shops (nightly)", () => {
  const shop = `${APP}/sandbox/prestashop/demo-prestashop-eboekhouden/_admin/documents`;
  const now = new Date().toISOString().slice(0, 19).replace("T", " ");
  const order = (state: number) => ({
    current_state: state, payment: "iDEAL", module: "mollie", date_add: now, date_upd: now,
    customer: { email: "eva@example.nl", firstname: "Eva", lastname: "Koper" },
    address_invoice: { firstname: "Eva", lastname: "Koper", iso_code: "NL" },
    order_details: [{ product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 }],
  });

  it("records every order of the window in a status to process, queues those not booked, and never a booked one", async () => {
    const post = async (state: number) => ((await (await inProcessSandboxFetch(shop, { method: "POST", body: JSON.stringify({ kind: "order", payload: order(state) }) })).json()) as { id: string }).id;
    const paid = await post(2);
    await post(10); // awaiting bank wire: not a status to process
    const integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-PRESTASHOP-EBOEKHOUDEN" } })).id;

    const queued = await recheckIntegration(integrationId);
    const documents = await t.db.document.findMany({ where: { integrationId } });
    expect(documents.map((d) => d.sourceId)).toEqual([paid]);
    expect(queued).toEqual([documents[0]!.id]);

    await t.db.document.update({ where: { id: documents[0]!.id }, data: { status: "booked" } });
    expect(await recheckIntegration(integrationId)).toEqual([]);
  });
});

describe("recheck-open (nightly)", () => {
  it("looks again at what waits on Open, only for running integrations", async () => {
    const running = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
    const paused = await t.db.integration.update({ where: { licenseKey: "DEMO-CCVSHOP-WEFACT" }, data: { status: "paused" } });
    const open = await t.db.document.create({ data: { integrationId: running.id, kind: "order", sourceId: "open-1", status: "open", rawPayload: {} } });
    await t.db.document.create({ data: { integrationId: running.id, kind: "order", sourceId: "booked-1", status: "booked", rawPayload: {} } });
    await t.db.document.create({ data: { integrationId: paused.id, kind: "order", sourceId: "open-2", status: "open", rawPayload: {} } });
    expect(await openDocuments()).toEqual([{ id: open.id, integrationId: running.id }]);
  });
});
