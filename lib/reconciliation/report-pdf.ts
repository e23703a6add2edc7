import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDate, formatDateTime, formatMoney, type Locale } from "@/lib/i18n/locale";
import type { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import type { Translate } from "@/lib/i18n/translate";
import type { ReconciliationReport } from "./build-report";

type T = Translate<keyof (typeof reconciliationMessages)["en"]>;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const GREY = rgb(0.35, 0.38, 0.42);

/** Characters the standard fonts cannot encode become plain ones instead of failing the PDF. */
function encodable(font: PDFFont) {
  const known = new Set(font.getCharacterSet());
  const replacements: Record<string, string> = { "→": "->", "…": "...", "\u00a0": " ", "\u202f": " ", "—": "-" };
  return (text: string) => Array.from(text, (ch) => (known.has(ch.codePointAt(0)!) ? ch : (replacements[ch] ?? "?"))).join("");
}

/** The period's reconciliation as an A4 PDF with real text: the table per rate and country, the totals and the documents behind the difference. */
export async function reconciliationPdf(report: ReconciliationReport, args: { t: T; locale: Locale; target: string; integrationName: string }): Promise<Uint8Array> {
  const { t, locale, target } = args;
  const money = (v: { toFixed(dp: number): string } | string) => formatMoney(locale, typeof v === "string" ? v : v.toFixed(2));
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t("heading")} ${args.integrationName}`);
  pdf.setLanguage(locale === "nl" ? "nl-NL" : "en-GB");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const safe = encodable(regular);
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newline = (h = 14) => {
    y -= h;
    if (y < MARGIN) { page = pdf.addPage([A4.width, A4.height]); y = A4.height - MARGIN; }
  };
  const text = (value: string, x: number, o: { font?: PDFFont; size?: number; right?: boolean; grey?: boolean } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? 9;
    const clean = safe(value);
    page.drawText(clean, { x: o.right ? x - font.widthOfTextAtSize(clean, size) : x, y, font, size, color: o.grey ? GREY : rgb(0, 0, 0) });
  };

  text(`${t("heading")}: ${args.integrationName}`, MARGIN, { font: bold, size: 14 });
  newline(18);
  text(t("periodLabel", { from: formatDate(locale, report.period.from), to: formatDate(locale, new Date(report.period.to.getTime() - 86_400_000)) }), MARGIN);
  newline();
  const check = report.check;
  text(!check ? t("notChecked", { target }) : check.status === "done" ? t("checkedAt", { target, time: formatDateTime(locale, check.checkedAt) })
    : t("checkFailed", { target, time: formatDateTime(locale, check.checkedAt), error: check.error ?? "" }), MARGIN, { grey: true });
  newline(22);

  const cols = [MARGIN, MARGIN + 60, 250, 330, 410, 490, A4.width - MARGIN];
  const header = [t("rate"), t("country"), `${t("shopTotal")} ${t("vat")}`, `${t("shopTotal")} ${t("incl")}`, `${t("bookedTotal")} ${t("vat")}`, `${t("bookedTotal")} ${t("incl")}`, t("difference")];
  header.forEach((h, i) => text(h, cols[i]!, { font: bold, right: i >= 2, size: 8 }));
  newline();
  for (const r of report.rows) {
    const cells = [r.rate === "" ? t("unknownRate") : `${r.rate}%`, r.country || "-", money(r.shop.vat), money(r.shop.incl), money(r.booked.vat), money(r.booked.incl), money(r.difference.incl)];
    cells.forEach((c, i) => text(c, cols[i]!, { right: i >= 2 }));
    newline();
  }
  if (!report.otherAmounts.isZero()) {
    text(t("otherAmountsRow", { target }), cols[0]!);
    text(money(report.otherAmounts), cols[5]!, { right: true });
    text(money(report.otherAmounts.neg()), cols[6]!, { right: true });
    newline();
  }
  const total = report.total;
  [t("total"), "", money(total.shop.vat), money(total.shop.incl), money(total.booked.vat), money(total.booked.incl), money(total.difference.incl)]
    .forEach((c, i) => text(c, cols[i]!, { font: bold, right: i >= 2 }));
  newline(24);

  text(t("differencesHeading"), MARGIN, { font: bold, size: 11 });
  newline(16);
  const f = check?.findings;
  const lists: [string, { label: string; kind: string; detail: string; amount: string }[]][] = [
    [t("kind.notBooked"), report.notBooked.documents.map((d) => ({ label: d.label, kind: d.kind, detail: d.status, amount: money(d.incl) }))],
    ...([["kind.deleted", f?.deleted], ["kind.twice", f?.twice], ["kind.otherAmounts", f?.otherAmounts]] as const).map(([key, list]) => [
      t(key, { target }),
      (list ?? []).map((d) => ({ label: d.label, kind: d.kind, detail: d.targetNumbers.join(", "), amount: `${money(d.shopIncl)} / ${money(d.targetIncl)}` })),
    ] as [string, { label: string; kind: string; detail: string; amount: string }[]]),
  ];
  let any = false;
  for (const [title, items] of lists) {
    if (items.length === 0) continue;
    any = true;
    text(`${title} (${items.length})`, MARGIN, { font: bold });
    newline();
    for (const d of items) {
      text(`${d.kind} ${d.label}`, MARGIN + 10);
      text(d.detail, 250);
      text(d.amount, A4.width - MARGIN, { right: true });
      newline();
    }
    newline(6);
  }
  if (!any) text(t("noDifferences"), MARGIN, { grey: true });
  return pdf.save();
}
