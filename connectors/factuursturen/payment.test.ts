import { describe, expect, it } from "vitest";
import { caught } from "../testing";
import type { PaymentRegistration } from "../types";
import { createFactuursturenTarget } from "./target";

const KEY = "4f0c1b2a9e8d7c6b5a4f3e2d1c0b9a8f";
type Seen = { method: string; path: string; body?: unknown };

/** A Factuursturen target whose GET /invoices/{nr} answers `invoice` (404 when null); every request is kept. */
function setup(invoice: Record<string, unknown> | null, search: Record<string, unknown>[] = []) {
  const requests: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    requests.push({ method: init.method ?? "GET", path: decodeURIComponent(url.pathname), ...(init.body ? { body: JSON.parse(String(init.body)) } : {}) });
    if (url.pathname.startsWith("/api/v1/search/")) return Response.json(search);
    if (url.pathname.startsWith("/api/v1/invoices_saved")) return Response.json([]);
    if (url.pathname.startsWith("/api/v1/invoices/")) return invoice ? Response.json({ invoice }) : new Response("Factuur niet gevonden", { status: 404 });
    if (url.pathname.startsWith("/api/v1/invoices_payment/")) return new Response("", { status: 201 });
    return new Response("unexpected", { status: 500 });
  }) as typeof fetch;
  const target = createFactuursturenTarget({ baseUrl: "https://www.factuursturen.nl", credentials: { username: "shop@example.nl", apiKey: KEY }, fetch: fetchImpl }, { invoiceStatus: "sent" });
  return { target, requests };
}

const reference = { line1: "1001", line2: "", line3: "LK-order-1" };
const open = { id: "12", invoicenr: "F20240007", invoicenr_full: "F20240007", totalintax: "41.86", open: "41.86", reference };
const payment = (over: Partial<PaymentRegistration> = {}): PaymentRegistration => ({
  reference: "LK-order-1", document: { id: "F20240007", number: "F20240007" }, salesNumber: "1001", amount: "41.86",
  paidAt: "2024-07-06T10:15:00.000Z", method: "iDEAL", transactionId: "tr_1", bookedBefore: "0.00", ...over,
});

describe("Factuursturen registerPayment: the outbound calls", () => {
  it("reads the invoice, then POSTs invoices_payment/{invoicenr} with exactly amount (to the cent) and date", async () => {
    const { target, requests } = setup(open);
    expect(await target.registerPayment!(payment({ amount: "41.860" }))).toEqual({ id: "F20240007", number: "F20240007" });
    expect(requests).toEqual([
      { method: "GET", path: "/api/v1/invoices/F20240007" },
      { method: "POST", path: "/api/v1/invoices_payment/F20240007", body: { amount: "41.86", date: "2024-07-06" } },
    ]);
  });

  it("a part payment sends its own amount", async () => {
    const { target, requests } = setup(open);
    await target.registerPayment!(payment({ amount: "20" }));
    expect(requests[1]!.body).toEqual({ amount: "20.00", date: "2024-07-06" });
  });

  it("already paid as we booked it (a lost answer, or the already-paid amount of a paid order's invoice): nothing is sent", async () => {
    const createdPaid = setup({ ...open, open: "0.00" });
    expect(await createdPaid.target.registerPayment!(payment())).toMatchObject({ already: true });
    const lostSecond = setup({ ...open, open: "0.00" });
    expect(await lostSecond.target.registerPayment!(payment({ amount: "21.86", bookedBefore: "20.00" }))).toMatchObject({ already: true });
    expect([...createdPaid.requests, ...lostSecond.requests].map((r) => r.method)).toEqual(["GET", "GET"]);
  });

  it("the three 'not yet' codes: invoice gone, nothing open (or a draft), more than is open", async () => {
    expect((await caught(setup(null).target.registerPayment!(payment()))).code).toBe("invoice_not_found");
    expect((await caught(setup({ ...open, open: "0.00" }).target.registerPayment!(payment({ amount: "5.00" })))).code).toBe("not_outstanding");
    const draft = setup(open);
    expect((await caught(draft.target.registerPayment!(payment({ document: { id: "saved-3" } })))).code).toBe("not_outstanding");
    expect(draft.requests.map((r) => r.path)).toEqual(["/api/v1/search/invoices/all/LK-order-1"]);
    const more = await caught(setup({ ...open, open: "10.00" }).target.registerPayment!(payment({ amount: "20.00" })));
    expect([more.code, more.retryable]).toEqual(["amount_differs", false]);
  });

  it("a draft the merchant has sent since is found by our reference and paid under its number", async () => {
    const { target, requests } = setup(open, [open]);
    expect(await target.registerPayment!(payment({ document: { id: "saved-3" } }))).toEqual({ id: "F20240007", number: "F20240007" });
    expect(requests.at(-1)).toEqual({ method: "POST", path: "/api/v1/invoices_payment/F20240007", body: { amount: "41.86", date: "2024-07-06" } });
  });

  it("a refund is refused clearly, before any call", async () => {
    const { target, requests } = setup(open);
    expect((await caught(target.registerPayment!(payment({ amount: "-41.86" })))).code).toBe("refund_not_supported");
    expect(requests).toEqual([]);
  });
});
