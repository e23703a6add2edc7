import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { createCcvClient } from "./client";
import { listPayments } from "./list-payments";
import { sandboxCredentials } from "./sandbox/credentials";
import { baseUrlOf, callSandbox, sandboxFetch } from "./sandbox/test-harness";

const tenant = "ccv-payments-check";
const ctx = { baseUrl: baseUrlOf(tenant), credentials: sandboxCredentials(tenant), fetch: sandboxFetch };
const post = async (kind: string, payload: Record<string, unknown>) => {
  const res = await callSandbox(tenant, "POST", "_admin/documents", { kind, payload });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const requests = async () => ((await (await callSandbox(tenant, "GET", "_admin/requests")).json()) as { path: string }[]).filter((r) => r.path.startsWith("/api/"));

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

const row = { product_name: "Mok", product_number: "MOK-01", count: 1, price: 12.1, tax: 21 };

describe("CCV Shop listPayments: the payments check reads the list, page by page", () => {
  it("paid orders created from the day on, sorted by creation, with start/size paging; each payment as at booking", async () => {
    const order = (n: number, create_date: string, paid = true) =>
      post("order", { ordernumber: n, ordernumber_full: `WEB-${n}`, transaction_id: `tr_${n}`, paymethod: "iDEAL", paid, create_date, total_price: 12.1, total_tax: 2.1, taxes_included: true, orderrows: [row] });
    await order(1, "2025-03-01T10:00:00Z"); // before the window
    const inside = [await order(2, "2025-03-05T10:00:00Z"), await order(4, "2025-03-07T10:00:00Z")];
    await order(3, "2025-03-06T10:00:00Z", false); // not paid: no payment

    const client = createCcvClient(ctx, { throttle: false });
    const start = (await requests()).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await listPayments(client, "paid-orders", { from: "2025-03-05", cursor }, 1);
      seen.push(...page.payments.map((p) => `${p.kind}:${p.documentSourceId}:${p.sourceId}:${p.amount}:${p.transactionId}:${p.method}`));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual([`order:${inside[0]}:WEB-2:12.1:tr_2:iDEAL`, `order:${inside[1]}:WEB-4:12.1:tr_4:iDEAL`]);
    const made = (await requests()).slice(start).map((r) => r.path);
    expect(made).toEqual([0, 1].map((s) => `/api/rest/v1/orders?is_paid=true&min_create_date=2025-03-05&orderby=create_date&start=${s}&size=1`));
  });

  it("invoices: every invoice's payment whatever its status, the invoice number standing in for a missing transaction id", async () => {
    const id = await post("invoice", { invoicenumber: 9001, invoicenumber_full: "F-9001", type: "debit", status: "2", create_date: "2025-04-02T10:00:00Z", total_price: 12.1, total_tax: 2.1, taxes_included: true, invoicerows: [row] });
    const client = createCcvClient(ctx, { throttle: false });
    const page = await listPayments(client, "invoices", { from: "2025-04-01", cursor: null });
    expect(page.payments).toEqual([expect.objectContaining({ kind: "invoice", documentSourceId: id, sourceId: "F-9001", amount: "12.1", transactionId: "F-9001" })]);
    expect(page.more).toBe(false);
  });
});
