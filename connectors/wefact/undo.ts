import { ConnectorError, type TargetDocumentRef, type UndoneBooking } from "../types";
import type { WefactClient } from "./client";

/**
 * Undo in WeFact: a draft (status 0) is deleted; a sent invoice is credited in full with
 * `invoice/credit` (WeFact refuses to delete it). An already credited one cannot be undone again.
 */
export const undoWefactBooking = (api: () => WefactClient) => async (ref: TargetDocumentRef): Promise<UndoneBooking> => {
  const invoice = await api().showInvoice(ref.id);
  if (invoice.Status === "8" || invoice.Status === "9") {
    throw new ConnectorError("undo_already_credited", `WeFact invoice ${invoice.InvoiceCode ?? ref.id} is already credited; there is nothing left to undo.`, false);
  }
  if (invoice.Status === "0") {
    await api().deleteInvoice(ref.id);
    return { how: "deleted" };
  }
  const credit = await api().creditInvoice(ref.id);
  return { how: "credited", creditRef: { id: credit.Identifier, ...(credit.InvoiceCode ? { number: credit.InvoiceCode } : {}) } };
};
