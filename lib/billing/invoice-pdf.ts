import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { env, type Env } from "../config/env";
import { formatDate, formatMoney, type Locale } from "../i18n/locale";
import { invoiceMessages } from "../i18n/messages/billing-invoice";
import { translator } from "../i18n/translate";

/**
 * The merchant's subscription invoice as a PDF (A4, the standard Helvetica fonts, so every word is
 * real, extractable text): our company (configuration), the merchant, number, date, period, the
 * amounts excl. VAT, VAT and incl. VAT formatted for the merchant's language, and its status.
 */
export type InvoiceForPdf = {
  number: string;
  description: string;
  createdAt: Date;
  periodStart: Date;
  periodEnd: Date;
  amountExclVat: { toFixed(dp: number): string };
  vatRate: { toFixed(): string };
  vatAmount: { toFixed(dp: number): string };
  amountInclVat: { toFixed(dp: number): string };
  status: string;
  paidAt: Date | null;
  licenseKey: string;
};
export type CustomerForPdf = { company: string; name?: string | null; email: string; country?: string | null };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const GREY = rgb(0.35, 0.38, 0.42);

/** Characters the standard fonts cannot encode (→, emoji…) become plain ones instead of failing the PDF. */
function encodable(font: PDFFont) {
  const known = new Set(font.getCharacterSet());
  const replacements: Record<string, string> = { "→": "->", "←": "<-", "…": "...", "\u00a0": " " };
  return (text: string) => Array.from(text, (ch) => (known.has(ch.codePointAt(0)!) ? ch : (replacements[ch] ?? "?"))).join("");
}

export async function invoicePdf(invoice: InvoiceForPdf, customer: CustomerForPdf, locale: Locale, e: Env = env()): Promise<Uint8Array> {
  const t = translator(invoiceMessages, locale);
  const money = (v: { toFixed(dp: number): string }) => formatMoney(locale, v.toFixed(2));
  const date = (d: Date) => formatDate(locale, d);

  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t("title")} ${invoice.number}`);
  pdf.setAuthor(e.BILLING_COMPANY_NAME);
  pdf.setLanguage(locale === "nl" ? "nl-NL" : "en-GB");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const safe = encodable(regular);
  const page = pdf.addPage([A4.width, A4.height]);

  const text = (p: PDFPage, value: string, x: number, y: number, o: { font?: PDFFont; size?: number; right?: boolean; grey?: boolean } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? 10;
    const clean = safe(value);
    const at = o.right ? x - font.widthOfTextAtSize(clean, size) : x;
    p.drawText(clean, { x: at, y, font, size, color: o.grey ? GREY : rgb(0, 0, 0) });
  };
  const right = A4.width - MARGIN;
  let y = A4.height - MARGIN;

  // Us, and the title.
  text(page, e.BILLING_COMPANY_NAME, MARGIN, y, { font: bold, size: 14 });
  text(page, t("title"), right, y, { font: bold, size: 22, right: true });
  y -= 18;
  for (const line of [e.BILLING_COMPANY_ADDRESS, e.BILLING_COMPANY_EMAIL, `${t("coc")} ${e.BILLING_COMPANY_COC}`, `${t("vatNumber")} ${e.BILLING_COMPANY_VAT_NUMBER}`, `${t("iban")} ${e.BILLING_COMPANY_IBAN}`]) {
    text(page, line, MARGIN, y, { grey: true });
    y -= 13;
  }

  // The merchant, and the invoice's facts.
  y -= 20;
  const factsTop = y;
  text(page, t("billedTo"), MARGIN, y, { font: bold });
  y -= 14;
  for (const line of [customer.company, customer.name, customer.email, customer.country ? `${t("country")}: ${customer.country}` : null].filter((l): l is string => !!l)) {
    text(page, line, MARGIN, y);
    y -= 13;
  }
  let fy = factsTop;
  const facts: [string, string][] = [
    [t("number"), invoice.number],
    [t("date"), date(invoice.createdAt)],
    [t("period"), t("periodRange", { start: date(invoice.periodStart), end: date(invoice.periodEnd) })],
    [t("licenseKey"), invoice.licenseKey],
  ];
  for (const [label, value] of facts) {
    text(page, label, 330, fy, { grey: true });
    text(page, value, right, fy, { right: true });
    fy -= 14;
  }

  // The line and the totals.
  y = Math.min(y, fy) - 30;
  text(page, t("item"), MARGIN, y, { font: bold });
  text(page, t("amount"), right, y, { font: bold, right: true });
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: right, y }, thickness: 0.7, color: GREY });
  y -= 16;
  text(page, invoice.description, MARGIN, y, { size: 10 });
  text(page, money(invoice.amountExclVat), right, y, { right: true });
  y -= 30;
  const totals: [string, string, boolean][] = [
    [t("exclVat"), money(invoice.amountExclVat), false],
    [t("vat", { rate: invoice.vatRate.toFixed() }), money(invoice.vatAmount), false],
    [t("inclVat"), money(invoice.amountInclVat), true],
  ];
  for (const [label, value, strong] of totals) {
    if (strong) {
      page.drawLine({ start: { x: 330, y: y + 11 }, end: { x: right, y: y + 11 }, thickness: 0.7, color: GREY });
    }
    text(page, label, 330, y, { font: strong ? bold : regular });
    text(page, value, right, y, { font: strong ? bold : regular, right: true });
    y -= 16;
  }

  y -= 24;
  const status = invoice.status === "paid" && invoice.paidAt ? t("statusPaid", { date: date(invoice.paidAt) }) : invoice.status === "cancelled" ? t("statusCancelled") : t("statusOpen");
  text(page, status, MARGIN, y, { font: bold });
  return pdf.save();
}
