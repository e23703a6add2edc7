import type { RompslompState } from "./state";

/** `_admin/invoices/<id>` DELETE: the invoice disappears as if the bookkeeper deleted it (its payments go with it). */
export function deleteInvoice(state: RompslompState, id: string): boolean {
  const before = state.invoices.length;
  state.invoices = state.invoices.filter((i) => String(i.id) !== id);
  if (state.invoices.length === before) return false;
  state.payments = state.payments.filter((p) => String(p.sales_invoice_id) !== id);
  return true;
}
