import { beforeAll, describe, expect, it } from "vitest";
import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import { sandboxLedgerId } from "@/connectors/eboekhouden/sandbox/seed";
import type { MutationJson } from "@/connectors/eboekhouden/sandbox/state";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setSetting } from "@/lib/integrations/settings";
import { bookDocument, runPayment } from "./testing/payment-runs";
import { useDemoDatabase } from "@/lib/db/demo-database";

/**
 * e-Boekhouden's "processing without outstanding item" (manual 002) through the real pipeline,
 * PrestaShop → e-Boekhouden (the demo integration, REST API) with the sandboxes in-process: off (the
 * default), a payment whose open item is missing waits and lands on Errors; on, the payment
 * mutation is booked without an open item, every field as the manual's payment mutation table says.
 */
const APP = "http://localhost:3000";
const PS = "DEMO-PRESTASHOP-EBOEKHOUDEN";
const admin = (system: string) => `${APP}/sandbox/${system}/${PS.toLowerCase()}/_admin`;

const t = useDemoDatabase(APP);
let integrationId: string;

beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: PS } })).id;
});

const withoutOutstandingItem = (on: boolean) =>
  setSetting(t.db, integrationId, "target", { ...eboekhoudenDemoTarget(PS.toLowerCase()).settings, paymentsWithoutOutstandingItem: on });

let seq = 0;
/** A PrestaShop order of 38.86 paid by iDEAL (mollie), with the payments given. */
async function bookOrder(payments: { amount: string; transaction_id: string }[]) {
  seq += 1;
  const order = {
    reference: `NOITEM${seq}`, current_state: 2, payment: "iDEAL", module: "mollie", carrier_tax_rate: "21", total_shipping_tax_incl: "4.95", total_discounts_tax_incl: "3.00",
    date_add: "2024-07-05 16:40:18", date_upd: "2024-07-05 16:40:18",
    customer: { email: `noitem${seq}@example.nl`, firstname: "Eva", lastname: "Koper" },
    address_invoice: { firstname: "Eva", lastname: "Koper", address1: "Dorpsstraat 1", postcode: "1234AB", city: "Utrecht", iso_code: "NL" },
    order_details: [
      { product_id: 52, product_name: "Theepot", product_reference: "POT1", product_quantity: 1, unit_price_tax_incl: "24.95", tax_rate: 21 },
      { product_id: 53, product_name: "Thee", product_reference: "THEE9", product_quantity: 2, unit_price_tax_incl: "5.98", tax_rate: 9 },
    ],
    // Paid on a later day than the sale: the manual dates the payment mutation by the sale.
    order_payments: payments.map((p) => ({ payment_method: "iDEAL", date_add: "2024-07-08 09:15:00", ...p })),
  };
  const res = await inProcessSandboxFetch(`${admin("prestashop")}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload: order }) });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const { documentId, result } = await bookDocument(t.db, integrationId, "order", id);
  expect(result).toMatchObject({ status: "booked", payments: payments.length });
  const recorded = await t.db.payment.findMany({ where: { documentId }, orderBy: { sourceId: "asc" } });
  return { reference: order.reference, payments: recorded };
}

const mutationsFor = async (salesNumber: string) =>
  ((await (await inProcessSandboxFetch(`${admin("eboekhouden")}/state`)).json()) as { mutations: MutationJson[] }).mutations
    .filter((m) => m.invoiceNumber === salesNumber);

describe("e-Boekhouden: processing without outstanding item", () => {
  it("off (the default): a payment with no open item left waits on two nights, then lands on Errors; nothing is booked", async () => {
    await withoutOutstandingItem(false);
    // The second payment finds the sale already paid by the first: no outstanding item any more.
    const { reference, payments: [first, second] } = await bookOrder([{ amount: "38.86", transaction_id: "tr_a" }, { amount: "5.00", transaction_id: "tr_b" }]);
    expect((await runPayment(t.db, first!.id)).payment.status).toBe("booked");
    expect((await runPayment(t.db, second!.id)).payment).toMatchObject({ status: "waiting", errorCode: "not_outstanding", attempts: 1 });
    expect((await runPayment(t.db, second!.id)).payment).toMatchObject({ status: "waiting", attempts: 2 });
    const last = await runPayment(t.db, second!.id);
    expect(last.payment).toMatchObject({ status: "error", errorCode: "not_outstanding", attempts: 3 });
    expect(last.payment.errorDetail).toMatch(new RegExp(`no outstanding item for sale ${reference}.*Tried 3 times`));
    expect((await mutationsFor(reference)).map((m) => m.type)).toEqual([2, 3]);
  });

  it("off: a partial payment (the open item's amount differs) waits", async () => {
    await withoutOutstandingItem(false);
    const { payments: [part] } = await bookOrder([{ amount: "20.00", transaction_id: "tr_part" }]);
    expect((await runPayment(t.db, part!.id)).payment).toMatchObject({ status: "waiting", errorCode: "amount_differs" });
  });

  it("on: the payment mutation is booked without an open item, each field as the manual's table says", async () => {
    await withoutOutstandingItem(true);
    const { reference, payments: [first, second] } = await bookOrder([{ amount: "38.86", transaction_id: "tr_c" }, { amount: "5.00", transaction_id: "tr_d" }]);
    expect((await runPayment(t.db, first!.id)).payment.status).toBe("booked");
    const booked = await runPayment(t.db, second!.id);
    expect(booked.payment).toMatchObject({ status: "booked", errorCode: null, attempts: 1 });
    const [sale, , paid] = await mutationsFor(reference);
    expect(sale!.type).toBe(2);
    // The manual's "Specification at field level e-Boekhouden payment mutation", row by row:
    expect(paid).toEqual({
      id: expect.any(Number), // MutationNo: empty, e-Boekhouden numbers it
      type: 3, // Type: InvoicePaymentReceived
      relationId: sale!.relationId, // Relation code: the debtor of the sale (no open item to take it from)
      date: "2024-07-05", // Date: the sales date
      description: `mollie - iDEAL - ${reference} - tr_d`, // Payment method - number - transaction id
      invoiceNumber: reference, // Invoice number
      entryNumber: "tr_d", // Entry document: the payment's transaction id
      termOfPayment: null, // Payment term 14 "not editable": the REST API refuses a term on a payment (MUT_016); SOAP sends 14
      inExVat: "IN", // InExVAT IN
      ledgerId: sandboxLedgerId("1100"), // the financial account configured for payments
      paymentReference: null,
      rows: [{
        amount: 5, // input amount = amount incl. = amount excl.
        vatAmount: 0, // VAT amount 0
        vatCode: "GEEN", // VAT code NONE, percentage 0
        ledgerId: null, // OffsetAccountCode: e-Boekhouden takes the debtors ledger of the invoice paid (REST); SOAP sends it
        invoiceNumber: reference,
        relationId: null,
        description: `mollie - iDEAL - ${reference} - tr_d`,
      }],
      vat: [{ vatCode: "GEEN", amount: 0 }],
      bookedVia: "rest",
      invoiceId: null,
    });
    expect(booked.payment.targetRef).toContain(String(paid!.id));
    // Re-sent: found by sales number and transaction id, not booked again.
    await t.db.payment.update({ where: { id: second!.id }, data: { status: "queued" } });
    expect((await runPayment(t.db, second!.id)).result).toMatchObject({ status: "booked", target: { already: true } });
    expect(await mutationsFor(reference)).toHaveLength(3);
  });

  it("on: partial payments are booked as they come, without the amount check", async () => {
    await withoutOutstandingItem(true);
    const { reference, payments } = await bookOrder([{ amount: "20.00", transaction_id: "tr_p1" }, { amount: "18.86", transaction_id: "tr_p2" }]);
    for (const p of payments) expect((await runPayment(t.db, p.id)).payment.status).toBe("booked");
    expect((await mutationsFor(reference)).filter((m) => m.type === 3).map((m) => m.rows[0]!.amount)).toEqual([20, 18.86]);
  });

  it("on: a sale that is not in e-Boekhouden at all still waits (invoice_not_found)", async () => {
    await withoutOutstandingItem(true);
    const doc = await t.db.document.create({
      data: { integrationId, kind: "order", sourceId: "ps-gone-1", sourceNumber: "GONE1", status: "booked", targetRef: "999999", targetNumber: "GONE1", rawPayload: {}, bookedAt: new Date() },
    });
    const payment = await t.db.payment.create({
      data: { integrationId, documentId: doc.id, sourceId: "ps-gone-1-pay", amount: "10.00", method: "iDEAL", paidAt: new Date("2024-07-06T10:00:00Z"), status: "queued", rawPayload: { transactionId: "tr_gone" } },
    });
    expect((await runPayment(t.db, payment.id)).payment).toMatchObject({ status: "waiting", errorCode: "invoice_not_found", attempts: 1 });
    expect(await mutationsFor("GONE1")).toEqual([]);
  });
});
