import type { EboekhoudenState } from "./state";

/**
 * `_admin/invoices/<id>` DELETE: an invoice (with the mutation booked with it) or a sales mutation
 * disappears as if the bookkeeper deleted it. Invoice ids are tried first, then mutation ids.
 */
export function deleteInvoice(state: EboekhoudenState, id: string): boolean {
  const invoice = state.invoices.find((i) => String(i.id) === id);
  if (invoice) {
    state.invoices = state.invoices.filter((i) => i !== invoice);
    if (invoice.mutationId !== null) state.mutations = state.mutations.filter((m) => m.id !== invoice.mutationId);
    return true;
  }
  const before = state.mutations.length;
  state.mutations = state.mutations.filter((m) => !(String(m.id) === id && m.type === 2));
  return state.mutations.length < before;
}
