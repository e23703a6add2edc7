import type { BookedTargetDocument } from "../types";
import type { FactuursturenClient } from "./client";

/** The booking reference sits on a reference line (or the invoice note); a line like "ABC-order-1" is ours. */
const referenceOf = (i: { reference: { line1?: string; line2?: string; line3?: string }; invoicenote?: string }) =>
  [i.reference.line3, i.reference.line2, i.reference.line1, i.invoicenote].map((v) => v?.trim()).find((v) => v && /-(order|invoice|creditnote)-/.test(v));

/**
 * Reconciliation read-back: Factuursturen lists every invoice in one answer (no paging, no date
 * filter), so the range is applied here on the invoice date (`sent`).
 */
export async function listBookedInvoices(client: Pick<FactuursturenClient, "listInvoices">, range: { from: string; to: string }): Promise<BookedTargetDocument[]> {
  const invoices = await client.listInvoices();
  const found: BookedTargetDocument[] = [];
  for (const i of invoices) {
    const date = String((i as Record<string, unknown>).sent ?? "").slice(0, 10);
    if (date && (date < range.from || date > range.to)) continue;
    const id = i.invoicenr ?? i.invoicenr_full ?? i.id;
    if (!id) continue;
    const reference = referenceOf(i);
    found.push({
      id,
      ...(i.invoicenr_full ?? i.invoicenr ? { number: (i.invoicenr_full ?? i.invoicenr)! } : {}),
      ...(reference ? { reference } : {}),
      ...(date ? { date } : {}),
      ...(i.totalintax !== undefined ? { totalIncl: i.totalintax } : {}),
    });
  }
  return found;
}
