import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { accountsWanting, saveAlertPreferences, ALERT_DEFAULTS } from "@/lib/alerts/preferences";
import { lastWeek } from "@/lib/alerts/amsterdam-time";
import { openCredentials, sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { inngest } from "../client";
import { alertsDailyDigest } from "./alerts-daily-digest";
import { alertsErrorRecordedFn } from "./alerts-error-recorded";
import { alertsWeeklySummary } from "./alerts-weekly-summary";
import { processDocument } from "./process-document";

/**
 * The alert mails through the real functions: documents fail in the real pipeline against the
 * sandboxes (in-process), the alerts/error.recorded events it sends are captured and handed to
 * the real alert function; the crons run as Inngest would run them.
 */
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/ccvshop/${TENANT}/_admin`;
const books = `${APP}/sandbox/rompslomp/${TENANT}/_admin`;

let t: TestDb;
let integrationId: string;
let accountId: string;
const realFetch = globalThis.fetch;
type Sent = { name: string; data: Record<string, unknown> };
let sent: Sent[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  const row = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } });
  integrationId = row.id;
  accountId = row.accountId;
  // What the functions send to Inngest (step.sendEvent goes through the client's _send): kept here.
  vi.spyOn(inngest as unknown as { _send: (a: { payload: unknown }) => Promise<unknown> }, "_send").mockImplementation(async ({ payload }) => {
    const events = (Array.isArray(payload) ? payload : [payload]) as Sent[];
    sent.push(...events);
    return { ids: events.map((_, i) => `evt-${sent.length}-${i}`) };
  });
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
const order = (overrides: Record<string, unknown> = {}) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95,
  total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
  customer: { email: "buyer@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
  ...overrides,
});
/** An order with a 15% line: the Netherlands has no 15% in the VAT grid. */
const unmapped15 = () => order({ orderrows: [row("Theepot", 1, 24.95, 21), row("Zeep", 2, 5.98, 15)], total_price: 41.86, total_tax: 6.75 });

async function placeOrder(payload: Record<string, unknown>): Promise<string> {
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload }) });
  return ((await res.json()) as { id: string }).id;
}

/** Books (or fails) one order through the real function; returns the alert events it sent. */
async function process(payload: Record<string, unknown>, on = integrationId) {
  const sourceId = await placeOrder(payload);
  const { documentId } = await receiveDocument(t.db, { integrationId: on, kind: "order", sourceId });
  sent = [];
  await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId: on } }], steps: [{ id: "send-payments", handler: () => ({ ids: [] }) }] }).execute();
  return { documentId, alerts: sent.filter((e) => e.name === "alerts/error.recorded") };
}

/** The alert function, as Inngest runs it for each event. */
async function alert(events: Sent[]) {
  const results = [];
  for (const event of events) {
    const { result, error } = await new InngestTestEngine({ function: alertsErrorRecordedFn, events: [event as never] }).execute();
    expect(error).toBeUndefined();
    results.push(result);
  }
  return results;
}
const mails = (kind: string, account = accountId) => t.db.mail.findMany({ where: { kind, accountId: account }, orderBy: { createdAt: "asc" } });

describe("a new kind of error", () => {
  it("mails once for the first document with a new cause, in plain words with the link to the fix, and not for the second", async () => {
    const first = await process(unmapped15());
    expect(first.alerts).toHaveLength(1);
    expect(first.alerts[0]!.data).toMatchObject({ integrationId, subject: "document", subjectId: first.documentId, code: "vat_rate_unmapped", params: { region: "NL", rate: "15" } });
    const second = await process(unmapped15());
    // Both failed before the alert function ran (a burst): still one mail.
    await alert([...first.alerts, ...second.alerts]);

    const [mail, ...more] = await mails("alert.new-cause");
    expect(more).toHaveLength(0);
    expect(mail!.to).toBe("demo@example.com");
    expect(mail!.subject).toBe("CCV Shop → Rompslomp: new error: VAT rate not set up in the VAT grid: 15% in Netherlands");
    expect(mail!.text).toContain(`license key ${KEY}`);
    expect(mail!.text).toContain("So far 2 document(s) have this error.");
    expect(mail!.text).toContain(`${APP}/dashboard/${integrationId}/configuration`);
    expect(mail!.text).toContain(`${APP}/dashboard/${integrationId}/errors`);
    expect(mail!.text).toContain(`${APP}/dashboard/profile`);

    // A third document with it, later: still no mail.
    await alert((await process(unmapped15())).alerts);
    expect(await mails("alert.new-cause")).toHaveLength(1);
  });

  it("mails a different cause, and the same document retried unfixed does not count as new", async () => {
    const totals = await process(order({ total_price: 49.99 }));
    expect(totals.alerts[0]!.data.code).toBe("totals_mismatch");
    await alert(totals.alerts);
    const all = await mails("alert.new-cause");
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toBe("CCV Shop → Rompslomp: new error: The totals do not add up");
    expect(all[1]!.text).toContain("So far 1 document(s) have this error.");
    expect(all[1]!.text).not.toContain("/configuration");

    // Process again without a fix: the same document fails again; no mail.
    await t.db.document.update({ where: { id: totals.documentId }, data: { status: "queued", errorCode: null, errorParams: undefined } });
    sent = [];
    await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId: totals.documentId, integrationId } }] }).execute();
    await alert(sent.filter((e) => e.name === "alerts/error.recorded"));
    expect(await mails("alert.new-cause")).toHaveLength(2);
  });

  it("mails again when a cause comes back after it was cleared", async () => {
    // The merchant fixed the totals; the document was booked (cleared), then another one has the problem.
    await t.db.document.updateMany({ where: { integrationId, errorCode: "totals_mismatch" }, data: { status: "booked", errorCode: null, bookedAt: new Date() } });
    await alert((await process(order({ total_price: 59.99 }))).alerts);
    expect(await mails("alert.new-cause")).toHaveLength(3);
  });

  it("sends nothing when the merchant switched it off, and does not mail that cause when it is switched on again", async () => {
    await saveAlertPreferences(t.db, accountId, { ...ALERT_DEFAULTS, newCause: false });
    const icp = await process(order({ is_intra_community_order: true, taxes_included: false, order_row_taxes_included: false, total_price: 41.86, total_tax: 0,
      customer: { email: "b2b@example.de", billingaddress: { company: "GmbH", country_code: "DE" }, deliveryaddress: { country_code: "DE" } } }));
    expect(await alert(icp.alerts)).toEqual([{ newCause: { sent: false, reason: "switched off" } }]);
    expect(await mails("alert.new-cause")).toHaveLength(3);

    await saveAlertPreferences(t.db, accountId, ALERT_DEFAULTS);
    await alert(icp.alerts);
    expect(await mails("alert.new-cause")).toHaveLength(3);
  });
});

describe("reconnect needed", () => {
  it("mails once when Rompslomp revoked the access, not as a new cause, and again only after the connection worked", async () => {
    const before = (await mails("alert.new-cause")).length;
    await inProcessSandboxFetch(`${books}/revoke`, { method: "POST" });
    const first = await process(order({ customer: { email: "late@example.nl", billingaddress: { country_code: "NL" } } }));
    expect(first.alerts[0]!.data).toMatchObject({ code: "oauth_revoked", side: "target" });
    const second = await process(order({ customer: { email: "later@example.nl", billingaddress: { country_code: "NL" } } }));
    await alert([...first.alerts, ...second.alerts]);

    const [mail, ...more] = await mails("alert.reconnect");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("CCV Shop → Rompslomp: reconnect Rompslomp");
    expect(mail!.text).toContain(`${APP}/install/${KEY}#connections`);
    expect(mail!.text).toMatch(/Rompslomp no longer accepts this connection/);
    expect(await mails("alert.new-cause")).toHaveLength(before);

    // Still revoked: a third failure mails nothing.
    await alert((await process(order())).alerts);
    expect(await mails("alert.reconnect")).toHaveLength(1);

    // The merchant reconnected (new credentials are stored); later the access is revoked again.
    const target = await t.db.connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "target" } } });
    await t.db.connection.update({ where: { id: target.id }, data: { status: "ok", credentialsEnc: sealCredentials(openCredentials(target.credentialsEnc!)) } });
    expect(await alert((await process(order())).alerts)).toEqual([{ reconnect: { sent: true } }]);
    expect(await mails("alert.reconnect")).toHaveLength(2);

    // Or it worked again without a reconnect (a document was booked after the mail): reset too.
    await new Promise((r) => setTimeout(r, 5));
    await t.db.document.updateMany({ where: { integrationId, status: "booked" }, data: { bookedAt: new Date() } });
    expect(await alert((await process(order())).alerts)).toEqual([{ reconnect: { sent: true } }]);
    expect(await mails("alert.reconnect")).toHaveLength(3);
  });

  it("mails for a shop whose key is refused while polling", async () => {
    const other = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: "DEMO-MAGENTO-ROMPSLOMP" } });
    const event = { name: "alerts/error.recorded", data: { integrationId: other.id, subject: "connection", code: "unauthorized", message: "Magento 2 did not accept the access token.", side: "source" } };
    expect(await alert([event, event])).toEqual([{ reconnect: { sent: true } }, { reconnect: { sent: false, reason: "already alerted" } }]);
    const last = (await mails("alert.reconnect")).at(-1)!;
    expect(last.subject).toBe("Magento 2 → Rompslomp: reconnect Magento 2");
    expect(last.text).toContain("Magento 2 did not accept the access token.");
  });
});

describe("daily digest", () => {
  const runDigest = async () => {
    const { result, error } = await new InngestTestEngine({ function: alertsDailyDigest }).execute();
    expect(error).toBeUndefined();
    return result as { sent: number };
  };

  it("lists the open errors per integration and cause with the link, once a day, and nothing to an account without errors", async () => {
    const quiet = await t.db.account.create({ data: { name: "Quiet", users: { create: { email: "quiet@example.com", passwordHash: "x" } }, integrations: { create: { licenseKey: "QUIET-1", name: "Quiet shop", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active" } } } });
    const open = await t.db.document.groupBy({ by: ["errorCode"], where: { integrationId, status: "error" }, _count: { _all: true } });
    const count = (code: string) => open.find((g) => g.errorCode === code)?._count._all;

    expect(await runDigest()).toEqual({ sent: 1 });
    const [digest, ...more] = await mails("alert.digest");
    expect(more).toHaveLength(0);
    const total = open.reduce((n, g) => n + g._count._all, 0);
    expect(digest!.subject).toBe(`Open errors: ${total} document(s) and payment(s) to look at`);
    expect(digest!.text).toContain(`CCV Shop → Rompslomp (license key ${KEY}): ${total} with errors`);
    expect(digest!.text).toContain(`  - ${count("vat_rate_unmapped")} × VAT rate not set up in the VAT grid: 15% in Netherlands`);
    // Documents a revoked connection refused wait on Open for the reconnect (its own mail), not on Errors.
    expect(await t.db.document.count({ where: { integrationId, status: "open", errorCode: "reconnect_needed" } })).toBeGreaterThan(0);
    expect(digest!.text).not.toContain("The connection was revoked");
    expect(digest!.text).toContain(`  Errors tab: ${APP}/dashboard/${integrationId}/errors`);
    // The quiet account keeps the default (no row: digest on) and is asked, but has nothing to report.
    expect(await accountsWanting(t.db, "digest")).toContain(quiet.id);
    expect(await accountsWanting(t.db, "weekly")).not.toContain(quiet.id);
    expect(await mails("alert.digest", quiet.id)).toHaveLength(0);

    // The same morning again: nothing more.
    expect(await runDigest()).toEqual({ sent: 0 });
    expect(await mails("alert.digest")).toHaveLength(1);
  });

  it("sends nothing to an account that switched the digest off", async () => {
    await t.db.alertSent.deleteMany({ where: { kind: "digest" } });
    await saveAlertPreferences(t.db, accountId, { ...ALERT_DEFAULTS, digest: false });
    expect(await runDigest()).toEqual({ sent: 0 });
    await saveAlertPreferences(t.db, accountId, ALERT_DEFAULTS);
  });
});

describe("weekly summary", () => {
  it("counts last week exactly (Monday to Sunday, Amsterdam) and speaks the account's language", async () => {
    const now = new Date("2026-11-23T07:00:00Z"); // Monday 08:00 in Amsterdam
    const week = lastWeek(now);
    expect([week.start.toISOString(), week.end.toISOString()]).toEqual(["2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"]);

    const account = await t.db.account.create({
      data: { name: "Week B.V.", locale: "nl", users: { create: { email: "week@example.com", name: "Wim", passwordHash: "x" } },
        integrations: { create: { licenseKey: "WEEK-1", name: "Weekwinkel → WeFact", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active" } } },
      include: { integrations: true },
    });
    await saveAlertPreferences(t.db, account.id, { ...ALERT_DEFAULTS, weekly: true });
    const on = account.integrations[0]!.id;
    const doc = (sourceId: string, bookedAt: Date | null, incl: string, excl: string, status = "booked") =>
      t.db.document.create({ data: { integrationId: on, kind: "order", sourceId, status, rawPayload: {}, bookedAt, totalInclVat: incl, totalExclVat: excl, currency: "EUR" } });
    const first = await doc("w1", new Date("2026-11-15T23:00:00Z"), "121.00", "100.00"); // Monday 00:00, the first moment of the week
    await doc("w2", new Date("2026-11-20T12:00:00Z"), "60.50", "50.00");
    await doc("w3", new Date("2026-11-22T22:59:59Z"), "-12.10", "-10.00"); // a credit note, Sunday 23:59:59
    await doc("before", new Date("2026-11-15T22:59:59Z"), "999.99", "826.44"); // Sunday before: not counted
    await doc("after", new Date("2026-11-22T23:00:00Z"), "888.88", "734.61"); // this Monday: not counted
    await doc("e1", null, "10.00", "8.26", "error");
    await doc("e2", null, "10.00", "8.26", "error");
    const pay = (sourceId: string, amount: string, updatedAt: Date, status = "booked") =>
      t.db.payment.create({ data: { integrationId: on, documentId: first.id, sourceId, amount, status, updatedAt } });
    await pay("p1", "121.00", new Date("2026-11-16T10:00:00Z"));
    await pay("p2", "60.50", new Date("2026-11-21T10:00:00Z"));
    await pay("p3", "5.00", new Date("2026-11-23T00:30:00Z")); // this week
    await pay("p4", "7.00", new Date("2026-11-18T10:00:00Z"), "error");

    const { result, error } = await new InngestTestEngine({ function: alertsWeeklySummary, steps: [{ id: "now", handler: () => now.toISOString() }] }).execute();
    expect(error).toBeUndefined();
    // The demo account keeps the default (off): only this account asked for it.
    expect(result).toEqual({ sent: 1 });
    const [mail, ...more] = await mails("alert.weekly", account.id);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Je week in Boekkoppeling: 16-11-2026 t/m 22-11-2026");
    expect(mail!.text).toContain([
      "Weekwinkel → WeFact (licentiesleutel WEEK-1)",
      "  Documenten geboekt: 3",
      "  Totaal: € 169,40 incl. btw (€ 140,00 excl. btw)",
      "  Betalingen geboekt: 2, € 181,50",
      "  Nu open fouten: 2 document(en), 1 betaling(en)",
      `  Dashboard: ${APP}/dashboard/${on}/report`,
    ].join("\n"));
    expect(await mails("alert.weekly", accountId)).toHaveLength(0);

    // Run twice the same Monday: one mail.
    await new InngestTestEngine({ function: alertsWeeklySummary, steps: [{ id: "now", handler: () => now.toISOString() }] }).execute();
    expect(await mails("alert.weekly", account.id)).toHaveLength(1);
  });
});
