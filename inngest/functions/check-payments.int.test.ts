import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import type { SalesInvoiceJson } from "@/connectors/rompslomp/sandbox/state";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setSetting } from "@/lib/integrations/settings";
import { checkPayments } from "./check-payments";
import { nextCronTime, parseCron } from "../embedded/cron";
import { PAYMENT_CHECK_CRON, schedulePaymentChecks } from "./schedule-payment-checks";
import { bookDocument, runPayment } from "./testing/payment-runs";
import { useDemoDatabase } from "@/lib/db/demo-database";

/**
 * The CCV Shop payments check (manual 001: six times a day, incrementally) with the CCV Shop and
 * Rompslomp sandboxes in-process, on the demo integration CCV Shop → Rompslomp: orders booked while
 * payments were off get their payments from one list request, recorded once and booked.
 */
const APP = "http://localhost:3000";
const CCV = "DEMO-CCVSHOP-ROMPSLOMP";
const admin = (system: string) => `${APP}/sandbox/${system}/${CCV.toLowerCase()}/_admin`;

const t = useDemoDatabase(APP);
let integrationId: string;

beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: CCV } })).id;
});

type SentEvent = { name: string; data: { paymentId?: string; integrationId?: string } };
const sentOf = (ctx: unknown) =>
  (ctx as { step: { sendEvent: { mock: { calls: [string, SentEvent | SentEvent[]][] } } } }).step.sendEvent.mock.calls.flatMap(([, e]) => (Array.isArray(e) ? e : [e]));

async function check() {
  const { result, ctx, error } = await new InngestTestEngine({
    function: checkPayments,
    events: [{ name: "payments/check.requested", data: { integrationId } }],
    steps: [0, 1, 2].map((n) => ({ id: `send-payments-${n}`, handler: () => ({ ids: [] }) })),
  }).execute();
  expect(error).toBeUndefined();
  return { result: result as { awaiting: number; found: number; from?: string }, sent: sentOf(ctx).filter((e) => e.name === "payment/received").map((e) => e.data.paymentId!) };
}

const shopRequests = async () => (await (await inProcessSandboxFetch(`${admin("ccvshop")}/requests`)).json()) as { method: string; path: string }[];
/** The shop requests made after a mark (the log keeps every request of the tenant). */
const requestsSince = async (mark: number) => (await shopRequests()).slice(mark);
const rompslompInvoice = async (reference: string) =>
  ((await (await inProcessSandboxFetch(`${admin("rompslomp")}/state`)).json()) as { invoices: SalesInvoiceJson[] }).invoices.find((i) => i.api_reference === reference)!;

const row = (name: string, count: number, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax });
let seq = 7000;
const paidOrder = () => {
  seq += 1;
  return {
    ordernumber: seq, ordernumber_full: `WEB-${seq}`, transaction_id: `tr_${seq}`, paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true,
    shipping_tax_percentage: 21, total_shipping: 4.95, total_price: 41.86, total_tax: 6.18, currency: "EUR", is_intra_community_order: false,
    customer: { email: `check${seq}@example.nl`, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
  };
};

describe("CCV Shop payments check", () => {
  it("runs six times a day", () => {
    const cron = parseCron(PAYMENT_CHECK_CRON);
    const times: number[] = [];
    for (let at = Date.parse("2026-06-01T00:00:00+02:00"); ; ) {
      at = nextCronTime(cron, at);
      if (at >= Date.parse("2026-06-02T00:00:00+02:00")) break;
      times.push(at);
    }
    expect(times.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["23:00", "03:00", "07:00", "11:00", "15:00", "19:00"]);
  });

  it("is scheduled for running CCV Shop integrations with payments on, and only those", async () => {
    const { result, ctx } = await new InngestTestEngine({ function: schedulePaymentChecks, steps: [{ id: "check", handler: () => ({ ids: [] }) }] }).execute();
    expect(result).toEqual({ checks: 1 });
    expect(sentOf(ctx).map((e) => e.data.integrationId)).toEqual([integrationId]);
  });

  it("finds the payments of orders booked while payments were off in one list request, records each once and books it", async () => {
    await setSetting(t.db, integrationId, "payments", { enabled: false, accounts: {} });
    const booked: { documentId: string; orderId: string; number: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const payload = paidOrder();
      const res = await inProcessSandboxFetch(`${admin("ccvshop")}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload }) });
      const { id } = (await res.json()) as { id: string };
      const { documentId, result } = await bookDocument(t.db, integrationId, "order", id);
      expect(result).toMatchObject({ status: "booked", payments: 0 });
      booked.push({ documentId, orderId: id, number: payload.ordernumber_full });
    }
    await setSetting(t.db, integrationId, "payments", { enabled: true, accounts: {} });

    let mark = (await shopRequests()).length;
    const first = await check();
    expect(first.result).toMatchObject({ awaiting: 2, found: 2 });
    // Incremental and by list: one page of paid orders from the oldest awaiting day, no request per order.
    const requests = await requestsSince(mark);
    expect(requests).toHaveLength(1);
    const day = first.result.from!;
    expect(requests[0]).toMatchObject({ method: "GET", path: `/api/rest/v1/orders?is_paid=true&min_create_date=${day}&orderby=create_date&start=0&size=100` });
    // The window starts a day before the oldest awaiting document (the shop's day may start before ours).
    const oldest = (await t.db.document.findUniqueOrThrow({ where: { id: booked[0]!.documentId } })).documentDate!;
    expect(day).toBe(new Date(oldest.getTime() - 86_400_000).toISOString().slice(0, 10));
    const payments = await t.db.payment.findMany({ where: { documentId: { in: booked.map((b) => b.documentId) } }, orderBy: { sourceId: "asc" } });
    expect(payments.map((p) => [p.sourceId, p.amount.toFixed(2), p.status])).toEqual(booked.map((b) => [b.number, "41.86", "queued"]));
    expect([...first.sent].sort()).toEqual(payments.map((p) => p.id).sort());

    for (const p of payments) expect((await runPayment(t.db, p.id)).payment.status).toBe("booked");
    for (const b of booked) expect((await rompslompInvoice(`${CCV}-order-${b.orderId}`)).payment_status).toBe("paid");

    // The next check: nothing awaits a payment any more, so the shop is not asked and nothing is recorded twice.
    mark = (await shopRequests()).length;
    expect((await check()).result).toEqual({ awaiting: 0, found: 0 });
    expect(await requestsSince(mark)).toEqual([]);
    expect(await t.db.payment.count({ where: { documentId: { in: booked.map((b) => b.documentId) } } })).toBe(2);
    const integration = await t.db.integration.findUniqueOrThrow({ where: { id: integrationId } });
    expect(integration.paymentsCursor).toBeNull();
    expect(integration.paymentsCheckedAt).not.toBeNull();
  });

  it("an unpaid order the check lists no payment for: nothing recorded, it stays awaited", async () => {
    const doc = await t.db.document.create({
      data: { integrationId, kind: "order", sourceId: "999001", sourceNumber: "WEB-999001", status: "booked", targetRef: "1", rawPayload: {}, bookedAt: new Date(), documentDate: new Date() },
    });
    const { result, sent } = await check();
    expect(result).toMatchObject({ awaiting: 1, found: 0 });
    expect(sent).toEqual([]);
    expect(await t.db.payment.count({ where: { documentId: doc.id } })).toBe(0);
  });
});
