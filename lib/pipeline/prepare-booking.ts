import type { BookingLine, SourceConnector, SourceDocument } from "@/connectors/types";
import { precheck } from "../domain/precheck";
import type { SalesDocument } from "../domain/sales-document";
import { resolveLineAccounts, type CostAccounts, type VatGridRow } from "../domain/vat-grid";

export type PreparedBooking = { document: SalesDocument; lines: BookingLine[]; reference: string; description: string; dueDate: string };

/**
 * Pure: normalize the shop document, pre-check it, resolve VAT codes and accounts.
 * Throws BookingError with a plain-language reason when the document cannot be booked as it is.
 */
export function prepareBooking(
  source: SourceConnector,
  raw: SourceDocument,
  config: { licenseKey: string; vatGrid: VatGridRow[]; costAccounts?: CostAccounts; descriptionSource?: "order-number" | "invoice-number"; dueDays?: number },
): PreparedBooking {
  const document = source.normalize(raw);
  precheck(document);
  const lines = resolveLineAccounts(document, config.vatGrid, config.costAccounts);
  const number =
    config.descriptionSource === "invoice-number" ? (document.source.invoiceNumber ?? document.source.number) : (document.source.orderNumber ?? document.source.number);
  return {
    document,
    lines,
    reference: `${config.licenseKey}-${raw.kind}-${raw.sourceId}`,
    description: document.creditFactor === -1 ? `Credit ${number}` : number,
    dueDate: addDays(document.date, config.dueDays ?? 14),
  };
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
