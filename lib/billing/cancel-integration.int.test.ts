import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createKmoClient } from "@/connectors/kmoshops/client";
import { webhookSignature } from "@/connectors/kmoshops/contract";
import { sandboxCredentials } from "@/connectors/kmoshops/sandbox/credentials";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { POST as shopWebhook } from "@/app/api/webhooks/[system]/[licenseKey]/route";
import { POST as processButton } from "@/app/api/integrations/[integrationId]/documents/[documentId]/process/route";
import { POST as fetchNowButton } from "@/app/api/integrations/[integrationId]/sync/route";
import { inngest } from "@/inngest/client";
import { dueIntegrations } from "@/inngest/functions/poll-due";
import { processDocument } from "@/inngest/functions/process-document";
import { syncIntegration } from "@/inngest/functions/sync-integration";
import { listDocuments } from "@/lib/dashboard/integrations";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { HELD_CANCELLED, HELD_PAUSED } from "@/lib/integrations/lifecycle";
import { cancelIntegration } from "./cancel-integration";
import { openRenewalInvoice } from "./renewal-invoice";
import { completeInstall } from "@/lib/install/complete-install";
import { appFetch } from "./testing/app-fetch";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

/**
 * Cancel, on the demo KMO Shops → Factuursturen integration (webhooks and polling): nothing is
 * fetched or booked afterwards, what was booked stays listed, Process is refused.
 */
const session = vi.hoisted(() => ({ current: null as null | { userId: string; accountId: string; email: string } }));
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => session.current }));

const APP = "http://localhost:3000";
const KEY = "DEMO-KMOSHOPS-FACTUURSTUREN";
const TENANT = KEY.toLowerCase();
let t: TestDb;
const realFetch = globalThis.fetch;
const deliveries: { body: string; headers: Headers }[] = [];
let sent: { name: string; data: Record<string, string> }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = appFetch([
    {
      pattern: /^\/api\/webhooks\/([^/]+)\/([^/]+)$/,
      handle: async (req, m) => {
        deliveries.push({ body: await req.clone().text(), headers: req.headers });
        return shopWebhook(req, { params: Promise.resolve({ system: m[1]!, licenseKey: decodeURIComponent(m[2]!) }) });
      },
    },
  ]);
  await seedDemo(t.db, APP);
  vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
    const events = (Array.isArray(payload) ? payload : [payload]) as { name: string; data: Record<string, string> }[];
    sent.push(...events);
    return { ids: events.map(() => "evt") };
  }) as never);
  const user = await t.db.user.findUniqueOrThrow({ where: { email: "demo@example.com" } });
  session.current = { userId: user.id, accountId: user.accountId, email: user.email };
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const order = (email: string) => ({
  status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
  customer: { email, firstname: "Eva", lastname: "Koper" },
  billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
  lines: [{ sku: "POT", name: "Theepot", quantity: 1, priceincltax: "24.95", tax_rate: "21" }],
});
const placeOrder = async (email: string) =>
  ((await (await inProcessSandboxFetch(`${APP}/sandbox/kmoshops/${TENANT}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload: order(email) }) })).json()) as { id: string }).id;
const until = async <T>(probe: () => T | undefined, what: string): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const found = probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
};
const bookedInFactuursturen = async () => ((await (await inProcessSandboxFetch(`${APP}/sandbox/factuursturen/${TENANT}/_admin/state`)).json()) as { invoices: unknown[] }).invoices.length;
const fetchNow = () =>
  new InngestTestEngine({ function: syncIntegration, events: [{ name: "integration/sync.requested", data: { licenseKey: KEY } }], steps: [0, 1, 2].map((i) => ({ id: `queue-${i}`, handler: () => ({ ids: [] }) })) }).execute();
const kmoWebhooks = () => createKmoClient({ baseUrl: `${APP}/sandbox/kmoshops/${TENANT}`, credentials: sandboxCredentials(TENANT) }).listWebhooks();

describe("cancel an integration", () => {
  let integrationId: string;
  let bookedId: string;

  it("books normally before the cancel", async () => {
    integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
    await placeOrder("before@example.nl");
    const event = await until(() => sent.find((e) => e.name === "document/process.requested"), "the shop's webhook");
    bookedId = event.data.documentId!;
    const { result } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: event.data }], steps: sentEventSteps() }).execute();
    expect(result).toMatchObject({ status: "booked" });
    expect(await bookedInFactuursturen()).toBe(1);
    expect((await kmoWebhooks()).length).toBeGreaterThan(0);
  });

  it("finishing the wizard again does not resume a paused integration", async () => {
    await t.db.integration.update({ where: { id: integrationId }, data: { status: "paused" } });
    expect(await completeInstall(integrationId)).toBeNull();
    expect((await t.db.integration.findUniqueOrThrow({ where: { id: integrationId } })).status).toBe("paused");
    await t.db.integration.update({ where: { id: integrationId }, data: { status: "active" } });
  });

  it("cancels as of now: webhooks removed, open invoice cancelled, held documents told why, confirmation mailed; a second cancel does nothing", async () => {
    const invoice = await openRenewalInvoice(t.db, integrationId);
    const held = await t.db.document.create({ data: { integrationId, kind: "order", sourceId: "held-1", status: "open", errorCode: HELD_PAUSED, errorDetail: "paused", rawPayload: {} } });

    const result = await cancelIntegration(t.db, integrationId);
    expect(result).toEqual({ cancelled: true, webhooks: { removed: 2 } });
    expect(await kmoWebhooks()).toEqual([]);
    const row = await t.db.integration.findUniqueOrThrow({ where: { id: integrationId } });
    expect(row.status).toBe("cancelled");
    expect(row.cancelledAt).toBeInstanceOf(Date);
    expect((await t.db.subscriptionInvoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("cancelled");
    expect(await t.db.document.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: "open", errorCode: HELD_CANCELLED });
    const mails = await t.db.mail.findMany({ where: { kind: "cancelled" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("is cancelled as of today");
    expect(mails[0]!.text).toContain("webhooks in your webshop were removed");

    expect(await cancelIntegration(t.db, integrationId)).toEqual({ cancelled: false });
    expect(await t.db.mail.count({ where: { kind: "cancelled" } })).toBe(1);
    // Nor does the wizard revive it (or register its webhooks again).
    expect(await completeInstall(integrationId)).toMatch(/was cancelled, so it cannot be installed again/);
    expect(await kmoWebhooks()).toEqual([]);
  });

  it("fetches nothing afterwards: no poll, no Fetch now, no webhook from the shop, and a signed delivery is acknowledged and ignored", async () => {
    sent = [];
    const before = deliveries.length;
    const newOrder = await placeOrder("after@example.nl");
    expect(await dueIntegrations(new Date())).not.toContain(KEY);
    expect((await fetchNow()).result).toEqual({ skipped: "integration is cancelled" });

    // Our address is no longer registered with the shop…
    await new Promise((r) => setTimeout(r, 200));
    expect(deliveries.length).toBe(before);
    // …and a delivery that still comes (signed by the shop) changes nothing.
    const body = JSON.parse(deliveries[0]!.body) as { order: { id: string } };
    body.order.id = newOrder;
    const raw = JSON.stringify(body);
    const res = await shopWebhook(
      new Request(`${APP}/api/webhooks/kmoshops/${KEY}`, { method: "POST", body: raw, headers: { "content-type": "application/json", "x-kmo-signature": webhookSignature(sandboxCredentials(TENANT).webhookSecret, raw), "x-kmo-topic": "order.created" } }),
      { params: Promise.resolve({ system: "kmoshops", licenseKey: KEY }) },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 0, ignored: expect.stringContaining("cancelled") });
    expect(await t.db.document.count({ where: { integrationId, sourceId: newOrder } })).toBe(0);
    expect(sent).toEqual([]);
  });

  it("books nothing afterwards, keeps what was booked on the dashboard, and refuses Process and Fetch now with a clear error", async () => {
    const { accountId } = session.current!;
    expect((await listDocuments(t.db, accountId, integrationId, "report")).map((d) => d.id)).toEqual([bookedId]);

    const stray = await t.db.document.create({ data: { integrationId, kind: "order", sourceId: "stray-1", status: "queued", rawPayload: {} } });
    const { result } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId: stray.id, integrationId } }], steps: sentEventSteps() }).execute();
    expect(result).toEqual({ status: "open", held: HELD_CANCELLED });
    expect(await bookedInFactuursturen()).toBe(1);

    const refused = await processButton(new Request(`${APP}/api/integrations/${integrationId}/documents/${stray.id}/process`, { method: "POST" }), { params: Promise.resolve({ integrationId, documentId: stray.id }) });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: HELD_CANCELLED, message: expect.stringMatching(/cancelled, so nothing is booked any more/) });
    const noFetch = await fetchNowButton(new Request(`${APP}/api/integrations/${integrationId}/sync`, { method: "POST" }), { params: Promise.resolve({ integrationId }) });
    expect(noFetch.status).toBe(409);
    expect((await noFetch.json()).message).toMatch(/nothing is fetched/);
    expect(sent).toEqual([]);
  });
});
