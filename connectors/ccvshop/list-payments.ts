import type { PaymentPage } from "../types";
import type { CcvClient } from "./client";
import { paymentsOf } from "./map";
import { pageSchema, parsePayload } from "./schemas";

const PAGE_SIZE = 100;

/**
 * The payments check of manual 001 ("Payments (if activated)": six times a day): the paid orders
 * (or, with invoices as the trigger, every invoice: its payment is processed whatever its status)
 * created from `from` on, one page of CCV's list endpoint per call, sorted by creation date, with
 * `start`/`size` paging (the cursor is the next start). CCV's lists have no "changed since"
 * filter (webshop-apis.md §2.3), so the window starts at the oldest booked document still
 * awaiting its payment (the caller's choice). Each payment is read from the list item itself: no
 * request per document. Rows are not listed and payments need none.
 */
export async function listPayments(client: CcvClient, trigger: "paid-orders" | "invoices", args: { from: string; cursor: string | null }, pageSize = PAGE_SIZE): Promise<PaymentPage> {
  const start = Math.max(0, Number.parseInt(args.cursor ?? "0", 10) || 0);
  const invoices = trigger === "invoices";
  const query = new URLSearchParams({ ...(invoices ? {} : { is_paid: "true" }), min_create_date: args.from, orderby: "create_date", start: String(start), size: String(pageSize) });
  const page = parsePayload(pageSchema, await client.request("GET", `/api/rest/v1/${invoices ? "invoices" : "orders"}?${query}`), "payments list");
  const payments = page.items.flatMap((item) => {
    const payload = { ...(item as Record<string, unknown>), ...(invoices ? { invoicerows: [] } : { orderrows: [] }) };
    // Credit invoices are "invoice" documents too (one Document key per CCV invoice, as webhooks name them).
    return paymentsOf(payload, invoices ? "invoice" : "order").map((p) => ({ ...p, kind: invoices ? ("invoice" as const) : ("order" as const) }));
  });
  return { payments, cursor: String(start + page.items.length), more: Boolean(page.next) && page.items.length > 0 };
}
