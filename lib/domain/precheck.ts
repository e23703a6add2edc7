import { BookingError } from "./booking-error";
import { classify } from "./classify";
import type Decimal from "decimal.js";
import { centsOf, D, money, sum } from "./money";
import type { SalesDocument } from "./sales-document";
import { validateVatNumber } from "./vat-number";
import { fitsRate } from "./vat-rate";

/**
 * The pre-checks every source shares, before anything is sent to the accounting system:
 * totals equal the sum of the lines (within the source's own rounding), VAT adds up and every
 * ICP has a VAT number, export carries no VAT.
 * `tolerance` is what the shop's own per-line rounding can explain (default: half a cent per line,
 * and half a cent for the total).
 */
export function precheck(doc: SalesDocument, tolerance?: Decimal): void {
  if (!totalsAddUpInCents(doc, tolerance)) checkTotals(doc, tolerance ?? new D("0.005").times(doc.lines.length).plus("0.005"));
  checkVatClass(doc);
}

/**
 * The three sums of checkTotals in integer cents, each once: true when all are within `tolerance`.
 * False when they are not, or an amount has more than two decimals; checkTotals then decides (and names the difference).
 */
function totalsAddUpInCents(doc: SalesDocument, tolerance: Decimal | undefined): boolean {
  let incl = 0, excl = 0, vat = 0;
  for (const line of doc.lines) {
    const lineIncl = centsOf(line.totalIncl);
    const lineExcl = centsOf(line.totalExcl);
    const lineVat = centsOf(line.vatAmount);
    if (lineIncl === undefined || lineExcl === undefined || lineVat === undefined) return false;
    incl += lineIncl;
    excl += lineExcl;
    vat += lineVat;
  }
  const totalIncl = centsOf(doc.totals.incl);
  const totalExcl = centsOf(doc.totals.excl);
  const totalVat = centsOf(doc.totals.vat);
  if (totalIncl === undefined || totalExcl === undefined || totalVat === undefined) return false;
  // The default tolerance in cents, 0.5 per line + 0.5, is exact as a number (halves are).
  const allowed = tolerance ? tolerance.times(100) : 0.5 * doc.lines.length + 0.5;
  // Sums of safe integers stay exact below 2^53 cents; beyond that, Decimal decides.
  return within(incl, totalIncl, allowed) && within(excl, totalExcl, allowed) && within(vat, totalVat, allowed);
}

function within(a: number, b: number, allowed: Decimal | number): boolean {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) return false;
  const off = Math.abs(a - b);
  return typeof allowed === "number" ? off <= allowed : allowed.gte(off);
}

function checkTotals(doc: SalesDocument, tolerance: Decimal): void {
  const linesIncl = sum(doc.lines.map((l) => money(l.totalIncl)));
  const linesExcl = sum(doc.lines.map((l) => money(l.totalExcl)));
  const totalIncl = money(doc.totals.incl);
  const totalExcl = money(doc.totals.excl);

  if (linesIncl.minus(totalIncl).abs().gt(tolerance)) {
    throw new BookingError(
      "totals_mismatch",
      `The ${doc.kind} total is ${totalIncl.toFixed(2)} incl. VAT, but its lines add up to ${linesIncl.toFixed(2)}. ` +
        `Check the ${doc.kind} in your webshop (a line, discount or cost may be missing), then click Process.`,
      { totalIncl: totalIncl.toFixed(2), linesIncl: linesIncl.toFixed(2) },
    );
  }
  if (linesExcl.minus(totalExcl).abs().gt(tolerance)) {
    throw new BookingError(
      "totals_mismatch",
      `The ${doc.kind} total is ${totalExcl.toFixed(2)} excl. VAT, but its lines add up to ${linesExcl.toFixed(2)}.`,
      { totalExcl: totalExcl.toFixed(2), linesExcl: linesExcl.toFixed(2) },
    );
  }
  const vatLines = sum(doc.lines.map((l) => money(l.vatAmount)));
  if (vatLines.minus(money(doc.totals.vat)).abs().gt(tolerance)) {
    throw new BookingError(
      "vat_total_mismatch",
      `The ${doc.kind} charges ${money(doc.totals.vat).toFixed(2)} VAT in total, but its lines charge ${vatLines.toFixed(2)}. ` +
        `Check the VAT of the ${doc.kind} in your webshop, then click Process.`,
      { totalVat: money(doc.totals.vat).toFixed(2), linesVat: vatLines.toFixed(2) },
    );
  }
}

/** ICP needs a valid VAT number and, like export, no VAT on any line. */
function checkVatClass(doc: SalesDocument): void {
  const vatClass = classify(doc).vatClass;
  if (vatClass === "icp" && doc.customer.vatNumber?.trim()) {
    const checked = validateVatNumber(doc.customer.vatNumber);
    if (!checked.ok) {
      throw new BookingError(
        "vat_number_invalid",
        `This intra-community (ICP) ${doc.kind} is booked at 0% VAT on the customer's VAT number, but "${doc.customer.vatNumber}" is not a valid EU VAT number: ${checked.reason} ` +
          `Correct the VAT number in your webshop, then click Process.`,
        { vatNumber: doc.customer.vatNumber, reason: checked.reason },
      );
    }
  }
  if (vatClass === "icp" && !doc.customer.vatNumber?.trim()) {
    throw new BookingError(
      "icp_without_vat_number",
      `This is an intra-community (ICP) ${doc.kind} with 0% VAT, but the customer has no VAT number. ` +
        `Add the customer's VAT number in your webshop, or book it with VAT, then click Process.`,
    );
  }
  if ((vatClass === "icp" || vatClass === "export") && doc.lines.some((l) => !money(l.vatAmount).isZero())) {
    const kind = vatClass === "icp" ? "an intra-community (ICP)" : "an export (outside the EU)";
    throw new BookingError(
      vatClass === "icp" ? "icp_with_vat" : "export_with_vat",
      `This is ${kind} ${doc.kind}, which is booked at 0% VAT, but it charges VAT on some lines.`,
    );
  }
}

/**
 * Every line's VAT is its rate × its excl. amount, within the shop's rounding. Runs on the lines as
 * the shop gave them (rates snapped), before cents are placed to match the document's VAT total.
 */
export function checkLineVat(doc: SalesDocument): void {
  const wrongRate = doc.lines.find((l) => !fitsRate(l, money(l.vatRate)));
  if (wrongRate) {
    throw new BookingError(
      "vat_inconsistent",
      `Line "${wrongRate.description}" says ${money(wrongRate.vatRate).toFixed()}% VAT, but charges ${wrongRate.vatAmount} VAT on ${wrongRate.totalExcl}. ` +
        `Check the VAT settings of this product in your webshop, then click Process.`,
      { line: wrongRate.description, rate: wrongRate.vatRate, excl: wrongRate.totalExcl, vat: wrongRate.vatAmount },
    );
  }
}
