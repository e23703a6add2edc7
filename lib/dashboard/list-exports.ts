import type { Db } from "../db/client";
import type { Locale } from "../i18n/locale";
import { labelOf } from "../i18n/messages/common";
import { listsMessages, type ListsKey } from "../i18n/messages/lists";
import { translator } from "../i18n/translate";
import { errorCause } from "../pipeline/error-cause";
import { causeHeadline } from "./cause-view";
import { CSV_BOM, csvLine, type CsvCell } from "./csv";
import { eachListedDocument, type ListedDocument } from "./document-pages";
import type { DocumentTab, Period } from "./integrations";
import { eachListedPayment, type ListedPayment } from "./payment-pages";

/** The lists that can be downloaded as CSV, as named in the URL. */
export const exportLists = ["report", "errors", "open", "payments"] as const;
export type ExportList = (typeof exportLists)[number];

type Column<T> = { header: ListsKey; value: (row: T) => CsvCell; plain?: boolean };

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : "");
// Decimal columns as exactly what is stored: "1234.50", never a float.
const amount = (value: { toFixed(digits: number): string } | null | undefined) => (value ? value.toFixed(2) : "");

function documentColumns(tab: DocumentTab, locale: Locale): Column<ListedDocument>[] {
  const when: Column<ListedDocument> = tab === "report"
    ? { header: "csv.bookedAt", value: (d) => iso(d.bookedAt), plain: true }
    : { header: "csv.received", value: (d) => iso(d.receivedAt), plain: true };
  const common: Column<ListedDocument>[] = [
    when,
    { header: "csv.kind", value: (d) => labelOf(locale, "kind", d.kind) },
    { header: "csv.number", value: (d) => d.sourceNumber ?? d.sourceId },
    { header: "csv.sourceId", value: (d) => d.sourceId },
    { header: "csv.documentDate", value: (d) => iso(d.documentDate), plain: true },
    { header: "csv.customer", value: (d) => d.customerName },
    { header: "csv.currency", value: (d) => d.currency },
    { header: "csv.totalInclVat", value: (d) => amount(d.totalInclVat), plain: true },
    { header: "csv.totalExclVat", value: (d) => amount(d.totalExclVat), plain: true },
  ];
  if (tab === "report") return [...common, { header: "csv.targetNumber", value: (d) => d.targetNumber }, { header: "csv.targetRef", value: (d) => d.targetRef }];
  if (tab === "open") return [...common, { header: "csv.waitingFor", value: (d) => d.errorDetail }];
  return [
    ...common,
    { header: "csv.errorCode", value: (d) => d.errorCode },
    { header: "csv.cause", value: (d) => causeHeadline(locale, errorCause(d.errorCode ?? "", d.errorParams)) },
    { header: "csv.detail", value: (d) => d.errorDetail },
    { header: "csv.attempts", value: (d) => d.attempts, plain: true },
  ];
}

function paymentColumns(locale: Locale): Column<ListedPayment>[] {
  return [
    { header: "csv.received", value: (p) => iso(p.createdAt), plain: true },
    { header: "csv.payment", value: (p) => p.sourceId },
    { header: "csv.document", value: (p) => (p.document ? p.document.sourceNumber ?? p.document.sourceId : "") },
    { header: "csv.currency", value: (p) => p.currency },
    { header: "csv.amount", value: (p) => amount(p.amount), plain: true },
    { header: "csv.method", value: (p) => p.method },
    { header: "csv.paidAt", value: (p) => iso(p.paidAt), plain: true },
    { header: "csv.status", value: (p) => labelOf(locale, "payment", p.status) },
    { header: "csv.attempts", value: (p) => p.attempts, plain: true },
    { header: "csv.reference", value: (p) => p.targetRef },
    { header: "csv.errorCode", value: (p) => p.errorCode },
    { header: "csv.detail", value: (p) => p.errorDetail },
  ];
}

async function* linesOf<T>(columns: Column<T>[], locale: Locale, batches: AsyncGenerator<T[]>): AsyncGenerator<string> {
  const t = translator(listsMessages, locale);
  const plain = new Set(columns.flatMap((c, i) => (c.plain ? [i] : [])));
  yield CSV_BOM + csvLine(columns.map((c) => t(c.header)));
  for await (const rows of batches) yield rows.map((row) => csvLine(columns.map((c) => c.value(row)), plain)).join("");
}

/**
 * The CSV of one list of the signed-in account's integration, as chunks of text read from the
 * database 1,000 rows at a time (a 200,000-row export never sits in memory at once).
 */
export function listCsv(db: Db, accountId: string, integrationId: string, list: ExportList, period: Period, locale: Locale): AsyncGenerator<string> {
  if (list === "payments") return linesOf(paymentColumns(locale), locale, eachListedPayment(db, accountId, integrationId, { period }));
  return linesOf(documentColumns(list, locale), locale, eachListedDocument(db, accountId, integrationId, { tab: list, period }));
}
