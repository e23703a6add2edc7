import type Decimal from "decimal.js";
import { cents, D, money, sum } from "@/lib/domain/money";
import { ConnectorError, type Booking, type BookingLine } from "../types";
import { PAYMENT_TERM_DAYS, VAT_OSS, type EboekhoudenSettings } from "./config";
import { bookableQuantity, unitPriceFor } from "./unit-price";
import { isSalesVatCode } from "./vat-codes";

/**
 * PURE: one booking as e-Boekhouden books it, whatever the API (REST or SOAP) and whatever the
 * form (mutation or invoice). The API payloads (rest-payloads.ts, soap-payloads.ts) only rename
 * and format these fields; every amount is decided here, in Decimal.
 */

export type EntryLine = {
  /** `oss-vat`: the VAT of an OSS line, booked on the configured VAT account (manual ch. 7). */
  role: "revenue" | "oss-vat";
  description: string;
  /** Article code for invoice lines: the SKU of product lines (manual: "Code — product code in e-Boekhouden"). */
  code?: string;
  quantity: Decimal;
  /** Unit prices derived from the line totals, so quantity × price reproduces each total to the cent. */
  priceExcl: Decimal;
  priceIncl: Decimal;
  excl: Decimal;
  vat: Decimal;
  incl: Decimal;
  /** The percentage booked (0 on both OSS lines: no Dutch VAT). */
  vatRate: Decimal;
  vatCode: string;
  /** Ledger code ("8000"). */
  ledger: string;
};

export type SalesEntry = {
  /** The sales number (mutation invoice number / invoice reference): order number, invoice number on request, a credit's own number. */
  salesNumber: string;
  date: string;
  relationCode: string;
  /** "Order number - payment method (if present)". */
  description: string;
  paymentTerm: number;
  /**
   * REST only takes one amount per row and computes the other from the VAT code: amounts go in
   * the way the shop priced them (incl. or excl. VAT), so e-Boekhouden's per-row VAT equals the
   * shop's to the cent. SOAP gets all amounts and follows the manual (EX).
   */
  inEx: "IN" | "EX";
  credit: boolean;
  country?: string;
  lines: EntryLine[];
  totals: { excl: Decimal; vat: Decimal; incl: Decimal };
};

const isCredit = (booking: Booking) => booking.document.creditFactor === -1 || booking.document.kind === "creditnote";

/** The sales number: a credit keeps its own number, so it never collides with the order it corrects. */
export function salesNumberOf(booking: Booking, source: EboekhoudenSettings["descriptionSource"]): string {
  const s = booking.document.source;
  const number = isCredit(booking) || source === "invoice-number" ? (s.invoiceNumber ?? s.number) : (s.orderNumber ?? s.number);
  return number.trim();
}

/** "ORD145 - mollie": the description the pipeline resolved (number, "Credit …"), then the payment method. */
export function descriptionOf(booking: Booking): string {
  const method = booking.document.paymentMethod.raw?.trim();
  return method ? `${booking.description} - ${method}` : booking.description;
}

export function buildSalesEntry(booking: Booking, settings: EboekhoudenSettings): SalesEntry {
  const doc = booking.document;
  if (doc.currency !== "EUR") {
    throw new ConnectorError("currency_not_supported", `e-Boekhouden books in euros; this ${doc.kind} is in ${doc.currency}. Enter it manually in e-Boekhouden.`, false);
  }
  const relationCode = booking.debtorId.trim();
  if (!relationCode) throw new ConnectorError("config_invalid", "No e-Boekhouden debtor (relation code) was resolved for this document.", false);
  const country = doc.deliveryCountry ?? doc.customer.billing.country;
  const lines = booking.lines.filter((l) => !isEmpty(l)).flatMap((l) => entryLines(l, settings, country));
  if (lines.length === 0) throw new ConnectorError("invalid_payload", `The ${doc.kind} ${doc.source.number} has no lines to book.`, false);
  return {
    salesNumber: salesNumberOf(booking, settings.descriptionSource),
    date: doc.date,
    relationCode,
    description: descriptionOf(booking),
    paymentTerm: PAYMENT_TERM_DAYS,
    inEx: doc.pricesIncludeVat ? "IN" : "EX",
    credit: isCredit(booking),
    country,
    lines,
    totals: { excl: sum(lines.map((l) => l.excl)), vat: sum(lines.map((l) => l.vat)), incl: sum(lines.map((l) => l.incl)) },
  };
}

/** The manual skips lines with quantity 0; a zero line with an amount is kept (one unit of it). */
const isEmpty = (l: BookingLine) => money(l.quantity).isZero() && money(l.totalIncl).isZero() && money(l.totalExcl).isZero();

function entryLines(line: BookingLine, settings: EboekhoudenSettings, country: string | undefined): EntryLine[] {
  const excl = cents(money(line.totalExcl, "line total excl. VAT"));
  const incl = cents(money(line.totalIncl, "line total incl. VAT"));
  const vat = incl.minus(excl);
  const ledger = line.ledgerAccount?.trim();
  if (!ledger) {
    throw new ConnectorError("config_invalid", `No revenue account is configured for ${line.vatRate}% (line "${line.description}"). Choose it in the VAT grid on the Configuration tab.`, false);
  }
  // The article the pipeline resolved (its code as e-Boekhouden has it), else the SKU of a product line.
  const code = line.productId?.trim() || (line.kind === "product" ? line.code?.trim() : undefined) || undefined;

  if (line.vatCode === VAT_OSS) {
    // OSS (manual ch. 7): the line excl. VAT on the revenue account, its VAT on the country's VAT account.
    const vatLedger = (country && settings.ossVatAccounts[country]) || settings.ossVatAccount;
    if (!vatLedger) {
      throw new ConnectorError("config_invalid", `Line "${line.description}" is booked as OSS, but no VAT account for OSS${country ? ` (${country})` : ""} is configured. Choose the balance-sheet account for OSS VAT on the Configuration tab.`, false);
    }
    const revenue = noVatLine("revenue", line.description, code, line.quantity, excl, settings.ossRevenueVatCode, ledger);
    if (vat.isZero()) return [revenue];
    const vatText = `VAT ${money(line.vatRate).toFixed()}%${country ? ` ${country}` : ""}`;
    return [revenue, noVatLine("oss-vat", `${vatText} - ${line.description}`, undefined, "1", vat, "GEEN", vatLedger)];
  }

  if (!isSalesVatCode(line.vatCode)) {
    throw new ConnectorError("config_invalid", `"${line.vatCode}" (configured for ${line.vatRate}%) is not an e-Boekhouden sales VAT code. Choose the VAT code again in the VAT grid on the Configuration tab.`, false);
  }
  const prices = pricesFor(line.quantity, excl, incl);
  return [{ role: "revenue", description: line.description, code, ...prices, excl, vat, incl, vatRate: money(line.vatRate), vatCode: line.vatCode, ledger }];
}

function noVatLine(role: EntryLine["role"], description: string, code: string | undefined, quantity: string, amount: Decimal, vatCode: string, ledger: string): EntryLine {
  const prices = pricesFor(quantity, amount, amount);
  return { role, description, code, ...prices, excl: amount, vat: new D(0), incl: amount, vatRate: new D(0), vatCode, ledger };
}

/** One quantity for both unit prices; when either total cannot be reproduced per unit, one unit of each. */
function pricesFor(quantityText: string, excl: Decimal, incl: Decimal): Pick<EntryLine, "quantity" | "priceExcl" | "priceIncl"> {
  const quantity = bookableQuantity(quantityText);
  if (quantity) {
    const e = unitPriceFor(excl, quantity);
    const i = unitPriceFor(incl, quantity);
    if (e.quantity.eq(quantity) && i.quantity.eq(quantity)) return { quantity, priceExcl: e.price, priceIncl: i.price };
  }
  return { quantity: new D(1), priceExcl: excl, priceIncl: incl };
}
