import type { Translate } from "@/lib/i18n/translate";
import type { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import type { ReconciliationReport } from "./build-report";
import { dayOf, lastDayOf } from "./period";

type T = Translate<keyof (typeof reconciliationMessages)["en"]>;

/** RFC 4180 quoting; a leading =, +, - or @ in text is defused so a spreadsheet does not run it as a formula. */
const cell = (v: string) => {
  const safe = /^[=+\-@]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const line = (cells: string[]) => cells.map(cell).join(",");

/**
 * The period's reconciliation as CSV: one row per VAT rate and country (amounts as plain decimals
 * with a dot, for spreadsheets), the total, then the documents behind the difference.
 */
export function reconciliationCsv(report: ReconciliationReport, t: T, target: string): string {
  const rows: string[] = [
    line([t("period"), dayOf(report.period.from), lastDayOf(report.period)]),
    line([t("rate"), t("country"), `${t("shopTotal")} ${t("excl")}`, `${t("shopTotal")} ${t("vat")}`, `${t("shopTotal")} ${t("incl")}`,
      `${t("bookedTotal")} ${t("excl")}`, `${t("bookedTotal")} ${t("vat")}`, `${t("bookedTotal")} ${t("incl")}`, `${t("difference")} ${t("incl")}`]),
  ];
  for (const r of report.rows) {
    rows.push(line([r.rate === "" ? t("unknownRate") : r.rate, r.country, r.shop.excl.toFixed(2), r.shop.vat.toFixed(2), r.shop.incl.toFixed(2),
      r.booked.excl.toFixed(2), r.booked.vat.toFixed(2), r.booked.incl.toFixed(2), r.difference.incl.toFixed(2)]));
  }
  if (!report.otherAmounts.isZero()) rows.push(line([t("otherAmountsRow", { target }), "", "", "", "", "", "", report.otherAmounts.toFixed(2), report.otherAmounts.neg().toFixed(2)]));
  const total = report.total;
  rows.push(line([t("total"), "", total.shop.excl.toFixed(2), total.shop.vat.toFixed(2), total.shop.incl.toFixed(2),
    total.booked.excl.toFixed(2), total.booked.vat.toFixed(2), total.booked.incl.toFixed(2), total.difference.incl.toFixed(2)]));
  rows.push("");
  rows.push(line([t("differencesHeading"), t("document"), t("status"), t("shopAmount"), t("targetAmount", { target })]));
  for (const d of report.notBooked.documents) rows.push(line([t("kind.notBooked"), `${d.kind} ${d.label}`, d.status, d.incl, ""]));
  const f = report.check?.findings;
  for (const [kind, list] of [["kind.deleted", f?.deleted], ["kind.twice", f?.twice], ["kind.otherAmounts", f?.otherAmounts]] as const) {
    for (const d of list ?? []) rows.push(line([t(kind, { target }), `${d.kind} ${d.label}`, d.targetNumbers.join(" "), d.shopIncl, d.targetIncl]));
  }
  return `${rows.join("\r\n")}\r\n`;
}
