import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createMollieClient } from "./mollie-client";
import { sandboxMollieApiKey } from "./mollie-sandbox/state";
import { ensureCheckout, openRenewalInvoice } from "./renewal-invoice";

/** The payment behind an open invoice: reused while it can be paid, made afresh once it cannot. */
const BASE = "http://localhost:3000/sandbox/mollie/checkout-test";
const mollie = createMollieClient({ apiKey: sandboxMollieApiKey("checkout-test"), baseUrl: BASE, fetch: inProcessSandboxFetch });
let t: TestDb;
let invoiceId: string;
beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  const account = await t.db.account.create({ data: { name: "Shop", locale: "nl", users: { create: { email: "o@example.nl", passwordHash: "x" } } } });
  const integration = await t.db.integration.create({ data: { accountId: account.id, licenseKey: "CHK-1", name: "Shop → Books", sourceSystem: "ccvshop", targetSystem: "wefact", status: "active", trialEndsAt: new Date(Date.now() + 3 * 86_400_000) } });
  invoiceId = (await openRenewalInvoice(t.db, integration.id)).id;
});
afterAll(async () => { setDb(undefined); await t.close(); });

const setStatus = (id: string, status: string) => inProcessSandboxFetch(`${BASE}/_admin/payments/${id}`, { method: "POST", body: JSON.stringify({ status }) });
const paymentRef = async () => (await t.db.subscriptionInvoice.findUniqueOrThrow({ where: { id: invoiceId } })).paymentRef!;

describe("ensureCheckout", () => {
  it("creates a payment for the invoice's amount in the merchant's language, then reuses it while it is open", async () => {
    const first = await ensureCheckout(t.db, invoiceId, mollie);
    expect(first).toMatchObject({ status: "open", checkoutUrl: expect.stringContaining("/checkout/tr_") });
    const payment = await mollie.getPayment(await paymentRef());
    expect(payment).toMatchObject({ amount: { currency: "EUR", value: "181.50" }, description: expect.stringMatching(/^Factuur \d{4}-\d{5}: Boekkoppeling CHK-1$/), metadata: { invoiceId } });
    expect(await ensureCheckout(t.db, invoiceId, mollie)).toEqual(first);
  });

  it.each(["expired", "canceled", "failed"])("makes a new payment when the last one was %s", async (status) => {
    const before = await paymentRef();
    await setStatus(before, status);
    const next = await ensureCheckout(t.db, invoiceId, mollie);
    expect(next.status).toBe("open");
    expect(await paymentRef()).not.toBe(before);
  });

  it("reports a paid payment instead of asking for another, and nothing for an invoice no longer open", async () => {
    await setStatus(await paymentRef(), "paid");
    expect(await ensureCheckout(t.db, invoiceId, mollie)).toEqual({ status: "paid" });
    await t.db.subscriptionInvoice.update({ where: { id: invoiceId }, data: { status: "cancelled" } });
    expect(await ensureCheckout(t.db, invoiceId, mollie)).toEqual({ status: "closed" });
  });
});
