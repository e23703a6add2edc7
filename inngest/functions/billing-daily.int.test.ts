import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { POST as mollieWebhook } from "@/app/api/billing/mollie/webhook/route";
import { GET as payLink } from "@/app/billing/pay/[invoiceId]/route";
import { POST as shopWebhook } from "@/app/api/webhooks/[system]/[licenseKey]/route";
import { payLinkUrl, signedReturnUrl } from "@/lib/billing/pay-link";
import { appFetch } from "@/lib/billing/testing/app-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { HELD_PAUSED } from "@/lib/integrations/lifecycle";
import { inngest } from "../client";
import { billingDaily } from "./billing-daily";
import { processDocument } from "./process-document";
import { processPayment } from "./process-payment";
import { releaseHeldWork } from "@/lib/billing/release-held-work";
import { sentEventSteps } from "./testing/sent-events";

// Outside a Next request there is no session or cookie: the mail's link is opened signed-out.
vi.mock("@/lib/auth/session", () => ({ currentAccount: async () => null }));
vi.mock("@/lib/i18n/request-locale", () => ({ requestLocale: async () => "en", visitorLocale: async () => "en" }));

/**
 * The subscription journey of a demo integration, through the real pieces: the daily round
 * pauses it when the trial ended unpaid; a document its shop sends meanwhile arrives by webhook
 * and is held on Open; the merchant pays through the sandbox Mollie's checkout; Mollie's webhook
 * resumes the integration and the held document is booked, once.
 */
const APP = "http://localhost:3000";
const DAY = 86_400_000;
let t: TestDb;
const realFetch = globalThis.fetch;
/** What the app sent to Inngest (the webhook routes send; the functions are driven here). */
let sent: { name: string; data: Record<string, string> }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = appFetch([
    { pattern: /^\/api\/billing\/mollie\/webhook$/, handle: (req) => mollieWebhook(req) },
    { pattern: /^\/api\/webhooks\/([^/]+)\/([^/]+)$/, handle: (req, m) => shopWebhook(req, { params: Promise.resolve({ system: m[1]!, licenseKey: decodeURIComponent(m[2]!) }) }) },
  ]);
  await seedDemo(t.db, APP);
  vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
    const events = (Array.isArray(payload) ? payload : [payload]) as { name: string; data: Record<string, string> }[];
    sent.push(...events);
    return { ids: events.map((_, i) => `evt-${sent.length}-${i}`) };
  }) as never);
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });
beforeEach(() => { sent = []; });

const runDaily = async () => {
  const { result, error } = await new InngestTestEngine({ function: billingDaily }).execute();
  expect(error).toBeUndefined();
  return result as { offered: number; paused: number; released: number };
};
const integration = (licenseKey: string) => t.db.integration.findUniqueOrThrow({ where: { licenseKey } });
const mails = (kind: string) => t.db.mail.findMany({ where: { kind }, orderBy: { createdAt: "asc" } });
const until = async <T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const found = await probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
};
const processEvent = async (data: Record<string, string>) => {
  const { result, error } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data }], steps: sentEventSteps() }).execute();
  expect(error).toBeUndefined();
  return result as { status: string; held?: string; already?: boolean };
};

describe("trial expiry, held documents, payment and resume", () => {
  const KEY = "DEMO-CCVSHOP-WEFACT";
  const TENANT = KEY.toLowerCase();
  const wefactInvoices = async () => ((await (await inProcessSandboxFetch(`${APP}/sandbox/wefact/${TENANT}/_admin/state`)).json()) as { invoices: unknown[] }).invoices;

  it("pauses an integration whose trial ended unpaid, mails the payment link once, and keeps a new document on Open without booking it", async () => {
    await t.db.integration.update({ where: { licenseKey: KEY }, data: { trialEndsAt: new Date(Date.now() - DAY) } });

    expect(await runDaily()).toMatchObject({ paused: 1 });
    const paused = await integration(KEY);
    expect(paused.status).toBe("paused");
    expect(paused.pausedAt).toBeInstanceOf(Date);
    const invoice = await t.db.subscriptionInvoice.findFirstOrThrow({ where: { integrationId: paused.id } });
    expect(invoice).toMatchObject({ status: "open", number: expect.stringMatching(/^\d{4}-00001$/) });
    expect(invoice.paymentRef).toMatch(/^tr_/);
    expect(invoice.checkoutUrl).toContain(`/sandbox/mollie/billing/checkout/${invoice.paymentRef}`);
    const [mail] = await mails("paused");
    expect(mail!.to).toBe("demo@example.com");
    expect(mail!.text).toContain(payLinkUrl(invoice.id));
    expect(mail!.text).toContain("€181.50 incl. VAT");

    // The second run of the day finds nothing to do.
    expect(await runDaily()).toMatchObject({ paused: 0, offered: 0 });
    expect(await mails("paused")).toHaveLength(1);

    // The shop's webhook still records what arrives, and it is queued…
    const posted = await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/${TENANT}/_admin/documents`, {
      method: "POST",
      body: JSON.stringify({
        kind: "invoice",
        payload: {
          taxes_included: true, invoice_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, currency: "EUR", paymethod: "iDEAL",
          customer: { email: "eva@example.nl", billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" } },
          invoicerows: [{ product_name: "Theepot", product_number: "POT", count: 1, price: 24.95, price_with_attributes: 24.95, tax: 21 }],
        },
      }),
    });
    const sourceId = ((await posted.json()) as { id: string }).id;
    const queued = await until(() => Promise.resolve(sent.find((e) => e.name === "document/process.requested")), "the shop's webhook");
    // …but booking holds it on the Open tab, with the reason.
    expect(await processEvent(queued.data)).toEqual({ status: "open", held: HELD_PAUSED });
    const held = await t.db.document.findUniqueOrThrow({ where: { id: queued.data.documentId } });
    expect(held).toMatchObject({ sourceId, status: "open", errorCode: HELD_PAUSED });
    expect(held.errorDetail).toMatch(/paused.*booked automatically as soon as the renewal is paid/);
    expect(await wefactInvoices()).toHaveLength(0);
  });

  it("resumes on payment through the sandbox checkout and books the held document exactly once; a repeated webhook extends nothing", async () => {
    const before = await integration(KEY);
    const invoice = await t.db.subscriptionInvoice.findFirstOrThrow({ where: { integrationId: before.id, status: "open" } });

    // The mail's link leads to Mollie's checkout…
    const link = await payLink(new Request(payLinkUrl(invoice.id)), { params: Promise.resolve({ invoiceId: invoice.id }) });
    expect(link.status).toBe(303);
    const checkoutUrl = link.headers.get("location")!;
    expect(checkoutUrl).toBe(invoice.checkoutUrl);
    const page = await inProcessSandboxFetch(checkoutUrl);
    const html = await page.text();
    expect(html).toContain("EUR 181.50");
    for (const button of ["Pay", "Cancel", "Fail"]) expect(html).toContain(`>${button}</button>`);

    // …where Pay sets the payment paid, calls our webhook and sends the merchant back.
    const paid = await inProcessSandboxFetch(checkoutUrl, { method: "POST", body: new URLSearchParams({ action: "pay" }) });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(signedReturnUrl(invoice.id, APP));

    const after = await integration(KEY);
    expect(after).toMatchObject({ status: "active", pausedAt: null });
    // The trial had ended: the year runs from the payment.
    expect(Math.abs(after.paidUntil!.getTime() - (Date.now() + 365 * DAY))).toBeLessThan(2 * DAY);
    expect(await t.db.subscriptionInvoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ status: "paid", paidAt: expect.any(Date) });
    expect(await mails("payment-confirmed")).toHaveLength(1);

    // The held document was released with the same event as the Process button, and is booked.
    const released = sent.filter((e) => e.name === "document/process.requested");
    expect(released).toHaveLength(1);
    expect(await processEvent(released[0]!.data)).toMatchObject({ status: "booked" });
    expect(await wefactInvoices()).toHaveLength(1);

    // Mollie calls again (it may): nothing is extended, mailed or booked a second time.
    sent = [];
    const again = await mollieWebhook(new Request(`${APP}/api/billing/mollie/webhook`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `id=${invoice.paymentRef}` }));
    expect(again.status).toBe(200);
    expect((await integration(KEY)).paidUntil).toEqual(after.paidUntil);
    expect(await mails("payment-confirmed")).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(await processEvent(released[0]!.data)).toMatchObject({ status: "booked", already: true });
    expect(await wefactInvoices()).toHaveLength(1);
    expect((await t.db.document.findUniqueOrThrow({ where: { id: released[0]!.data.documentId } })).status).toBe("booked");
  });

  it("answers a forged or malformed webhook without changing anything", async () => {
    const post = (body: string) => mollieWebhook(new Request(`${APP}/api/billing/mollie/webhook`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
    expect((await post("id=tr_doesNotExist1")).status).toBe(200);
    expect((await post("nothing=here")).status).toBe(400);
    expect(await t.db.subscriptionInvoice.count({ where: { status: "paid" } })).toBe(1);
  });
});

describe("payments while paused", () => {
  it("wait with the reason, without a nightly re-try, and are released with their integration", async () => {
    const row = await t.db.integration.update({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" }, data: { status: "paused" } });
    const payment = await t.db.payment.create({ data: { integrationId: row.id, sourceId: "pay-held-1", amount: "41.86", status: "queued" } });
    const { result, error } = await new InngestTestEngine({ function: processPayment, events: [{ name: "payment/received", data: { paymentId: payment.id, integrationId: row.id } }], steps: sentEventSteps() }).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ status: "waiting", code: HELD_PAUSED });
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "waiting", errorCode: HELD_PAUSED, nextAttemptAt: null });

    await t.db.integration.update({ where: { id: row.id }, data: { status: "active" } });
    expect(await releaseHeldWork(t.db, row.id)).toEqual({ documents: [], payments: [payment.id] });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("queued");
    await t.db.payment.delete({ where: { id: payment.id } });
  });
});

describe("healing a lost release", () => {
  it("sends held work again when a resumed integration still has it (the events of the payment were lost)", async () => {
    const running = await integration("DEMO-CCVSHOP-ROMPSLOMP");
    const stuck = await t.db.document.create({ data: { integrationId: running.id, kind: "order", sourceId: "stuck-1", status: "open", errorCode: HELD_PAUSED, errorDetail: "paused", rawPayload: {} } });
    const released: unknown[] = [];
    const { result, error } = await new InngestTestEngine({
      function: billingDaily,
      steps: [{ id: `send-released-${running.id}`, handler: () => { released.push(running.id); return { ids: [] }; } }],
    }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ released: 1 });
    expect(released).toEqual([running.id]);
    expect((await t.db.document.findUniqueOrThrow({ where: { id: stuck.id } })).status).toBe("queued");
    await t.db.document.delete({ where: { id: stuck.id } });
  });
});

describe("renewal offer before the access ends", () => {
  const KEY = "DEMO-MAGENTO-ROMPSLOMP";

  it("mails one offer with an invoice for the next year and its payment link, however often the round runs", async () => {
    const trialEnd = new Date(Date.now() + 3 * DAY);
    await t.db.integration.update({ where: { licenseKey: KEY }, data: { trialEndsAt: trialEnd } });
    expect(await runDaily()).toMatchObject({ offered: 1, paused: 0 });
    expect(await runDaily()).toMatchObject({ offered: 0, paused: 0 });

    const row = await integration(KEY);
    expect(row.status).toBe("active");
    expect(row.renewalReminderFor).toEqual(trialEnd);
    const offers = await mails("renewal-offer");
    expect(offers).toHaveLength(1);
    const invoice = await t.db.subscriptionInvoice.findFirstOrThrow({ where: { integrationId: row.id } });
    // Numbered after the first invoice of the year; a year from the trial's end; the configured price, exact.
    expect(invoice.number).toMatch(/^\d{4}-00002$/);
    expect(invoice.periodStart).toEqual(trialEnd);
    expect(invoice.periodEnd.getUTCFullYear()).toBe(trialEnd.getUTCFullYear() + 1);
    expect([invoice.amountExclVat, invoice.vatRate, invoice.vatAmount, invoice.amountInclVat].map((d) => d.toFixed(2))).toEqual(["150.00", "21.00", "31.50", "181.50"]);
    expect(offers[0]!.text).toContain(payLinkUrl(invoice.id));
    expect(offers[0]!.text).toContain("€150.00 excl. VAT + €31.50 VAT (21%) = €181.50 incl. VAT");
    expect(offers[0]!.subject).toBe("Renew Magento 2 → Rompslomp: your offer for one year");
  });

  it("copies the account's extra notification address and speaks the account's language", async () => {
    const KEY2 = "DEMO-PRESTASHOP-EBOEKHOUDEN";
    const row = await t.db.integration.update({ where: { licenseKey: KEY2 }, data: { trialEndsAt: new Date(Date.now() + 5 * DAY) } });
    await t.db.account.update({ where: { id: row.accountId }, data: { locale: "nl", notificationEmail: "boekhouding@example.nl" } });
    expect(await runDaily()).toMatchObject({ offered: 1 });
    const offer = (await mails("renewal-offer")).at(-1)!;
    expect(offer).toMatchObject({ locale: "nl", to: "demo@example.com, boekhouding@example.nl" });
    expect(offer.subject).toBe("PrestaShop → e-Boekhouden verlengen: uw aanbod voor een jaar");
    expect(offer.text).toContain("€ 181,50 incl. btw");
    await t.db.account.update({ where: { id: row.accountId }, data: { locale: "en", notificationEmail: null } });
  });

  it("leaves cancelled integrations and those without an end date alone", async () => {
    await t.db.integration.update({ where: { licenseKey: "DEMO-KMOSHOPS-FACTUURSTUREN" }, data: { status: "cancelled", trialEndsAt: new Date(Date.now() - DAY) } });
    // DEMO-CCVSHOP-ROMPSLOMP has neither a trial end nor a paid period.
    expect(await runDaily()).toMatchObject({ offered: 0, paused: 0 });
    expect((await integration("DEMO-KMOSHOPS-FACTUURSTUREN")).status).toBe("cancelled");
    expect((await integration("DEMO-CCVSHOP-ROMPSLOMP")).status).toBe("active");
  });
});
