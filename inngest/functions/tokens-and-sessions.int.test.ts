import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sandboxBaseUrl as rompslompBase, sandboxOAuthApp, type RompslompCredentials } from "@/connectors/rompslomp/config";
import { authorizeUrl } from "@/connectors/rompslomp/oauth";
import { formFields } from "@/connectors/rompslomp/sandbox/testing";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { GET as oauthCallback } from "@/app/api/oauth/[system]/callback/route";
import { openCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { connectWithForm } from "@/lib/install/connect-with-form";
import { startOAuthFlow } from "@/lib/install/oauth-browser-binding";
import { oauthRedirectUri } from "@/lib/install/oauth-redirect";
import { HELD_RECONNECT } from "@/lib/pipeline/reconnect-hold";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { inngest } from "../client";
import { alertsErrorRecordedFn } from "./alerts-error-recorded";
import { processDocument } from "./process-document";
import { processPayment } from "./process-payment";
import { matrixReaders } from "./testing/matrix-readers";

/**
 * Tokens and sessions through the real pipeline, the sandboxes in-process: an expired OAuth access
 * token is refreshed on the fly; a revoked token or key turns the connection red, keeps documents
 * on Open (nothing lost), mails "reconnect needed" once, and a reconnect books each of them once;
 * an ended e-Boekhouden session is renewed.
 */
const APP = "http://localhost:3000";
const admin = (system: string, key: string) => `${APP}/sandbox/${system}/${key.toLowerCase()}/_admin`;

let t: TestDb;
const realFetch = globalThis.fetch;
type Sent = { name: string; data: Record<string, unknown> };
/** Everything the functions and the app sent to Inngest. */
let sent: Sent[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  vi.spyOn(inngest as unknown as { _send: (a: { payload: unknown }) => Promise<unknown> }, "_send").mockImplementation(async ({ payload }) => {
    const events = (Array.isArray(payload) ? payload : [payload]) as Sent[];
    sent.push(...events);
    return { ids: events.map((_, i) => `evt-${sent.length}-${i}`) };
  });
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });
beforeEach(() => { sent = []; });

const integrationOf = (key: string) => t.db.integration.findUniqueOrThrow({ where: { licenseKey: key }, include: { connections: true } });
const targetOf = async (key: string) => (await integrationOf(key)).connections.find((c) => c.side === "target")!;

async function place(system: string, key: string, kind: string, payload: object): Promise<string> {
  const res = await inProcessSandboxFetch(`${admin(system, key)}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Processes one document through the real function (payments' events stood in for). */
async function process(key: string, kind: "order" | "invoice", sourceId: string) {
  const { id: integrationId } = await integrationOf(key);
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  return processId(integrationId, documentId);
}
async function processId(integrationId: string, documentId: string) {
  const { result, error } = await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    steps: [{ id: "send-payments", handler: () => ({ ids: [] }) }],
  }).execute();
  expect(error).toBeUndefined();
  return { documentId, result: result as Record<string, unknown>, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

/** Runs the alert function for every alert event sent so far; returns how many reconnect mails exist. */
async function runAlerts(accountId: string) {
  for (const event of sent.filter((e) => e.name === "alerts/error.recorded")) {
    const { error } = await new InngestTestEngine({ function: alertsErrorRecordedFn, events: [event as never] }).execute();
    expect(error).toBeUndefined();
  }
  sent = sent.filter((e) => e.name !== "alerts/error.recorded");
  return t.db.mail.count({ where: { accountId, kind: "alert.reconnect" } });
}

/** The documents the app asked Inngest to process (e.g. after a reconnect), then cleared. */
function processRequests() {
  const ids = sent.filter((e) => e.name === "document/process.requested").map((e) => e.data as { documentId: string; integrationId: string });
  sent = sent.filter((e) => e.name !== "document/process.requested");
  return ids;
}

const requests = async (system: string, key: string) => (await (await inProcessSandboxFetch(`${admin(system, key)}/requests`)).json()) as { method: string; path: string; status: number }[];

// ─── Rompslomp: OAuth2 with rotating refresh tokens ───────────────────────

const RS = "DEMO-CCVSHOP-ROMPSLOMP";
const ccvRow = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const ccvOrder = (email: string) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
  customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [ccvRow("Theepot", 1, 24.95, 21), ccvRow("Thee", 2, 5.98, 9)],
});
const rompslompBooked = (sourceId: string) => matrixReaders.rompslomp(admin("rompslomp", RS), { reference: `${RS}-order-${sourceId}`, salesNumber: "" });

/** The merchant reconnects Rompslomp: consent page → Allow → our real OAuth callback route. */
async function reconnectRompslomp() {
  const baseUrl = rompslompBase(APP, RS.toLowerCase());
  const flow = startOAuthFlow(RS); // as our start route does: the state, bound to this browser by a cookie
  const page = await inProcessSandboxFetch(authorizeUrl({ baseUrl, clientId: sandboxOAuthApp.clientId, redirectUri: oauthRedirectUri("rompslomp"), state: flow.state }));
  const allow = await inProcessSandboxFetch(`${baseUrl}/oauth/authorize`, { method: "POST", body: new URLSearchParams([...formFields(await page.text()), ["decision", "allow"]]), redirect: "manual" });
  expect(allow.status).toBe(302);
  const cookie = flow.setCookie.split(";")[0]!;
  const back = await oauthCallback(new Request(allow.headers.get("location")!, { headers: { cookie } }), { params: Promise.resolve({ system: "rompslomp" }) });
  expect(back.status).toBe(307);
  expect(back.headers.get("location")).not.toMatch(/failed|declined/i);
}

describe("Rompslomp (OAuth2)", () => {
  it("refreshes an expired access token on the fly: the booking succeeds and the new tokens are stored sealed", async () => {
    // A first booking: the demo's stored tokens are refreshed and their expiry stored, so ours look valid...
    const warm = await process(RS, "order", await place("ccvshop", RS, "order", ccvOrder("warm@example.nl")));
    expect(warm.document.status).toBe("booked");
    const before = openCredentials<RompslompCredentials>((await targetOf(RS)).credentialsEnc!);
    expect(Date.parse(before.expiresAt)).toBeGreaterThan(Date.now() + 3600_000);
    // ...while Rompslomp has ended them: the next call is refused, and only then refreshed.
    const expire = await inProcessSandboxFetch(`${admin("rompslomp", RS)}/expire-tokens`, { method: "POST" });
    expect(expire.status).toBe(204);
    const seen = (await requests("rompslomp", RS)).length;

    const id = await place("ccvshop", RS, "order", ccvOrder("refresh@example.nl"));
    const { document } = await process(RS, "order", id);
    expect([document.status, document.errorCode]).toEqual(["booked", null]);
    expect((await rompslompBooked(id)).count).toBe(1);

    // The expired token was refused once, then refreshed at the token endpoint.
    const after = (await requests("rompslomp", RS)).slice(seen);
    expect(after.some((r) => r.status === 401)).toBe(true);
    expect(after.some((r) => r.method === "POST" && r.path.endsWith("/oauth/token") && r.status === 200)).toBe(true);
    const stored = await targetOf(RS);
    const now = openCredentials<RompslompCredentials>(stored.credentialsEnc!);
    expect(now.accessToken).not.toBe(before.accessToken);
    expect(now.refreshToken).not.toBe(before.refreshToken); // rotated: the old one is dead, the new one kept
    expect(stored.status).not.toBe("error");
  });

  it("revoked: the connection turns red, documents wait on Open, one reconnect mail; after reconnecting each is booked once", async () => {
    const integration = await integrationOf(RS);
    expect((await inProcessSandboxFetch(`${admin("rompslomp", RS)}/revoke`, { method: "POST" })).status).toBe(204);

    const ids = [];
    for (const email of ["r1@example.nl", "r2@example.nl", "r3@example.nl"]) {
      const id = await place("ccvshop", RS, "order", ccvOrder(email));
      const { document, result } = await process(RS, "order", id);
      expect(result).toMatchObject({ status: "open", held: HELD_RECONNECT, code: "oauth_revoked" });
      expect([document.status, document.errorCode]).toEqual(["open", HELD_RECONNECT]);
      expect(document.errorDetail).toMatch(/Rompslomp no longer accepts this connection.*booked as soon as the connection works again/);
      expect(document.errorParams).toEqual({ side: "target", code: "oauth_revoked" });
      ids.push(id);
    }
    const red = await targetOf(RS);
    expect(red.status).toBe("error");
    expect(red.statusDetail).toMatch(/Rompslomp/);
    expect(await t.db.document.count({ where: { integrationId: integration.id, status: "error" } })).toBe(0);
    expect(await runAlerts(integration.accountId)).toBe(1);
    for (const id of ids) expect((await rompslompBooked(id)).count).toBe(0);

    await reconnectRompslomp();
    expect((await targetOf(RS)).status).toBe("ok");
    const requeued = processRequests();
    expect(requeued.map((r) => r.integrationId)).toEqual(ids.map(() => integration.id));
    // Delivered twice (a retried send): still one booking each.
    for (const { integrationId, documentId } of [...requeued, ...requeued]) await processId(integrationId, documentId);
    for (const id of ids) {
      const doc = await t.db.document.findFirstOrThrow({ where: { integrationId: integration.id, sourceId: id } });
      expect([doc.status, doc.errorCode]).toEqual(["booked", null]);
      expect((await rompslompBooked(id)).count).toBe(1);
    }
    expect(await runAlerts(integration.accountId)).toBe(1);
  });
});

describe("Rompslomp payments", () => {
  const payOnce = async (paymentId: string, integrationId: string) => {
    const { error } = await new InngestTestEngine({ function: processPayment, events: [{ name: "payment/received", data: { paymentId, integrationId } }] }).execute();
    expect(error).toBeUndefined();
    return t.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  };

  it("a payment refused by a revoked grant waits (not Errors) and is registered once after reconnecting", async () => {
    const integration = await integrationOf(RS);
    await reconnectRompslomp(); // a working grant after the previous test's revocation
    processRequests();
    const id = await place("ccvshop", RS, "order", ccvOrder("pay@example.nl"));
    const { document } = await process(RS, "order", id);
    expect(document.status).toBe("booked");
    const [payment] = await t.db.payment.findMany({ where: { documentId: document.id } });
    expect(payment).toBeDefined();

    expect((await inProcessSandboxFetch(`${admin("rompslomp", RS)}/revoke`, { method: "POST" })).status).toBe(204);
    const waiting = await payOnce(payment!.id, integration.id);
    expect([waiting.status, waiting.errorCode]).toEqual(["waiting", HELD_RECONNECT]);
    expect((await targetOf(RS)).status).toBe("error");

    await reconnectRompslomp();
    const requeued = sent.filter((e) => e.name === "payment/received").map((e) => e.data.paymentId);
    expect(requeued).toContain(payment!.id);
    expect((await payOnce(payment!.id, integration.id)).status).toBe("booked");
    expect((await payOnce(payment!.id, integration.id)).status).toBe("booked"); // a repeated event pays nothing twice
    const state = (await (await inProcessSandboxFetch(`${admin("rompslomp", RS)}/state`)).json()) as { payments: { sales_invoice_id: string | number | null }[] };
    expect(state.payments.filter((p) => String(p.sales_invoice_id) === document.targetRef)).toHaveLength(1);
  });
});

// ─── Factuursturen: an API key the merchant deactivated ───────────────────

const FS = "DEMO-KMOSHOPS-FACTUURSTUREN";
const kmoLine = (name: string, quantity: number, priceincltax: string, tax_rate: string) => ({ sku: name.toUpperCase(), name, quantity, priceincltax, tax_rate });
const kmoOrder = (email: string) => ({
  status: "paid", payment_status: "paid", payment_method: { code: "ideal", name: "iDEAL" },
  customer: { email, firstname: "Eva", lastname: "Koper" },
  billing_address: { firstname: "Eva", lastname: "Koper", address1: "Kerkstraat", house_number: "1", zipcode: "1234 AB", city: "Utrecht", country: "NL" },
  lines: [kmoLine("Theepot", 1, "24.95", "21"), kmoLine("Thee", 2, "5.98", "9")],
  shipping: { name: "PostNL", priceincltax: "4.95", tax_rate: "21" },
});

describe("Factuursturen (API key)", () => {
  it("a deactivated key: red, Open, one mail; saving the key again in the wizard books the waiting orders once", async () => {
    const integration = await integrationOf(FS);
    const mailsBefore = await t.db.mail.count({ where: { accountId: integration.accountId, kind: "alert.reconnect" } });
    expect((await inProcessSandboxFetch(`${admin("factuursturen", FS)}/revoke`, { method: "POST" })).status).toBe(204);
    const ids = [];
    for (const email of ["k1@example.nl", "k2@example.nl"]) {
      const id = await place("kmoshops", FS, "order", kmoOrder(email));
      const { document } = await process(FS, "order", id);
      expect([document.status, document.errorCode]).toEqual(["open", HELD_RECONNECT]);
      ids.push(id);
    }
    expect((await targetOf(FS)).status).toBe("error");
    expect(await runAlerts(integration.accountId)).toBe(mailsBefore + 1);

    // The merchant activates the key again and saves it in the Configuration tab's form.
    expect((await inProcessSandboxFetch(`${admin("factuursturen", FS)}/activate-key`, { method: "POST" })).status).toBe(204);
    const values = openCredentials<{ username: string; apiKey: string }>((await targetOf(FS)).credentialsEnc!);
    expect(await connectWithForm(integration.id, "target", values)).toMatchObject({ ok: true });
    expect((await targetOf(FS)).status).toBe("ok");
    for (const { integrationId, documentId } of processRequests()) await processId(integrationId, documentId);
    for (const id of ids) {
      const doc = await t.db.document.findFirstOrThrow({ where: { integrationId: integration.id, sourceId: id } });
      expect(doc.status).toBe("booked");
      expect((await matrixReaders.factuursturen(admin("factuursturen", FS), { reference: `${FS}-order-${id}`, salesNumber: "" })).count).toBe(1);
    }
  });
});

// ─── e-Boekhouden: sessions opened from an API token ──────────────────────

const EB = "DEMO-PRESTASHOP-EBOEKHOUDEN";
const prestashopOrder = (reference: string, email: string) => ({
  reference, current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "0.00",
  date_add: "2024-07-05 16:40:18", date_upd: "2024-07-05 16:40:18",
  customer: { email, firstname: "Eva", lastname: "Koper" },
  address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
  order_details: [
    { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
    { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
  ],
});
const eboekhoudenBooked = (salesNumber: string) => matrixReaders.eboekhouden(admin("eboekhouden", EB), { reference: "", salesNumber });

describe("e-Boekhouden (API token → session)", () => {
  it("renews a session e-Boekhouden ended, and the booking succeeds", async () => {
    const first = await process(EB, "order", await place("prestashop", EB, "order", prestashopOrder("SESSIONA", "s1@example.nl")));
    expect(first.document.status).toBe("booked");
    expect((await inProcessSandboxFetch(`${admin("eboekhouden", EB)}/expire-sessions`, { method: "POST" })).status).toBe(204);
    const seen = (await requests("eboekhouden", EB)).length;

    const second = await process(EB, "order", await place("prestashop", EB, "order", prestashopOrder("SESSIONB", "s2@example.nl")));
    expect([second.document.status, second.document.errorCode]).toEqual(["booked", null]);
    expect((await eboekhoudenBooked("SESSIONB")).count).toBe(1);
    const after = (await requests("eboekhouden", EB)).slice(seen);
    expect(after.some((r) => r.status === 401)).toBe(true);
    expect(after.some((r) => r.method === "POST" && r.path.endsWith("/v1/session") && r.status < 300)).toBe(true);
    expect((await targetOf(EB)).status).not.toBe("error");
  });

  it("an API token past its end date: red and Open, not Errors", async () => {
    expect((await inProcessSandboxFetch(`${admin("eboekhouden", EB)}/expire-token`, { method: "POST" })).status).toBe(204);
    expect((await inProcessSandboxFetch(`${admin("eboekhouden", EB)}/expire-sessions`, { method: "POST" })).status).toBe(204);
    const { document } = await process(EB, "order", await place("prestashop", EB, "order", prestashopOrder("SESSIONC", "s3@example.nl")));
    expect([document.status, document.errorCode]).toEqual(["open", HELD_RECONNECT]);
    expect(document.errorDetail).toMatch(/end date/);
    expect((await targetOf(EB)).status).toBe("error");
    expect((await eboekhoudenBooked("SESSIONC")).count).toBe(0);
  });
});
