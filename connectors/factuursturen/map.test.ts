import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cents, money } from "@/lib/domain/money";
import { salesDocumentSchema, type SalesDocument } from "@/lib/domain/sales-document";
import type { Booking, BookingLine } from "../types";
import { factuursturenSettingsSchema, type FactuursturenSettings } from "./config";
import { countryName } from "./countries";
import { clientPayload, invoicePayload, phoneNumbers } from "./map";
import type { TaxType } from "./schemas";
import { priceLine, taxRate } from "./unit-price";

type Fixture = { settings: FactuursturenSettings; booking: Booking; taxType: TaxType; expectedInvoice: unknown; expectedClient: unknown };

function fixture(name: string): Fixture {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8")) as Fixture;
  // The fixture's document must be a valid domain document, or the test proves nothing.
  const document = salesDocumentSchema.parse(raw.booking.document);
  // As the pipeline hands lines over for a target without a VAT grid: the document's own rate.
  const lines: BookingLine[] = document.lines.map((l) => ({ ...l, vatCode: money(l.vatRate).toFixed() }));
  return { ...raw, booking: { ...raw.booking, document, lines }, settings: factuursturenSettingsSchema.parse(raw.settings) };
}

const FIXTURES = ["domestic-paid", "credit", "icp-excl"];
const withDoc = (f: Fixture, patch: (d: SalesDocument) => SalesDocument): Booking => ({ ...f.booking, document: patch(f.booking.document) });

describe("Booking → Factuursturen invoice (manual: field-level specification of the Factuursturen invoice)", () => {
  it.each(FIXTURES)("%s maps exactly as recorded", (name) => {
    const f = fixture(name);
    expect(invoicePayload(f.booking, f.taxType, f.settings)).toEqual(f.expectedInvoice);
  });

  const paid = fixture("domestic-paid");
  const invoice = invoicePayload(paid.booking, "intax", paid.settings);

  it("clientnr: the Factuursturen customer number found or created for the order", () => {
    expect(invoice.clientnr).toBe("647");
  });

  it("action: send (a booked invoice, not a saved draft)", () => {
    expect(invoice.action).toBe("send");
  });

  it("sendmethod: mail (manual, the default) or email when the merchant asked for automatic sending", () => {
    expect(invoice.sendmethod).toBe("mail");
    expect(invoicePayload(paid.booking, "intax", { ...paid.settings, sendMethod: "email" }).sendmethod).toBe("email");
    expect(factuursturenSettingsSchema.parse({}).sendMethod).toBe("mail");
  });

  it("profile: the invoice layout chosen in the wizard; else the booking's; absent = Factuursturen's default", () => {
    expect(invoice.profile).toBe("2");
    expect(invoicePayload({ ...paid.booking, templateId: "7" }, "intax", { sendMethod: "mail" }).profile).toBe("7");
    expect(invoicePayload({ ...paid.booking, templateId: undefined }, "intax", { sendMethod: "mail" })).not.toHaveProperty("profile");
  });

  it("sent: the order date", () => {
    expect(invoice.sent).toBe("2024-02-13");
  });

  it("alreadypaid: full (the sales amount) only when the order is paid, with the payment method's name", () => {
    expect(invoice.alreadypaid).toBe("full");
    expect(invoice.alreadypaidmethod).toBe("iDEAL");
    const unpaid = invoicePayload(withDoc(paid, (d) => ({ ...d, paid: false })), "intax", paid.settings);
    expect(unpaid).not.toHaveProperty("alreadypaid");
    expect(unpaid).not.toHaveProperty("alreadypaidmethod");
    expect(invoicePayload(withDoc(paid, (d) => ({ ...d, paid: undefined })), "intax", paid.settings)).not.toHaveProperty("alreadypaid");
    const longName = invoicePayload(withDoc(paid, (d) => ({ ...d, paymentMethod: { raw: "Achteraf betalen met een hele lange naam", classification: "afterpay" } })), "intax", paid.settings);
    expect(longName.alreadypaidmethod).toBe("Achteraf betalen met een hele la"); // at most 32 characters
  });

  it("reference line1: the order number ('Credit …' for a credit)", () => {
    expect(invoice.reference.line1).toBe("WEB-1001");
    expect(invoicePayload(fixture("credit").booking, "intax", { sendMethod: "mail" }).reference.line1).toBe("Credit WEB-1001");
  });

  it("reference line2: 'Payment method: <name>' only if the name of the payment method is present", () => {
    expect(invoice.reference.line2).toBe("Payment method: iDEAL");
    expect(invoicePayload(fixture("icp-excl").booking, "extax", { sendMethod: "mail" }).reference).not.toHaveProperty("line2");
    const blank = invoicePayload(withDoc(paid, (d) => ({ ...d, paymentMethod: { raw: "  ", classification: "default" } })), "intax", paid.settings);
    expect(blank.reference).not.toHaveProperty("line2");
  });

  it("reference line3: our idempotency reference, so a retry finds the invoice instead of booking it twice", () => {
    expect(invoice.reference.line3).toBe("LIC-order-100001");
  });

  it("lines: amount, description, tax_rate (the VAT percentage of the order, e.g. 21.00) and price", () => {
    expect(invoice.lines.line1).toEqual({ amount: "1", description: "Theepot", tax_rate: "21.00", price: "24.95" });
    expect(invoice.lines.line2).toEqual({ amount: "2", description: "Thee", tax_rate: "9.00", price: "5.98" });
    expect(Object.keys(invoice.lines)).toEqual(["line1", "line2", "line3"]);
    expect(taxRate("21")).toBe("21.00");
    expect(taxRate("5.5")).toBe("5.50");
    expect(taxRate("0")).toBe("0.00");
  });

  it("price: incl. VAT for an intax customer, excl. VAT for an extax customer; quantity × price is the line total to the cent", () => {
    const extax = invoicePayload(paid.booking, "extax", paid.settings);
    expect(extax.lines.line1).toEqual({ amount: "1", description: "Theepot", tax_rate: "21.00", price: "20.62" });
    // 2 × 5.49 = 10.98 and 2 × 5.48 = 10.96: no two-decimal price gives 10.97, so one unit of the total.
    expect(extax.lines.line2).toEqual({ amount: "1", description: "2 × Thee", tax_rate: "9.00", price: "10.97" });
    expect(extax.lines.line3).toEqual({ amount: "1", description: "Shipping costs", tax_rate: "21.00", price: "4.09" });
    for (const [type, field] of [["intax", "totalIncl"], ["extax", "totalExcl"]] as const) {
      const lines = Object.values(invoicePayload(paid.booking, type, paid.settings).lines);
      const booked = lines.map((l) => cents(money(l.amount).times(money(l.price))));
      expect(booked.map((b) => b.toFixed(2))).toEqual(paid.booking.lines.map((l) => money(l[field]).toFixed(2)));
    }
  });

  it("credit lines keep the document's negative quantity with a positive price", () => {
    const credit = fixture("credit");
    const lines = invoicePayload(credit.booking, "extax", credit.settings).lines;
    expect(lines.line1).toEqual({ amount: "-1", description: "Theepot", tax_rate: "21.00", price: "20.62" });
    // -3 × 3.06 = -9.18: one unit of the total keeps the cent.
    expect(lines.line2).toEqual({ amount: "-1", description: "3 × Thee", tax_rate: "9.00", price: "9.17" });
  });
});

describe("unit prices", () => {
  it.each([
    ["9.99", "3", { amount: "3", price: "3.33", description: "X" }],
    ["8.26", "3", { amount: "1", price: "8.26", description: "3 × X" }],
    ["10.00", "2.5", { amount: "2.5", price: "4.00", description: "X" }],
    ["-9.99", "-3", { amount: "-3", price: "3.33", description: "X" }],
    ["-8.26", "-3", { amount: "-1", price: "8.26", description: "3 × X" }],
    ["-5.00", "1", { amount: "1", price: "-5.00", description: "X" }],
    ["4.95", "0", { amount: "1", price: "4.95", description: "X" }],
    ["0", "0", { amount: "0", price: "0.00", description: "X" }],
  ])("total %s over quantity %s", (total, quantity, expected) => {
    expect(priceLine(total, quantity, "X")).toEqual(expected);
  });
});

describe("SalesDocument → Factuursturen customer (manual: field-level specification of the Factuursturen customer)", () => {
  it.each(FIXTURES)("%s maps exactly as recorded", (name) => {
    const f = fixture(name);
    expect(clientPayload(f.booking.document, f.settings)).toEqual(f.expectedClient);
  });

  const doc = fixture("domestic-paid").booking.document;
  const client = clientPayload(doc, { sendMethod: "mail" });
  const billing = (patch: Partial<SalesDocument["customer"]["billing"]>) => ({ ...doc, customer: { ...doc.customer, billing: { ...doc.customer.billing, ...patch } } });

  it("contact: [firstname] [lastname]; showcontact: true", () => {
    expect(client.contact).toBe("Eva Koper");
    expect(client.showcontact).toBe(true);
    expect(clientPayload(billing({ firstName: undefined }), { sendMethod: "mail" }).contact).toBe("Koper");
  });

  it("company: [company]", () => {
    expect(client.company).toBe("Theehuis B.V.");
  });

  it("address: street and house number, then the second address line", () => {
    expect(client.address).toBe("Kerkstraat 12 2e verdieping");
    expect(clientPayload(billing({ addressLine2: undefined, houseNumber: "12 a" }), { sendMethod: "mail" }).address).toBe("Kerkstraat 12 a");
  });

  it("zipcode and city", () => {
    expect([client.zipcode, client.city]).toEqual(["1234 AB", "Utrecht"]);
  });

  it("country: the name of the ISO code; the Netherlands when no country is given", () => {
    expect(client.country).toBe("Netherlands");
    expect(clientPayload(billing({ country: "BE" }), { sendMethod: "mail" }).country).toBe("Belgium");
    expect(clientPayload(billing({ country: undefined }), { sendMethod: "mail" }).country).toBe("Netherlands");
    expect(countryName("de")).toBe("Germany");
    expect(countryName("")).toBe("Netherlands");
  });

  it("phone number [telnr] and mobile [mobile]: a recognisable mobile number goes to mobile", () => {
    expect([client.phone, client.mobile]).toEqual(["", "06 12345678"]);
    expect(phoneNumbers({ phone: "030 1234567" })).toEqual({ phone: "030 1234567", mobile: "" });
    expect(phoneNumbers({ phone: "+31 6 1234 5678" })).toEqual({ phone: "", mobile: "+31 6 1234 5678" });
    expect(phoneNumbers({ phone: "0032 478 12 34 56" })).toEqual({ phone: "", mobile: "0032 478 12 34 56" });
    expect(phoneNumbers({ phone: "020 1234567", mobile: "0612345678" })).toEqual({ phone: "020 1234567", mobile: "0612345678" });
    expect(phoneNumbers({})).toEqual({ phone: "", mobile: "" });
  });

  it("email: [email]", () => {
    expect(client.email).toBe("eva@theehuis.nl");
  });

  it("bank code: empty by default", () => {
    expect(client.bankcode).toBe("");
  });

  it("VAT number: [vatnumber]", () => {
    expect(client.taxnumber).toBe("NL123456789B01");
  });

  it("tax_shifted: false", () => {
    expect(client.tax_shifted).toBe(false);
  });

  it("sendmethod: email when invoices are sent to the customer (debtorsend), otherwise always mail", () => {
    expect(client.sendmethod).toBe("mail");
    expect(clientPayload(doc, { sendMethod: "email" }).sendmethod).toBe("email");
  });

  it("paymentmethod: bank", () => {
    expect(client.paymentmethod).toBe("bank");
  });

  it("mailintro: Dear [first_name] [last_name]", () => {
    expect(client.mailintro).toBe("Dear Eva Koper");
  });

  it("reference: Thank you for your order", () => {
    expect(client.reference).toEqual({ line1: "Thank you for your order" });
  });

  it("notes_on_invoice: false", () => {
    expect(client.notes_on_invoice).toBe(false);
  });

  it("tax_type: intax when the prices are given incl. VAT, otherwise extax", () => {
    expect(client.tax_type).toBe("intax");
    expect(clientPayload({ ...doc, pricesIncludeVat: false }, { sendMethod: "mail" }).tax_type).toBe("extax");
  });
});
