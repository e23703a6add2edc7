import { describe, expect, it } from "vitest";
import { D } from "../domain/money";
import { parseEnv } from "../config/env";
import { invoicePdf, type InvoiceForPdf } from "./invoice-pdf";
import { pdfText } from "./testing/pdf-text";

const invoice: InvoiceForPdf = {
  number: "2026-00042",
  description: "Boekkoppeling subscription, one year: Magento 2 → Rompslomp (license key ABC-123)",
  createdAt: new Date("2026-11-24T09:00:00Z"),
  periodStart: new Date("2026-12-01T00:00:00Z"),
  periodEnd: new Date("2027-12-01T00:00:00Z"),
  amountExclVat: new D("1234.50"),
  vatRate: new D("21"),
  vatAmount: new D("259.25"),
  amountInclVat: new D("1493.75"),
  status: "paid",
  paidAt: new Date("2026-11-26T12:00:00Z"),
  licenseKey: "ABC-123",
};
const customer = { company: "Webwinkel Één B.V.", name: "Eva Koper", email: "eva@example.nl", country: "NL" };
const company = parseEnv({ BILLING_COMPANY_NAME: "Boekkoppeling Test B.V.", BILLING_COMPANY_VAT_NUMBER: "NL123456782B01" });

describe("invoice PDF", () => {
  it("holds every figure as real text, formatted in Dutch", async () => {
    const text = await pdfText(await invoicePdf(invoice, customer, "nl", company));
    for (const expected of ["Factuur", "2026-00042", "Boekkoppeling Test B.V.", "NL123456782B01", "Webwinkel Één B.V.", "eva@example.nl", "24-11-2026", "01-12-2026 tot 01-12-2027", "€ 1.234,50", "Btw 21%", "€ 259,25", "€ 1.493,75", "Betaald op 26-11-2026. Hartelijk dank.", "Magento 2 -> Rompslomp"]) {
      expect(text).toContain(expected);
    }
  });

  it("speaks English for an English merchant, and says an open invoice is still to be paid", async () => {
    const text = await pdfText(await invoicePdf({ ...invoice, status: "open", paidAt: null }, customer, "en", company));
    for (const expected of ["Invoice", "Total excl. VAT", "€1,234.50", "VAT 21%", "€259.25", "Total incl. VAT", "€1,493.75", "1 Dec 2026 to 1 Dec 2027", "To be paid"]) expect(text).toContain(expected);
  });
});
