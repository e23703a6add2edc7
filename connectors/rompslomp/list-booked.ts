import type { BookedTargetDocument } from "../types";
import type { RompslompClient } from "./client";

/**
 * Reconciliation read-back: Rompslomp's sales invoices dated in the range (search[from]/[till],
 * paged by X-Total), with our api_reference and their totals.
 */
export async function listBookedInvoices(
  authorized: <T>(fn: (client: RompslompClient) => Promise<T>) => Promise<T>,
  companyId: string,
  range: { from: string; to: string },
): Promise<BookedTargetDocument[]> {
  const invoices = await authorized((c) => c.listSalesInvoices(companyId, range.from, range.to));
  return invoices.map((i) => ({
    id: i.id,
    ...(i.invoice_number ? { number: i.invoice_number } : {}),
    ...(i.api_reference ? { reference: i.api_reference } : {}),
    ...(i.date ? { date: i.date } : {}),
    ...(i.price_with_vat !== undefined ? { totalIncl: i.price_with_vat } : {}),
    ...(i.price_without_vat !== undefined ? { totalExcl: i.price_without_vat } : {}),
  }));
}
