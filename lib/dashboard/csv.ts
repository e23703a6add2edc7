/**
 * CSV as Excel in the Netherlands and Belgium opens it with a double-click: UTF-8 with a byte-order
 * mark (else Excel reads it as Windows-1252 and "Müller" breaks), semicolons between cells (Dutch
 * and Belgian Excel use the comma as decimal separator and split on ";"; a comma-separated file
 * lands in one column there), CRLF line ends and RFC 4180 quoting. Amounts stay plain decimals
 * with a dot ("1234.50"): exactly what was booked, readable by any tool; with two decimals Excel
 * never mistakes them for a Dutch thousands group.
 */
export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

export type CsvCell = string | number | null | undefined;

/**
 * One cell. Text that starts like a formula (=, +, -, @) is prefixed with ' so a customer name
 * from the shop can never run as an Excel formula; `plain` cells (amounts, dates) are trusted.
 */
export function csvCell(value: CsvCell, plain = false): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (!plain && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated. `plainColumns`: indexes of amount and date columns. */
export function csvLine(cells: CsvCell[], plainColumns: ReadonlySet<number> = new Set()): string {
  return `${cells.map((c, i) => csvCell(c, plainColumns.has(i))).join(CSV_SEPARATOR)}\r\n`;
}
