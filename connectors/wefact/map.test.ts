import { describe, expect, it } from "vitest";
import { cents, D, type Dec } from "@/lib/domain/money";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { bookingFixture } from "./__fixtures__/bookings";
import { cleanProductCode, countryName, debtorPayload, invoiceLine, invoicePayload, productPayload, referenceComment, referenceIn, shippingFields } from "./map";
import { inclPricing } from "./pricing";

const nl = bookingFixture("invoice-nl-mixed");
const credit = bookingFixture("credit-icp");

describe("Booking → invoice/add (manual: field-level specification of the WeFact invoice)", () => {
  it.each([["invoice-nl-mixed", nl], ["credit-icp", credit]])("%s maps exactly as recorded", (_name, f) => {
    expect(invoicePayload(f.booking, f.settings)).toEqual(f.expectedInvoice);
  });

  describe("each row of the invoice table", () => {
    const payload = invoicePayload(nl.booking, nl.settings);

    it("VatCalcMethod: incl, always", () => {
      expect(payload.VatCalcMethod).toBe("incl");
      expect(invoicePayload(credit.booking, credit.settings).VatCalcMethod).toBe("incl");
    });

    it("Debtor: the WeFact debtor id (a fixed debtor entered as its code goes by DebtorCode)", () => {
      expect(payload.Debtor).toBe("7");
      expect(invoicePayload({ ...nl.booking, debtorId: "906" }, nl.settings).Debtor).toBe("906");
      const byCode = invoicePayload({ ...nl.booking, debtorId: "DB10005" }, nl.settings);
      expect(byCode.DebtorCode).toBe("DB10005");
      expect(byCode).not.toHaveProperty("Debtor");
    });

    it("Date: the order/invoice date", () => {
      expect(payload.Date).toBe("2024-07-10");
    });

    it("InvoiceCode: empty by default; on request the order number or the invoice number", () => {
      expect(payload).not.toHaveProperty("InvoiceCode");
      expect(invoicePayload(nl.booking, { ...nl.settings, invoiceCode: "order-number" }).InvoiceCode).toBe("WEB-1006");
      expect(invoicePayload(nl.booking, { ...nl.settings, invoiceCode: "invoice-number" }).InvoiceCode).toBe("F-2024001");
      // A credit note has its own invoice number, but shares the order number: WeFact numbers are unique.
      expect(invoicePayload(credit.booking, { ...credit.settings, invoiceCode: "invoice-number" }).InvoiceCode).toBe("F-2024002");
      expect(invoicePayload(credit.booking, { ...credit.settings, invoiceCode: "order-number" }).InvoiceCode).toBe("WEB-1010-C");
    });

    it("Description: the order number or invoice number the pipeline resolved (Credit prefix included)", () => {
      expect(payload.Description).toBe("WEB-1006");
      expect(invoicePayload(credit.booking, credit.settings).Description).toBe("Credit F-2024002");
    });

    it("Term: 14, whatever the booking's due date", () => {
      expect(invoicePayload({ ...nl.booking, dueDate: "2099-01-01" }, nl.settings).Term).toBe("14");
    });

    it("Status: 0 (draft) by default; 4 (processed) on request; 2 (sent, without email) as a third choice", () => {
      expect(payload.Status).toBe("0");
      expect(invoicePayload(nl.booking, { ...nl.settings, invoiceStatus: "processed" }).Status).toBe("4");
      expect(invoicePayload(nl.booking, { ...nl.settings, invoiceStatus: "sent" }).Status).toBe("2");
    });

    it("Invoice profile: the layout set on the dashboard (LanguageCode of the corporate identity); none = WeFact's default", () => {
      expect(payload.LanguageCode).toBe("nl_nl");
      const { templateId: _t, ...noLayout } = nl.settings;
      expect(invoicePayload(nl.booking, noLayout)).not.toHaveProperty("LanguageCode");
      expect(invoicePayload({ ...nl.booking, templateId: "en_gb" }, noLayout).LanguageCode).toBe("en_gb");
    });

    it("ReferenceNumber: the order number (also for invoices); our idempotency reference lives in the internal comment", () => {
      expect(payload.ReferenceNumber).toBe("WEB-1006");
      expect(payload.Comment).toBe(referenceComment(nl.booking.reference));
      expect(referenceIn(payload.Comment)).toBe("DEMO-CCVSHOP-WEFACT-invoice-555001");
      const order = { ...nl.booking.document, kind: "order" as const, source: { system: "ccvshop", id: "9", number: "WEB-77" } };
      expect(invoicePayload({ ...nl.booking, document: order }, nl.settings).ReferenceNumber).toBe("WEB-77");
    });

    it("InvoiceLines: Number = amount, Description, PriceExcl = unit price excl. VAT, TaxCode = the grid's VAT code", () => {
      expect(payload.InvoiceLines[0]).toEqual({ Number: "1", Description: "Theepot", PriceExcl: "20.62", TaxCode: "V21" });
      expect(payload.InvoiceLines[1]).toEqual({ Number: "2", Description: "Groene thee 100 g", PriceExcl: "5.495", TaxCode: "V9" });
    });

    it("Cost center: every line's revenue goes to the default cost centre when one is set", () => {
      expect(payload.InvoiceLines.every((l) => !("AccountingCostCentre" in l))).toBe(true);
      const withCostCenter = invoicePayload(nl.booking, { ...nl.settings, costCenter: "KP100" });
      expect(withCostCenter.InvoiceLines.map((l) => l.AccountingCostCentre)).toEqual(["KP100", "KP100", "KP100", "KP100"]);
    });

    it("Shipping address: the seven custom fields, named exactly as the manual's table", () => {
      expect(payload.CustomFields).toEqual({
        shipping_company: "BV Sponiza IT", shipping_firstname: "Soumaya", shipping_lastname: "van Spanje", shipping_address: "Stationstraat 12",
        shipping_zipcode: "1000 AA", shipping_city: "Amsterdam", shipping_country: "The Netherlands",
      });
    });

    it("never moves WeFact stock (financial integration, not logistics)", () => {
      expect(payload.UseProductInventory).toBe("no");
    });
  });

  it("lines refer to the created product by its WeFact product code only when products are created", () => {
    expect(invoicePayload(nl.booking, nl.settings).InvoiceLines.some((l) => "ProductCode" in l)).toBe(false);
    expect(invoicePayload(credit.booking, credit.settings).InvoiceLines.map((l) => l.ProductCode)).toEqual(["THEEPOT1", "SHIPPINGCOSTS"]);
    // The pipeline's "no product" id is empty: no ProductCode.
    expect(invoiceLine({ ...nl.booking.lines[0]!, productId: "" })).not.toHaveProperty("ProductCode");
  });

  it("without a delivery address there are no shipping custom fields; other countries by their English name", () => {
    const { delivery: _d, ...customer } = nl.booking.document.customer;
    expect(shippingFields({ ...nl.booking.document, customer })).toBeUndefined();
    expect(invoicePayload({ ...nl.booking, document: { ...nl.booking.document, customer } }, nl.settings)).not.toHaveProperty("CustomFields");
    expect(countryName("BE")).toBe("Belgium");
    expect(countryName("DE")).toBe("Germany");
    expect(countryName(undefined)).toBeUndefined();
  });
});

describe("unit prices: WeFact's incl. computation lands on the shop's line totals to the cent", () => {
  const lands = (totalIncl: string, quantity: string, rate: string) => {
    const { quantity: q, priceExcl } = inclPricing(totalIncl, quantity, rate);
    return cents(q.times(priceExcl).times(new D(1).plus(new D(rate).div(100)))).toFixed(2);
  };

  it.each([
    ["24.95", "1", "21"], ["11.98", "2", "9"], ["10.00", "7", "9"], ["99.99", "3", "21"], ["0.01", "3", "21"], ["-100.00", "2", "0"],
    ["-12.34", "5", "21"], ["1234.57", "1000", "21"], ["19.99", "0.5", "9"], ["7.77", "1", "5.5"], ["100.00", "3", "25.5"],
  ])("%s for %s at %s%%", (total, qty, rate) => {
    expect(lands(total, qty, rate)).toBe(new D(total).toFixed(2));
  });

  it("uses the fewest decimals that land (at least two)", () => {
    expect(inclPricing("24.95", "1", "21").priceExcl.toFixed()).toBe("20.62");
    expect(inclPricing("11.98", "2", "9").priceExcl.toFixed()).toBe("5.495");
  });

  it("books one unit of the total when no per-unit price lands, and says how many in the description", () => {
    // 100 000 pieces for 1.00: no unit price with five decimals gives 1.00 incl. 21%.
    const line = { ...nl.booking.lines[0]!, quantity: "100000", totalIncl: "1.00", totalExcl: "0.83", vatAmount: "0.17" };
    expect(inclPricing(line.totalIncl, line.quantity, line.vatRate)).toMatchObject({ perUnit: false });
    expect(invoiceLine(line)).toEqual({ Number: "1", Description: "100000 × Theepot", PriceExcl: "0.83", TaxCode: "V21" });
    expect(invoiceLine({ ...line, quantity: "4", totalIncl: "1.00" })).toMatchObject({ Number: "4", Description: "Theepot" });
    expect(inclPricing("5.00", "0", "21")).toMatchObject({ perUnit: false });
    expect(inclPricing("5.00", "0", "21").quantity.toFixed()).toBe("1");
    expect(inclPricing("0", "0", "21").priceExcl.toFixed()).toBe("0");
  });

  it("the sum of the lines WeFact computes equals the document's total incl. VAT, and the VAT per rate equals the shop's", () => {
    const payload = invoicePayload(nl.booking, nl.settings);
    const rateOf: Record<string, string> = { V21: "21", V9: "9" };
    const perRate = new Map<string, Dec>();
    for (const l of payload.InvoiceLines) {
      const rate = rateOf[l.TaxCode]!;
      const incl = cents(new D(l.Number).times(l.PriceExcl).times(new D(1).plus(new D(rate).div(100))));
      perRate.set(rate, (perRate.get(rate) ?? new D(0)).plus(incl));
    }
    const total = [...perRate.values()].reduce((a, b) => a.plus(b), new D(0));
    expect(total.toFixed(2)).toBe(nl.booking.document.totals.incl);
    const vat = (rate: string) => cents(perRate.get(rate)!.times(rate).div(new D(100).plus(rate))).toFixed(2);
    expect(vat("21")).toBe("5.28"); // 4.33 + 0.86 + 0.09 in the shop
    expect(vat("9")).toBe("0.99");
  });
});

describe("SalesDocument → debtor/add (manual: field-level specification of the WeFact customer)", () => {
  it.each([["invoice-nl-mixed", nl], ["credit-icp", credit]])("%s maps exactly as recorded", (_name, f) => {
    expect(debtorPayload(f.booking.document)).toEqual(f.expectedDebtor);
  });

  const doc = (patch: Partial<SalesDocument["customer"]["billing"]>, customer: Partial<SalesDocument["customer"]> = {}): SalesDocument => ({
    ...nl.booking.document,
    customer: { ...nl.booking.document.customer, ...customer, billing: { ...nl.booking.document.customer.billing, ...patch } },
  });

  it("CompanyName = company; Initials = first name; Surname = last name, NN when missing", () => {
    expect(debtorPayload(doc({ company: "Theehuis BV" }))).toMatchObject({ CompanyName: "Theehuis BV", Initials: "Jan", SurName: "Jansen" });
    expect(debtorPayload(doc({ lastName: undefined })).SurName).toBe("NN");
    expect(debtorPayload(doc({ lastName: "  " })).SurName).toBe("NN");
  });

  it("Taxnumber = VAT number; Address = street and house number (street alone without one)", () => {
    expect(debtorPayload(doc({}, { vatNumber: "NL001234567B01" })).TaxNumber).toBe("NL001234567B01");
    expect(debtorPayload(doc({ houseNumber: undefined })).Address).toBe("Kerkstraat");
  });

  it("Zipcode, City, Country (ISO), emailaddress, Phonenumber; absent values are not sent", () => {
    const bare = debtorPayload(doc({ zipcode: undefined, city: undefined, phone: undefined, country: undefined }, { email: undefined }));
    expect(bare).toEqual({ Initials: "Jan", SurName: "Jansen", Address: "Kerkstraat 12 a" });
  });
});

describe("product/add (manual: field-level specification of the WeFact product)", () => {
  it("productcode (letters and digits only), productname, productkeyphrase, price excl, taxcode, cost centre", () => {
    expect(productPayload({ code: "TSHIRT-RED/L", description: "T-shirt rood, maat L", vatRate: "21", unitPriceExcl: "10.00", vatCode: "V21" }, "KP100")).toEqual({
      ProductCode: "TSHIRTREDL", ProductName: "T-shirt rood, maat L", ProductKeyPhrase: "T-shirt rood, maat L", PriceExcl: "10.00", TaxCode: "V21", AccountingCostCentre: "KP100",
    });
  });

  it("a product first met on a credit note gets a positive price; long prices keep WeFact's decimals", () => {
    expect(productPayload({ code: "X1", description: "Mok", vatRate: "21", unitPriceExcl: "-12.396694" }).PriceExcl).toBe("12.39669");
    expect(productPayload({ code: "X1", description: "Mok", vatRate: "21", unitPriceExcl: "-12.396694" })).not.toHaveProperty("AccountingCostCentre");
  });

  it("the cost products of the manual keep their codes", () => {
    expect(["SHIPPINGCOSTS", "PAYMENTCOSTS", "SURCHARGE", "DISCOUNT", "EXTRACOSTS"].map(cleanProductCode)).toEqual(["SHIPPINGCOSTS", "PAYMENTCOSTS", "SURCHARGE", "DISCOUNT", "EXTRACOSTS"]);
  });

  it("cleans SKUs: accents folded, special characters dropped, nothing left → a stable stand-in", () => {
    expect(cleanProductCode("Café-Crème_01")).toBe("CafeCreme01");
    expect(cleanProductCode("€/#")).toBe(cleanProductCode("€/#"));
    expect(cleanProductCode("€/#")).toMatch(/^X[0-9a-f]+$/);
    expect(cleanProductCode("A".repeat(80))).toHaveLength(50);
  });
});
