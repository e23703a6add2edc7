import type { WefactState } from "./state";

/** `_admin/invoices/<id>` DELETE: the invoice (by Identifier or InvoiceCode) disappears as if the bookkeeper deleted it. */
export function deleteInvoice(state: WefactState, id: string): boolean {
  const before = state.invoices.length;
  state.invoices = state.invoices.filter((i) => String(i.Identifier) !== id && i.InvoiceCode !== id);
  return state.invoices.length < before;
}
