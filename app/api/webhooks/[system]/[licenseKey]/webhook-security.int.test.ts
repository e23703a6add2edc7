import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookHash } from "@/connectors/ccvshop/signing";
import { WEBHOOK_HEADERS, WEBHOOK_MAX_AGE_MS, webhookSignature } from "@/connectors/kmoshops/contract";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { claimDelivery, pruneDeliveries, releaseDelivery } from "@/lib/webhooks/replay-guard";

// The signature, replay and existence-oracle guarantees of the webhook receiver (SECURITY.md).
const sent = vi.hoisted(() => ({ events: [] as unknown[], fail: false }));
vi.mock("@/inngest/client", async (original) => {
  const real = await original<typeof import("@/inngest/client")>();
  real.inngest.send = (async (payload: unknown) => {
    if (sent.fail) throw new Error("Inngest is down");
    sent.events.push(payload);
    return { ids: [] };
  }) as typeof real.inngest.send;
  return real;
});
const decoy = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/webhooks/decoy", async (original) => {
  const real = await original<typeof import("@/lib/webhooks/decoy")>();
  return { decoyVerification: (body: string) => { decoy.calls++; real.decoyVerification(body); } };
});
const { POST } = await import("./route");

const APP = "http://localhost:3000";
const CCV_KEY = "BK-CCVSEC";
const KMO_KEY = "BK-KMOSEC";
const ccv = { publicKey: "pub", secretKey: "ccv-api-secret", webhooks: [{ event: "orders.created", address: `${APP}/api/webhooks/ccvshop/${CCV_KEY}`, key: "ccv-webhook-key" }] };
const kmo = { shopId: "42", apiKey: "kmo-api", webhookSecret: "kmo-webhook-secret" };
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  const account = await t.db.account.create({ data: { name: "Webhooks" } });
  const make = async (licenseKey: string, sourceSystem: string, credentials: Record<string, unknown> | null, status = "active") =>
    t.db.integration.create({ data: { accountId: account.id, licenseKey, name: licenseKey, sourceSystem, targetSystem: "rompslomp", status,
      connections: { create: { side: "source", system: sourceSystem, credentialsEnc: credentials ? sealCredentials(credentials) : null } } } });
  await make(CCV_KEY, "ccvshop", ccv);
  await make(KMO_KEY, "kmoshops", kmo);
  await make("BK-NOCREDS", "ccvshop", null);
  await make("BK-CANCELLED", "ccvshop", { ...ccv, webhooks: [{ ...ccv.webhooks[0]!, address: `${APP}/api/webhooks/ccvshop/BK-CANCELLED` }] }, "cancelled");
});
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(() => { sent.events = []; sent.fail = false; decoy.calls = 0; });

const post = (system: string, licenseKey: string, body: string, headers: Record<string, string>) =>
  POST(new Request(`${APP}/api/webhooks/${system}/${licenseKey}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), {
    params: Promise.resolve({ system, licenseKey }),
  });
const ccvDelivery = (body: string, licenseKey = CCV_KEY, key = "ccv-webhook-key") =>
  post("ccvshop", licenseKey, body, { "x-hash": webhookHash(key, `${APP}/api/webhooks/ccvshop/${licenseKey}`, body) });
const kmoBody = (id: string, createdAt: Date, orderId = "7001") =>
  JSON.stringify({ id, topic: "order.updated", shop_id: "42", created_at: createdAt.toISOString(), order: { id: orderId, order_number: "K1", status: "paid", payment_status: "paid", updated_at: createdAt.toISOString(), refunds: [] } });
const kmoDelivery = (body: string, secret = kmo.webhookSecret) =>
  post("kmoshops", KMO_KEY, body, { [WEBHOOK_HEADERS.signature]: webhookSignature(secret, body) });
const answer = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("signature on the raw body", () => {
  it("accepts the exact bytes the shop signed and refuses the same JSON re-serialised", async () => {
    const raw = '{"id": 501,  "href": "https://shop.example/api/rest/v1/orders/501"}';
    const reformatted = JSON.stringify(JSON.parse(raw));
    const signedRaw = webhookHash("ccv-webhook-key", `${APP}/api/webhooks/ccvshop/${CCV_KEY}`, raw);
    expect((await post("ccvshop", CCV_KEY, reformatted, { "x-hash": signedRaw })).status).toBe(401);
    expect(await t.db.document.count()).toBe(0);
    expect(await answer(await post("ccvshop", CCV_KEY, raw, { "x-hash": signedRaw }))).toEqual({ status: 200, body: { received: 1, queued: 1 } });
    expect(sent.events).toHaveLength(1);
  });

  it("refuses a KMO delivery signed with another secret", async () => {
    expect((await kmoDelivery(kmoBody("d-other", new Date()), "not-the-secret")).status).toBe(401);
    expect(sent.events).toEqual([]);
  });
});

describe("no existence oracle", () => {
  it("answers an unknown key, another system, missing credentials, a cancelled integration and a bad signature alike", async () => {
    const body = '{"id": 9}';
    const refusals = [
      await post("ccvshop", "BK-NO-SUCH-KEY", body, { "x-hash": "ab".repeat(64) }),
      await post("kmoshops", CCV_KEY, body, { [WEBHOOK_HEADERS.signature]: "sha256=00" }),
      await post("prestashop", CCV_KEY, body, {}),
      await post("ccvshop", "BK-NOCREDS", body, { "x-hash": "ab".repeat(64) }),
      await post("ccvshop", "BK-CANCELLED", body, { "x-hash": "ab".repeat(64) }),
      await post("ccvshop", CCV_KEY, body, { "x-hash": "ab".repeat(64) }),
    ];
    const answers = await Promise.all(refusals.map(answer));
    for (const a of answers) expect(a).toEqual(answers.at(-1));
    expect(answers.at(-1)).toEqual({ status: 401, body: { error: "unauthorized", message: "This webhook could not be verified." } });
    // The addresses we do not know did a signature check's work too (not answered before reading the body).
    expect(decoy.calls).toBe(4);
  });

  it("still acknowledges a correctly signed delivery to a cancelled integration, and records nothing", async () => {
    const res = await ccvDelivery('{"id": 77}', "BK-CANCELLED");
    expect(res.status).toBe(200);
    expect(await t.db.document.count({ where: { sourceId: "77" } })).toBe(0);
  });
});

describe("replay", () => {
  it("KMO: refuses a delivery whose signed created_at is outside the window, either way", async () => {
    expect((await kmoDelivery(kmoBody("d-old", new Date(Date.now() - WEBHOOK_MAX_AGE_MS - 60_000)))).status).toBe(401);
    expect((await kmoDelivery(kmoBody("d-future", new Date(Date.now() + 10 * 60_000)))).status).toBe(401);
    expect(sent.events).toEqual([]);
    expect((await kmoDelivery(kmoBody("d-recent", new Date(Date.now() - 30 * 60_000), "7002"))).status).toBe(200);
    expect(sent.events).toHaveLength(1);
  });

  it("KMO: handles a delivery id once; a replay is acknowledged and fetches nothing", async () => {
    const body = kmoBody("d-once", new Date(), "7003");
    expect(await answer(await kmoDelivery(body))).toEqual({ status: 200, body: { received: 1, queued: 1 } });
    expect(await answer(await kmoDelivery(body))).toEqual({ status: 200, body: { received: 1, queued: 0, replayed: true } });
    expect(sent.events).toHaveLength(1);
  });

  it("CCV: the same signed delivery twice is handled once", async () => {
    const body = '{"id": 502, "href": "https://shop.example/api/rest/v1/orders/502"}';
    expect((await answer(await ccvDelivery(body))).body).toEqual({ received: 1, queued: 1 });
    expect((await answer(await ccvDelivery(body))).body).toEqual({ received: 1, queued: 0, replayed: true });
    expect(sent.events).toHaveLength(1);
  });

  it("lets the shop's redelivery through when we failed to handle the first attempt", async () => {
    const body = kmoBody("d-retry", new Date(), "7004");
    sent.fail = true;
    await expect(kmoDelivery(body)).rejects.toThrow(/Inngest is down/);
    sent.fail = false;
    expect(await answer(await kmoDelivery(body))).toEqual({ status: 200, body: { received: 1, queued: 1 } });
  });

  it("forgets a delivery after its time to live, and releasing frees a claim", async () => {
    const integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: CCV_KEY } })).id;
    const now = new Date();
    expect(await claimDelivery(t.db, integrationId, "k", 60_000, now)).toBe(true);
    expect(await claimDelivery(t.db, integrationId, "k", 60_000, now)).toBe(false);
    expect(await claimDelivery(t.db, integrationId, "k", 60_000, new Date(now.getTime() + 60_001))).toBe(true);
    await releaseDelivery(t.db, integrationId, "k");
    expect(await claimDelivery(t.db, integrationId, "k", 60_000, now)).toBe(true);
    // The nightly prune forgets expired claims only.
    expect(await claimDelivery(t.db, integrationId, "old", 1_000, new Date(now.getTime() - 5_000))).toBe(true);
    expect(await pruneDeliveries(t.db, now)).toBe(1);
    expect((await t.db.webhookDelivery.findMany({ where: { integrationId, key: { in: ["k", "old"] } } })).map((d) => d.key)).toEqual(["k"]);
  });
});
