import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cents, D } from "@/lib/domain/money";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { ConnectorError, type Booking, type BookingLine } from "../types";
import { rompslompSettingsSchema } from "./config";
import { addDays, cleanProductCode, contactPayload, paymentPayload, productPayload, salesInvoicePayload } from "./map";
import { unitPriceFor, vatFraction } from "./unit-price";

type Fixture = { settings: unknown; booking: Booking; expected?: unknown; expectedContact?: unknown; expectedPrices?: string[] };

function fixture(name: string) {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8")) as Fixture;
  // The fixture's document must be a valid domain document, or the test proves nothing.
  const document = salesDocumentSchema.parse(raw.booking.document);
  return { ...raw, booking: { ...raw.booking, document }, settings: rompslompSettingsSchema.parse(raw.settings) };
}

describe("Booking → sales_invoice (manual: field-level specification Rompslomp)", () => {
  it.each(["domestic-mixed", "credit", "icp"])("%s maps exactly as recorded", (name) => {
    const f = fixture(name);
    expect(salesInvoicePayload(f.booking, f.settings)).toEqual(f.expected);
  });

  it("due date is two weeks after the document date, whatever the booking proposes", () => {
    const f = fixture("domestic-mixed");
    const payload = salesInvoicePayload({ ...f.booking, dueDate: "2099-01-01" }, f.settings);
    expect(payload.due_date).toBe("2024-03-16");
    expect(addDays("2024-02-29", 14)).toBe("2024-03-14");
    expect(addDays("2024-12-24", 14)).toBe("2025-01-07");
  });

  it("description: order number by default, invoice number on request, 'Credit' prefix for credits", () => {
    const f = fixture("credit");
    expect(salesInvoicePayload(f.booking, { ...f.settings, descriptionSource: "order-number" }).description).toBe("Credit 000000345");
    expect(salesInvoicePayload(f.booking, { ...f.settings, descriptionSource: "invoice-number" }).description).toBe("Credit 100000012");
    const d = fixture("domestic-mixed");
    // No invoice number on an order: fall back to what the pipeline resolved.
    expect(salesInvoicePayload(d.booking, { ...d.settings, descriptionSource: "invoice-number" }).description).toBe("1001");
  });

  it("the configured template wins over the booking's", () => {
    const f = fixture("credit");
    expect(salesInvoicePayload({ ...f.booking, templateId: "999" }, f.settings).template_id).toBe(1339011876);
    const d = fixture("domestic-mixed");
    expect(salesInvoicePayload({ ...d.booking, templateId: undefined }, d.settings)).not.toHaveProperty("template_id");
  });

  it("price_per_unit is derived from the line total, with enough decimals to reproduce it to the cent", () => {
    const f = fixture("awkward-quantities");
    const lines: BookingLine[] = f.booking.document.lines.map((l) => ({ ...l, vatCode: l.vatRate === "21" ? "748551423" : "768107468" }));
    const payload = salesInvoicePayload({ ...f.booking, lines }, f.settings);
    expect(payload.invoice_lines.map((l) => l.price_per_unit)).toEqual(f.expectedPrices);
    for (const [i, l] of payload.invoice_lines.entries()) {
      expect(cents(new D(l.quantity).times(l.price_per_unit)).toFixed(2)).toBe(lines[i]?.totalExcl);
    }
    // The sum excl. VAT Rompslomp computes equals the document's.
    const sum = payload.invoice_lines.reduce((s, l) => s.plus(cents(new D(l.quantity).times(l.price_per_unit))), new D(0));
    expect(sum.toFixed(2)).toBe(f.booking.document.totals.excl);
  });

  it("any quantity and total: quantity × price_per_unit rounds to the total (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 3 }), (totalCents, qtyUnits, qtyDecimals) => {
        const total = new D(totalCents).div(100).toFixed(2);
        const quantity = new D(qtyUnits).div(10 ** qtyDecimals).toFixed();
        const { quantity: q, price } = unitPriceFor(total, quantity);
        return cents(q.times(price)).toFixed(2) === total;
      }),
    );
  });

  it("zero quantity keeps its cents on one unit", () => {
    expect(unitPriceFor("0.00", "0")).toMatchObject({ price: new D(0) });
    const odd = unitPriceFor("5.00", "0");
    expect(odd.quantity.toFixed()).toBe("1");
    expect(odd.price.toFixed(2)).toBe("5.00");
  });

  it("VAT percentage becomes Rompslomp's fraction", () => {
    expect(vatFraction("21")).toBe("0.21");
    expect(vatFraction("9")).toBe("0.09");
    expect(vatFraction("0")).toBe("0.00");
    expect(vatFraction("5.5")).toBe("0.055");
  });

  it("refuses configuration that is not a Rompslomp id, in plain words", () => {
    const f = fixture("domestic-mixed");
    const lines = f.booking.lines.map((l, i) => (i === 0 ? { ...l, vatCode: "V21" } : l));
    expect(() => salesInvoicePayload({ ...f.booking, lines }, f.settings)).toThrowError(ConnectorError);
    expect(() => salesInvoicePayload({ ...f.booking, lines }, f.settings)).toThrow(/VAT code for 21%.*Configuration tab/);
  });
});

describe("SalesDocument → contact (manual: customer table)", () => {
  it.each(["domestic-mixed", "credit", "icp"])("%s", (name) => {
    const f = fixture(name);
    expect(contactPayload(f.booking.document)).toEqual(f.expectedContact);
  });

  it("an individual without a name is named by the email address", () => {
    const doc = fixture("domestic-mixed").booking.document;
    const bare = { ...doc, customer: { email: "x@example.com", billing: { country: "NL" } } };
    expect(contactPayload(bare)).toMatchObject({ is_individual: true, contact_person_name: "x@example.com" });
  });
});

describe("products", () => {
  it("SKUs are reduced to letters and digits (the manual), stably", () => {
    expect(cleanProductCode("TSHIRT-RED/L")).toBe("TSHIRTREDL");
    expect(cleanProductCode("MEEL 5KG")).toBe("MEEL5KG");
    expect(cleanProductCode("Crème brûlée #2")).toBe("Cremebrulee2");
    expect(cleanProductCode("--/--")).toBe("X2d2d2f2d2d");
    expect(cleanProductCode("x".repeat(150))).toHaveLength(100);
  });

  it("product payload: description, VAT %, VAT type, price excl., cleaned code, in stock true", () => {
    expect(productPayload({ code: "TSHIRT-RED/L", description: "T-shirt rood", vatRate: "21", unitPriceExcl: "10", vatCode: "748551423", ledgerAccount: "1204576831" })).toEqual({
      has_stock: true,
      invoice_line: { description: "T-shirt rood", price_per_unit: "10.00", vat_rate: "0.21", vat_type_id: 748551423, account_id: 1204576831, product_code: "TSHIRTREDL" },
    });
    // A product first seen on a credit note gets a positive catalogue price.
    expect(productPayload({ code: "A", description: "A", vatRate: "9", unitPriceExcl: "-2.7521" }).invoice_line.price_per_unit).toBe("2.7521");
  });
});

describe("payments", () => {
  it("amount, description of number and transaction id, clearing account, date", () => {
    expect(paymentPayload({ amount: "34.6", paidAt: "2024-03-02", number: "1001", transactionId: "tr_WDqYK6vllg", accountId: "1187340451" })).toEqual({
      amount: "34.60", description: "1001 tr_WDqYK6vllg", paid_at: "2024-03-02T00:00:00.000+00:00", account_id: 1187340451,
    });
  });
});
