import type { BookedTargetDocument } from "../types";
import type { WefactClient } from "./client";

const MAX_PAGES = 200; // a runaway guard: 200,000 invoices

/**
 * Reconciliation read-back: WeFact's invoice list has no invoice-date filter, so it is walked
 * sorted by Date, newest first, page by page, and stops at the first invoice dated before the
 * range. List rows do not carry the comment our reference lives in: documents are matched by
 * their Identifier (what the booking stored).
 */
export async function listBookedInvoices(api: () => WefactClient, range: { from: string; to: string }): Promise<BookedTargetDocument[]> {
  const found: BookedTargetDocument[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { rows, total } = await api().listInvoicesByDate(offset);
    offset += rows.length;
    let passed = false;
    for (const row of rows) {
      const date = String((row as Record<string, unknown>).Date ?? "").slice(0, 10);
      if (date && date < range.from) { passed = true; break; }
      if (date && date > range.to) continue;
      found.push({
        id: row.Identifier,
        ...(row.InvoiceCode && !row.InvoiceCode.startsWith("[concept]") ? { number: row.InvoiceCode } : {}),
        ...(date ? { date } : {}),
        ...(row.AmountIncl !== undefined ? { totalIncl: row.AmountIncl } : {}),
        ...(row.AmountExcl !== undefined ? { totalExcl: row.AmountExcl } : {}),
      });
    }
    if (passed || rows.length === 0 || offset >= total) break;
  }
  return found;
}
