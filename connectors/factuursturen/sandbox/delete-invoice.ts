import type { FactuursturenState } from "./state";

/** `_admin/invoices/<id>` DELETE: the invoice (by id or invoice number) disappears as if the bookkeeper deleted it. */
export function deleteInvoice(state: FactuursturenState, id: string): boolean {
  const before = state.invoices.length;
  state.invoices = state.invoices.filter((i) => i.id !== id && i.invoicenr !== id && i.invoicenr_full !== id);
  return state.invoices.length < before;
}
