import { describe, expect, it } from "vitest";
import { BookingError } from "@/lib/domain/booking-error";
import { precheck } from "@/lib/domain/precheck";
import { ConnectorError } from "../types";
import orderExclB2b from "./__fixtures__/order-excl-b2b.json";
import orderIcpBe from "./__fixtures__/order-icp-be.json";
import orderInclNl from "./__fixtures__/order-incl-nl.json";
import orderInternational from "./__fixtures__/order-international-ch.json";
import orderMinimal from "./__fixtures__/order-minimal.json";
import { countryCodeOf } from "./countries";
import { normalizeOrder } from "./map";
import { classifyPaymentMethod } from "./payment-method";

const clone = <T>(value: T): T => structuredClone(value);
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConnectorError || e instanceof BookingError) return e;
    throw e;
  }
  throw new Error("expected an error");
};

/**
 * One block per row of the manual's field-level tables (Factuursturen invoice, Factuursturen
 * customer): the source must deliver what each row reads. Rows that are constants or settings of
 * Factuursturen itself (action, profile, showcontact, bank code, tax_shifted, paymentmethod 'bank',
 * reference "Thank you…", notes_on_invoice, sendmethod) read nothing of the order: the target's business.
 */
describe("Factuursturen invoice table, from a KMO order (prices incl. VAT)", () => {
  const doc = normalizeOrder(orderInclNl, { shopCountry: "NL" });

  it("clientnr: the debtor is matched on the order's e-mail address", () => {
    expect(doc.customer.email).toBe("jan@example.nl");
  });

  it("sent: the order date, in Dutch/Belgian time (23:30 UTC on 13 Feb is 14 Feb)", () => {
    expect(doc.date).toBe("2023-02-14");
  });

  it("alreadypaid / Paid price: paid when payment_status is paid, for the sales amount (total incl.)", () => {
    expect(doc.paid).toBe(true);
    expect(doc.totals).toEqual({ incl: "285.85", excl: "239.88", vat: "45.97" });
    for (const [status, paid] of [["pending", false], ["failed", false], ["paid", true], ["partially_refunded", true], ["refunded", true]] as const) {
      expect(normalizeOrder({ ...clone(orderInclNl), payment_status: status }).paid).toBe(paid);
    }
    expect(normalizeOrder({ ...clone(orderInclNl), payment_status: null }).paid).toBeUndefined();
  });

  it("reference line1: the order number", () => {
    expect(doc.source).toEqual({ system: "kmoshops", id: "367439", number: "367439", orderId: "367439", orderNumber: "367439" });
    expect(normalizeOrder(orderMinimal).source.number).toBe("42"); // no order_number: the id
  });

  it("reference line2 'Payment method: <name>': the payment method's name when present", () => {
    expect(doc.paymentMethod).toEqual({ raw: "Credit card", id: "creditcard", classification: "creditcard" });
    expect(normalizeOrder(orderMinimal).paymentMethod).toEqual({ raw: undefined, id: undefined, classification: "default" });
  });

  it("lines: Amount, description, tax_rate as in the order, price incl. and excl. VAT", () => {
    expect(doc.lines[0]).toEqual({
      kind: "product", code: "BED-180", description: "Bed Boxspring", quantity: "1", vatRate: "21",
      unitPriceExcl: "205.785124", unitPriceIncl: "249", discountExcl: "0", discountIncl: "0",
      totalExcl: "205.79", totalIncl: "249", vatAmount: "43.21",
    });
    expect(doc.lines[1]).toMatchObject({ code: "BOEK-7", description: "Kookboek", quantity: "2", vatRate: "9", unitPriceIncl: "19.95", totalIncl: "39.9", totalExcl: "36.61", vatAmount: "3.29" });
  });

  it("lines: a discount line stays its own negative line at its rate", () => {
    expect(doc.lines[2]).toMatchObject({ kind: "discount", code: undefined, description: "Kortingscode WELKOM", quantity: "1", vatRate: "21", totalIncl: "-10", totalExcl: "-8.26", vatAmount: "-1.74" });
  });

  it("pre-check: the total equals the sum of the lines plus the shipping cost", () => {
    expect(doc.lines[3]).toMatchObject({ kind: "shipping", description: "PostNL", quantity: "1", vatRate: "21", totalIncl: "6.95", totalExcl: "5.74", vatAmount: "1.21" });
    expect(doc.lines).toHaveLength(4);
    expect(() => precheck(doc)).not.toThrow();
    const short = normalizeOrder({ ...clone(orderInclNl), total_incl: "295.85" });
    expect(error(() => precheck(short))).toMatchObject({ code: "totals_mismatch" });
  });
});

describe("Factuursturen customer table, from a KMO order", () => {
  const doc = normalizeOrder(orderInclNl, { shopCountry: "NL" });
  const b2b = normalizeOrder(orderExclB2b, { shopCountry: "NL" });

  it("Contact [firstname][lastname] (also mailintro 'Dear [first_name] [last_name]')", () => {
    expect(doc.customer.billing).toMatchObject({ firstName: "Jan", lastName: "Jansen" });
    // Names missing on the address come from the customer.
    const noNames = clone(orderInclNl);
    noNames.billing_address.firstname = "";
    expect(normalizeOrder(noNames).customer.billing.firstName).toBe("Jan");
  });

  it("company [company]: empty stays absent", () => {
    expect(doc.customer.billing.company).toBeUndefined();
    expect(b2b.customer.billing.company).toBe("Kantoor B.V.");
  });

  it("address [address1] [address2] [house_number], zipcode [zipcode], city [city]", () => {
    expect(doc.customer.billing).toMatchObject({ street: "Dorpsstraat", addressLine2: "achterhuis", houseNumber: "12", zipcode: "1234 AB", city: "Utrecht" });
    expect(doc.customer.delivery).toMatchObject({ street: "Kerkplein", addressLine2: undefined, houseNumber: "3", zipcode: "1234 AC", city: "Utrecht", country: "NL" });
    expect(b2b.customer.delivery).toBeUndefined();
    expect(b2b.deliveryCountry).toBe("NL"); // no shipping address: the billing country
  });

  it("country [country]: a 2-letter code, a 3-letter code (→ [countryname]), a name; none → the default (Netherlands)", () => {
    expect(doc.customer.billing.country).toBe("NL");
    expect(b2b.customer.billing.country).toBe("NL"); // "NLD"
    expect(normalizeOrder(orderIcpBe).customer.billing.country).toBe("BE"); // "België"
    expect(normalizeOrder(orderInternational).customer.billing.country).toBe("CH"); // "CHE"
    expect(normalizeOrder(orderMinimal).customer.billing.country).toBe("NL");
    expect(normalizeOrder(orderMinimal, { shopCountry: "BE" }).customer.billing.country).toBe("BE");
    const onlyName = clone(orderIcpBe) as Record<string, unknown> & { billing_address: Record<string, unknown> };
    onlyName.billing_address.country = "XYZ";
    onlyName.billing_address.countryname = "Belgique";
    expect(normalizeOrder(onlyName).customer.billing.country).toBe("BE");
    onlyName.billing_address.countryname = "Atlantis";
    expect(error(() => normalizeOrder(onlyName))).toMatchObject({ code: "invalid_payload", message: expect.stringContaining('"XYZ" / "Atlantis"') });
  });

  it("phone number [telnr]; mobile [mobile] when there is no [telnr] (the domain address has one phone)", () => {
    expect(doc.customer.billing.phone).toBe("0301234567");
    expect(b2b.customer.billing.phone).toBe("0687654321");
    expect(normalizeOrder(orderMinimal).customer.billing.phone).toBe("0611111111");
  });

  it("email [email]", () => {
    expect(b2b.customer.email).toBe("inkoop@kantoorbv.nl");
    const onAddress = clone(orderMinimal) as Record<string, unknown> & { billing_address: Record<string, unknown> };
    onAddress.customer = null;
    onAddress.billing_address.email = "op@adres.nl";
    expect(normalizeOrder(onAddress).customer.email).toBe("op@adres.nl");
  });

  it("VAT number [vatnumber], without spaces and dots", () => {
    expect(doc.customer.vatNumber).toBeUndefined();
    expect(b2b.customer.vatNumber).toBe("NL851234567B01");
  });

  it("tax_type: intax when [priceincltax] is passed, otherwise extax", () => {
    expect(doc.pricesIncludeVat).toBe(true);
    expect(b2b.pricesIncludeVat).toBe(false);
    // Without the order flag: incl. when every line passes priceincltax.
    expect(normalizeOrder(orderInternational).pricesIncludeVat).toBe(true);
    const exclOnly = clone(orderMinimal) as Record<string, unknown> & { lines: Record<string, unknown>[] };
    delete exclOnly.lines[0]!.priceincltax;
    exclOnly.lines[0]!.tax_rate = "9";
    expect(normalizeOrder(exclOnly).pricesIncludeVat).toBe(false);
  });
});

describe("prices excl. VAT (B2B, bank transfer)", () => {
  const doc = normalizeOrder(orderExclB2b);

  it("rounds line totals excl. and derives incl. per line; a payment fee line is a payment cost", () => {
    expect(doc.lines.map((l) => [l.kind, l.quantity, l.vatRate, l.unitPriceExcl, l.totalExcl, l.totalIncl, l.vatAmount])).toEqual([
      ["product", "2", "21", "120.5", "241", "291.61", "50.61"],
      ["product", "3", "9", "4.15", "12.45", "13.57", "1.12"],
      ["payment", "1", "21", "2.5", "2.5", "3.03", "0.53"],
      ["shipping", "1", "21", "10", "10", "12.1", "2.1"],
    ]);
    expect(doc.totals).toEqual({ incl: "320.31", excl: "265.95", vat: "54.36" });
    expect(() => precheck(doc)).not.toThrow();
  });

  it("reads currency, payment method and an unpaid status", () => {
    expect(doc).toMatchObject({ currency: "EUR", paid: false, paymentMethod: { raw: "Overschrijving", id: "banktransfer", classification: "banktransfer" }, date: "2024-07-01" });
  });
});

describe("ICP and export", () => {
  it("0% VAT delivered to another EU country is ICP, and needs the VAT number (the pre-check)", () => {
    const doc = normalizeOrder(orderIcpBe, { shopCountry: "NL" });
    expect(doc).toMatchObject({ icp: true, international: false, deliveryCountry: "BE", totals: { incl: "372.46", excl: "372.46", vat: "0" } });
    expect(doc.customer.vatNumber).toBe("BE0549026730");
    expect(doc.lines.every((l) => l.vatRate === "0" && l.vatAmount === "0")).toBe(true);
    expect(() => precheck(doc)).not.toThrow();
    const noVatNumber = clone(orderIcpBe) as Record<string, unknown> & { customer: Record<string, unknown> };
    noVatNumber.customer.vatnumber = null;
    expect(error(() => precheck(normalizeOrder(noVatNumber)))).toMatchObject({ code: "icp_without_vat_number" });
  });

  it("the same order for a Belgian shop is domestic, not ICP", () => {
    expect(normalizeOrder(orderIcpBe, { shopCountry: "BE" })).toMatchObject({ icp: false, international: false });
  });

  it("0% VAT outside the EU is international", () => {
    const doc = normalizeOrder(orderInternational, { shopCountry: "NL" });
    expect(doc).toMatchObject({ icp: false, international: true, deliveryCountry: "CH", totals: { incl: "52.2", excl: "52.2", vat: "0" } });
    expect(() => precheck(doc)).not.toThrow();
  });

  it("an order with VAT abroad (a consumer sale under OSS) is neither", () => {
    const withVat = clone(orderInclNl);
    withVat.billing_address.country = "DE";
    withVat.shipping_address.country = "DE";
    expect(normalizeOrder(withVat)).toMatchObject({ icp: false, international: false, deliveryCountry: "DE" });
  });
});

describe("lenient reading and precise errors", () => {
  it("derives a missing tax_rate from the two prices, faithfully; a zero shipping block is no line; local time without offset", () => {
    const doc = normalizeOrder(orderMinimal);
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]).toMatchObject({ kind: "product", description: "Cadeaubon", vatRate: "9", totalIncl: "10.9", totalExcl: "10" });
    expect(doc.date).toBe("2024-01-15");
    const odd = clone(orderMinimal);
    odd.lines[0]!.priceincltax = "10.95";
    expect(normalizeOrder(odd).lines[0]!.vatRate).toBe("9.5");
  });

  it("reads a tax_rate fraction (0.21) as 21%", () => {
    const fraction = clone(orderInclNl) as Record<string, unknown> & { lines: Record<string, unknown>[] };
    fraction.lines[0]!.tax_rate = 0.21;
    expect(normalizeOrder(fraction).lines[0]!.vatRate).toBe("21");
  });

  it.each([
    ["no lines", (o: Record<string, unknown>) => { o.lines = []; o.shipping = null; }, /has no lines and no shipping costs/],
    ["an amount that is not a number", (o: Record<string, unknown>) => { (o.lines as Record<string, unknown>[])[0]!.priceincltax = "twaalf"; }, /line 1.priceincltax is not a number/],
    ["a line without prices", (o: Record<string, unknown>) => { const l = (o.lines as Record<string, unknown>[])[0]!; delete l.priceincltax; delete l.priceexcltax; }, /line 1 has neither priceincltax nor priceexcltax/],
    ["a line without rate and one price", (o: Record<string, unknown>) => { const l = (o.lines as Record<string, unknown>[])[0]!; delete l.tax_rate; delete l.priceexcltax; }, /line 1 has no tax_rate/],
    ["an unknown line type", (o: Record<string, unknown>) => { (o.lines as Record<string, unknown>[])[0]!.type = "gift"; }, /unknown type "gift"/],
    ["no totals", (o: Record<string, unknown>) => { delete o.total_incl; delete o.total_excl; }, /no total_incl or total_excl/],
    ["a missing created_at", (o: Record<string, unknown>) => { delete o.created_at; }, /"created_at"/],
    ["a bad created_at", (o: Record<string, unknown>) => { o.created_at = "yesterday"; }, /"created_at" is not a date/],
    ["lines that are not a list", (o: Record<string, unknown>) => { o.lines = "none"; }, /"lines"/],
  ])("%s → ConnectorError invalid_payload naming it", (_case, change, message) => {
    const order = clone(orderInclNl) as unknown as Record<string, unknown>;
    change(order);
    expect(error(() => normalizeOrder(order))).toMatchObject({ code: "invalid_payload", retryable: false, message: expect.stringMatching(message) });
  });
});

describe("countries and payment methods", () => {
  it.each([["be", "BE"], ["BEL", "BE"], ["Belgique", "BE"], ["Nederland", "NL"], ["Pays-Bas", "NL"], ["Deutschland", "DE"], ["UK", "GB"], ["Frankrijk", "FR"], ["Atlantis", undefined], ["", undefined]])("%s → %s", (text, code) => {
    expect(countryCodeOf(text)).toBe(code);
  });

  it.each([
    ["bancontact", "mistercash"], ["Bancontact / Mister Cash", "mistercash"], ["iDEAL", "ideal"], ["PayPal", "paypal"], ["Overschrijving", "banktransfer"],
    ["virement", "banktransfer"], ["Visa", "creditcard"], ["Credit card", "creditcard"], ["Klarna", "afterpay"], ["Rembours", "default"],
  ])("%s → %s", (name, cls) => {
    expect(classifyPaymentMethod(name)).toBe(cls);
  });
});
