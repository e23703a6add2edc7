import { ConnectorError, type TargetDocumentRef, type UndoneBooking } from "../types";
import type { RompslompSession } from "./session";

/**
 * Undo in Rompslomp: its API deletes a concept invoice (DELETE …/sales_invoices/{id}) but offers no
 * way to delete or credit a published one, so that is refused with the reason.
 */
export const undoRompslompBooking = (session: RompslompSession, companyId: string) => async (ref: TargetDocumentRef): Promise<UndoneBooking> => {
  const invoice = await session.authorized((c) => c.getSalesInvoice(companyId, ref.id));
  if (invoice.status !== "concept") {
    throw new ConnectorError(
      "undo_not_possible",
      `Rompslomp invoice ${invoice.invoice_number ?? ref.id} is published; Rompslomp's API can only delete concept invoices. Credit it in Rompslomp itself.`,
      false,
    );
  }
  await session.authorized((c) => c.deleteSalesInvoice(companyId, ref.id));
  return { how: "deleted" };
};
