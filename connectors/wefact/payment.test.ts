import { beforeEach, describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { PaymentRegistration } from "../types";
import { decodeForm } from "./form";
import { wefactPaymentMethod } from "./payment";
import { createWefactTarget } from "./target";
import { resetThrottle } from "./transport";

const KEY = "0123456789abcdef0123456789abcdef";
const envelope = (payload: Record<string, unknown>) => Response.json({ controller: "invoice", action: "x", status: "success", date: "2024-07-06T12:00:00+02:00", ...payload });
const failed = (errors: string[]) => Response.json({ controller: "invoice", action: "x", status: "error", date: "2024-07-06T12:00:00+02:00", errors });

/** A WeFact target whose `invoice/show` answers `invoice` (or an error); every request's form is kept. */
function setup(show: Record<string, unknown> | string) {
  const requests: Record<string, unknown>[] = [];
  const fetchImpl = (async (_url: RequestInfo | URL, init: RequestInit = {}) => {
    const body = decodeForm(String(init.body));
    requests.push(body);
    if (body.action === "show") return typeof show === "string" ? failed([show]) : envelope({ invoice: show });
    return envelope({ success: ["ok"] });
  }) as typeof fetch;
  const target = createWefactTarget({ baseUrl: "https://api.mijnwefact.nl", credentials: { apiKey: KEY }, fetch: fetchImpl }, {});
  return { target, requests };
}

const sent = { Identifier: "31", InvoiceCode: "F2024-0007", Status: "2", AmountIncl: "41.86", AmountPaid: "0.00", AmountOutstanding: "41.86" };
const payment = (over: Partial<PaymentRegistration> = {}): PaymentRegistration => ({
  reference: "LK-order-1", document: { id: "31", number: "F2024-0007" }, salesNumber: "WEB-1001", amount: "41.86",
  paidAt: "2024-07-06T10:15:00.000Z", method: "iDEAL", transactionId: "tr_1", bookedBefore: "0.00", ...over,
});

beforeEach(() => resetThrottle());

describe("WeFact registerPayment: the outbound calls", () => {
  it("the whole balance: invoice/markaspaid with Identifier, PayDate and WeFact's method code, nothing else", async () => {
    const { target, requests } = setup(sent);
    expect(await target.registerPayment!(payment())).toEqual({ id: "31", number: "F2024-0007" });
    expect(requests.map((r) => r.action)).toEqual(["show", "markaspaid"]);
    expect(requests[0]).toEqual({ Identifier: "31", api_key: KEY, controller: "invoice", action: "show" });
    expect(requests[1]).toEqual({ Identifier: "31", PayDate: "2024-07-06", PaymentMethod: "ideal", api_key: KEY, controller: "invoice", action: "markaspaid" });
  });

  it("less than the balance: invoice/partpayment with AmountPaid to the cent", async () => {
    const { target, requests } = setup(sent);
    await target.registerPayment!(payment({ amount: "20.5", method: "PayPal Checkout" }));
    expect(requests[1]).toEqual({ Identifier: "31", AmountPaid: "20.50", PayDate: "2024-07-06", PaymentMethod: "paypal", api_key: KEY, controller: "invoice", action: "partpayment" });
  });

  it("the second part pays the rest: markaspaid; no method named: no PaymentMethod", async () => {
    const { target, requests } = setup({ ...sent, Status: "3", AmountPaid: "20.50", AmountOutstanding: "21.36" });
    await target.registerPayment!(payment({ amount: "21.36", bookedBefore: "20.50", method: undefined }));
    expect(requests[1]).toEqual({ Identifier: "31", PayDate: "2024-07-06", api_key: KEY, controller: "invoice", action: "markaspaid" });
  });

  it("a lost answer: WeFact already shows what we booked before plus this payment as paid, so nothing is sent", async () => {
    const partly = setup({ ...sent, Status: "3", AmountPaid: "20.50", AmountOutstanding: "21.36" });
    expect(await partly.target.registerPayment!(payment({ amount: "20.50" }))).toMatchObject({ already: true });
    const paid = setup({ ...sent, Status: "4", AmountPaid: "41.86", AmountOutstanding: "0.00" });
    expect(await paid.target.registerPayment!(payment({ amount: "21.36", bookedBefore: "20.50" }))).toMatchObject({ already: true });
    expect([...partly.requests, ...paid.requests].map((r) => r.action)).toEqual(["show", "show"]);
  });

  it("the three 'not yet' codes: invoice gone, draft / credited / paid, more than the balance", async () => {
    expect((await caught(setup("Factuur niet gevonden").target.registerPayment!(payment()))).code).toBe("invoice_not_found");
    for (const Status of ["0", "8", "9"]) {
      const error = await caught(setup({ ...sent, Status }).target.registerPayment!(payment()));
      expect([error.code, error.retryable]).toEqual(["not_outstanding", false]);
    }
    // Paid in full by someone else (not what we booked): the payment is not added on top.
    expect((await caught(setup({ ...sent, Status: "4", AmountPaid: "41.86", AmountOutstanding: "0.00" }).target.registerPayment!(payment({ amount: "5.00" })))).code).toBe("not_outstanding");
    const more = await caught(setup({ ...sent, Status: "3", AmountPaid: "30.00", AmountOutstanding: "11.86" }).target.registerPayment!(payment({ amount: "20.00" })));
    expect(more.code).toBe("amount_differs");
    expect(more.message).toMatch(/20\.00 is more than the 11\.86 outstanding/);
  });

  it("a refund is refused clearly, before any call", async () => {
    const { target, requests } = setup(sent);
    const error = await caught(target.registerPayment!(payment({ amount: "-41.86" })));
    expect([error.code, error.retryable]).toEqual(["refund_not_supported", false]);
    expect(requests).toEqual([]);
  });
});

describe("WeFact payment method codes", () => {
  it.each([["iDEAL", "ideal"], ["PayPal", "paypal"], ["Creditcard", "card"], ["Bancontact / Mister Cash", "card"], ["Bankoverschrijving", "wire"], ["Klarna", "various"], [undefined, undefined], ["  ", undefined]])(
    "%s → %s", (method, code) => expect(wefactPaymentMethod(method)).toBe(code),
  );
});
