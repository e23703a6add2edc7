import { BookingError } from "../domain/booking-error";
import type { BookingLine, SourceConnector, SourceDocument } from "@/connectors/types";
import { vatRatesOf } from "../domain/eu-vat-rates";
import { D, money, type Dec } from "../domain/money";
import { checkLineVat, precheck } from "../domain/precheck";
import { alignVatWithTotal, reconcile, settleDocumentTotal, type TargetArithmetic } from "../domain/rounding";
import type { SalesDocument } from "../domain/sales-document";
import { resolveLineAccounts, vatRegion, type CostAccounts, type VatGridRow } from "../domain/vat-grid";
import { snapLineRates } from "../domain/vat-rate";
import { bookingReferenceKey } from "../integrations/license-key";

export type PreparedBooking = { document: SalesDocument; lines: BookingLine[]; reference: string; description: string; dueDate: string };

export type BookingConfig = {
  licenseKey: string;
  vatGrid: VatGridRow[];
  costAccounts?: CostAccounts;
  descriptionSource?: "order-number" | "invoice-number";
  dueDays?: number;
  /** How the accounting system computes VAT; default per line from amounts excl. VAT. */
  arithmetic?: TargetArithmetic | ((document: SalesDocument) => TargetArithmetic);
  /** The merchant allows a "Rounding difference" line where the system cannot reproduce the shop's cents otherwise. */
  roundingLine?: boolean;
  /** Targets without a VAT grid (they take the document's own rates): no snapping to configured rates, no codes. */
  usesVatGrid?: boolean;
};

/** Our idempotency reference of a document in the target; payments find their invoice by it too. */
export const bookingReference = (licenseKey: string, kind: string, sourceId: string) => `${bookingReferenceKey(licenseKey)}-${kind}-${sourceId}`;

const defaultArithmetic: TargetArithmetic = { vat: "line", basis: "excl" };

/**
 * Pure: normalize the shop document, make its VAT exact, pre-check it, resolve VAT codes and
 * accounts, and make the lines such that the accounting system's own arithmetic reproduces the
 * shop's totals and VAT per rate to the cent. Throws BookingError with a plain-language reason
 * when the document cannot be booked as it is.
 */
export function prepareBooking(source: SourceConnector, raw: SourceDocument, config: BookingConfig): PreparedBooking {
  const normalized = source.normalize(raw);
  checkPlausibleTotals(normalized);
  const exact = exactVat(normalized, config);
  precheck(exact);
  const document = { ...exact, lines: settleDocumentTotal(exact.lines, { incl: money(exact.totals.incl), vat: money(exact.totals.vat) }, { roundingLine: config.roundingLine ?? false, what: exact.kind }) };
  const lines = config.usesVatGrid === false ? document.lines.map((l) => ({ ...l, vatCode: "" })) : resolveLineAccounts(document, config.vatGrid, config.costAccounts);
  const arithmetic = typeof config.arithmetic === "function" ? config.arithmetic(document) : (config.arithmetic ?? defaultArithmetic);
  const booked: BookingLine[] = reconcile(lines, arithmetic, { roundingLine: config.roundingLine ?? false });
  const number =
    config.descriptionSource === "invoice-number" ? (document.source.invoiceNumber ?? document.source.number) : (document.source.orderNumber ?? document.source.number);
  return {
    document,
    lines: booked,
    reference: bookingReference(config.licenseKey, raw.kind, raw.sourceId),
    description: document.creditFactor === -1 ? `Credit ${number}` : number,
    dueDate: addDays(document.date, config.dueDays ?? 14),
  };
}

/** Beyond this no sale is real, and the totals would overflow their column (Decimal(14, 2)). */
const MAX_TOTAL = money("999999999999.99");

/** A shop that sends 1e30 as a price: a clear error on the document instead of a database failure when it is stored. */
function checkPlausibleTotals(doc: SalesDocument) {
  for (const total of [doc.totals.incl, doc.totals.excl, doc.totals.vat]) {
    if (money(total).abs().gt(MAX_TOTAL)) {
      throw new BookingError("amount_out_of_range", `The document's total (${money(total).toSignificantDigits(6).toString()}) is beyond what any sale can be. Check the amounts of this ${doc.kind} in the webshop.`);
    }
  }
}

/** Lines whose VAT adds up to the shop's total, at rates the merchant configured for the document's region. */
function exactVat(doc: SalesDocument, config: BookingConfig): SalesDocument {
  const snapped = config.usesVatGrid === false ? doc : { ...doc, lines: snapToGrid(doc, config.vatGrid) };
  checkLineVat(snapped);
  return { ...snapped, lines: alignVatWithTotal(snapped.lines, { vat: money(doc.totals.vat), vatPerRate: doc.totals.vatPerRate }, doc.pricesIncludeVat) };
}

function snapToGrid(doc: SalesDocument, grid: VatGridRow[]) {
  const region = vatRegion(doc);
  const candidates = grid.filter((r) => r.region === region).map((r) => money(r.rate));
  if (!candidates.length) return doc.lines; // the grid step reports the region as unmapped
  const standard = region === "ICP" || region === "INTL" ? new D(0) : vatRatesOf(region) ? money(vatRatesOf(region)!.standard) : undefined;
  const standardRate = standard && candidates.some((c) => c.eq(standard)) ? standard : candidates.reduce<Dec | undefined>((a, b) => (a && a.gt(b) ? a : b), undefined);
  return snapLineRates(doc.lines, candidates, standardRate);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
