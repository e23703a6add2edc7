import { describe, expect, it } from "vitest";
import { D } from "@/lib/domain/money";
import { precheck } from "@/lib/domain/precheck";
import { vatRegion } from "@/lib/domain/vat-grid";
import { caught } from "../testing";
import icp17 from "./__fixtures__/order-icp-17-strings.json";
import international from "./__fixtures__/order-international.json";
import nl from "./__fixtures__/order-nl-discount-wrapping.json";
import { eligibility, invoiceNumberOnly, normalizeOrder, paymentsOf } from "./map";
import { wrappingRate } from "./map-lines";
import { classifyPaymentMethod } from "./payment-method";

const clone = <T>(value: T): T => structuredClone(value);
type Payload = ReturnType<typeof clone<typeof nl>>;
const variant = (change: (o: Payload) => void) => {
  const o = clone(nl);
  change(o);
  return o;
};

describe("order head (manual: Specification Prestashop order)", () => {
  const doc = normalizeOrder(nl);

  it("Order-identifier [id], order number [reference], invoice number [invoice_number] (number only)", () => {
    expect(doc.source).toEqual({ system: "prestashop", id: "5001", number: "FMHGOYBGK", orderId: "5001", orderNumber: "FMHGOYBGK", invoiceNumber: "4001" });
  });

  it("strips the invoice prefix and treats 0 as not invoiced", () => {
    expect(invoiceNumberOnly("FA004001")).toBe("4001");
    expect(invoiceNumberOnly("#IN000042")).toBe("42");
    expect(invoiceNumberOnly("4001")).toBe("4001");
    expect(invoiceNumberOnly("0")).toBeUndefined();
    expect(invoiceNumberOnly(undefined)).toBeUndefined();
    expect(normalizeOrder(icp17).source.invoiceNumber).toBeUndefined();
  });

  it("Order date [date_add] is the booking date; Date [invoice_date] when the setting asks for it (else date_add)", () => {
    expect(doc.date).toBe("2024-07-05");
    expect(normalizeOrder(nl, { bookingDate: "invoice-date" }).date).toBe("2024-07-05");
    expect(normalizeOrder(variant((o) => void (o.invoice_date = "2024-07-08 09:00:00")), { bookingDate: "invoice-date" }).date).toBe("2024-07-08");
    // shop-local dates are taken as they are: 23:30 on 31 March in the shop is 31 March
    expect(normalizeOrder(icp17, { bookingDate: "invoice-date" }).date).toBe("2024-03-31");
  });

  it("Payment method [payment] with the module as its id, classified by keywords", () => {
    expect(doc.paymentMethod).toEqual({ raw: "iDEAL", id: "mollie", classification: "ideal" });
    expect(normalizeOrder(icp17).paymentMethod).toEqual({ raw: "Bank wire", id: "ps_wirepayment", classification: "banktransfer" });
    expect(classifyPaymentMethod("Payments by check", "ps_checkpayment")).toBe("default");
    expect(classifyPaymentMethod(undefined, "paypal")).toBe("paypal");
  });

  it("totals: incl = products_wt + shipping + wrapping − discounts (incl), excl likewise, VAT = incl − excl", () => {
    expect(doc.totals).toEqual({ incl: "48.82", excl: "41.58", vat: "7.24" });
  });

  it("currency from the shop's currency ids (setting), or the fetched currency", () => {
    expect(doc.currency).toBe("EUR");
    expect(normalizeOrder(international).currency).toBe("USD");
    expect(normalizeOrder(variant((o) => void (o.id_currency = 3)), { currencies: { "1": "EUR", "3": "GBP" } }).currency).toBe("GBP");
  });

  it("passes the domain pre-check: the lines add up to the totals", () => {
    expect(() => precheck(doc)).not.toThrow();
    expect(() => precheck(normalizeOrder(icp17))).not.toThrow();
    expect(() => precheck(normalizeOrder(international))).not.toThrow();
  });
});

describe("VAT country, ICP and international (manual: Delivery country, ICP indication, International indication)", () => {
  it("takes the invoice address's country (the delivery country is not used), or the delivery address's as a setting", () => {
    const toBelgium = variant((o) => void (o.addresses[0]!.id_country = 3)); // delivery address (901) in Belgium
    toBelgium.countries.push({ id: 3, iso_code: "BE" });
    expect(normalizeOrder(toBelgium).deliveryCountry).toBe("NL");
    expect(normalizeOrder(toBelgium, { vatCountryFrom: "delivery-address" }).deliveryCountry).toBe("BE");
  });

  it("ICP: total_paid_tax_incl ≠ 0, equal to excl, another EU country than the shop's; lines at 0% even when a tax is linked", () => {
    const doc = normalizeOrder(icp17);
    expect(doc).toMatchObject({ icp: true, international: false, deliveryCountry: "DE", shopCountry: "NL", totals: { incl: "57.5", excl: "57.5", vat: "0" } });
    expect(doc.lines.map((l) => [l.kind, l.vatRate, l.totalExcl, l.vatAmount])).toEqual([["product", "0", "50", "0"], ["shipping", "0", "7.5", "0"]]);
    expect(doc.customer.vatNumber).toBe("DE983924221");
    expect(vatRegion(doc)).toBe("ICP");
  });

  it("International: the same outside the EU", () => {
    const doc = normalizeOrder(international);
    expect(doc).toMatchObject({ icp: false, international: true, deliveryCountry: "US" });
    expect(vatRegion(doc)).toBe("INTL");
  });

  it("neither when VAT is charged, the country is the shop's, or the order total is 0", () => {
    expect(normalizeOrder(nl)).toMatchObject({ icp: false, international: false });
    expect(normalizeOrder(icp17, { shopCountry: "DE" })).toMatchObject({ icp: false, international: false });
    const free = clone(icp17);
    free.total_paid_tax_incl = "0.000000";
    free.total_paid_tax_excl = "0.000000";
    expect(normalizeOrder(free)).toMatchObject({ icp: false, international: false });
    expect(vatRegion(normalizeOrder(nl))).toBe("NL");
  });
});

describe("order lines (manual: Specification Prestashop order lines)", () => {
  const lines = normalizeOrder(nl).lines.filter((l) => l.kind === "product");

  it("one line per order detail, quantity 0 skipped (type article and custom)", () => {
    expect(lines.map((l) => l.description)).toEqual(["Mok blauw", "Thee", "Gravure"]);
  });

  it("quantity, SKU [product_reference], description, VAT % from the detail's tax, amounts excl/incl, unit = amount / quantity", () => {
    expect(lines[0]).toEqual({
      kind: "product", code: "MOK-01", description: "Mok blauw", quantity: "2", vatRate: "21",
      unitPriceExcl: "10", unitPriceIncl: "12.1", discountExcl: "0", discountIncl: "0", totalExcl: "20", totalIncl: "24.2", vatAmount: "4.2",
    });
  });

  it("SKU from the product when the line has none", () => {
    expect(lines[1]).toMatchObject({ code: "THEE-7", quantity: "3", vatRate: "9", unitPriceIncl: "5", unitPriceExcl: "4.587156", totalExcl: "13.76", totalIncl: "15", vatAmount: "1.24" });
  });

  it("a custom line without product or tax: no SKU, VAT % derived from its amounts (ratio < 1 × 100)", () => {
    expect(lines[2]).toMatchObject({ code: undefined, description: "Gravure", vatRate: "21", totalExcl: "4.13", totalIncl: "5", vatAmount: "0.87" });
  });

  it("a tax rate given as a fraction (< 1) is multiplied by 100", () => {
    const fraction = variant((o) => void (o.taxes[0]!.rate = "0.21"));
    expect(normalizeOrder(fraction).lines[0]!.vatRate).toBe("21");
    const carrier = variant((o) => void (o.carrier_tax_rate = "0.21"));
    expect(normalizeOrder(carrier).lines.find((l) => l.kind === "shipping")!.vatRate).toBe("21");
  });

  it("no payment-cost line: PrestaShop orders carry no payment costs", () => {
    expect(normalizeOrder(nl).lines.some((l) => l.kind === "payment")).toBe(false);
  });
});

describe("discounts, shipping and surcharges (manual: discount rules, surcharges)", () => {
  const doc = normalizeOrder(nl);

  it("spreads the order discount over the VAT rates in proportion to total_products_wt; excl from the VAT %; amount 1", () => {
    expect(doc.lines.filter((l) => l.kind === "discount")).toEqual([
      expect.objectContaining({ description: "Discount 21% VAT", quantity: "1", vatRate: "21", totalIncl: "-2.92", totalExcl: "-2.41", vatAmount: "-0.51" }),
      expect.objectContaining({ description: "Discount 9% VAT", quantity: "1", vatRate: "9", totalIncl: "-1.5", totalExcl: "-1.38", vatAmount: "-0.12" }),
    ]);
  });

  it("one discount line when the cart has one rate; the shares always add up to the discount", () => {
    const single = variant((o) => {
      o.order_details = o.order_details.filter((d) => d.id === 9001);
      o.total_products = "20.000000";
      o.total_products_wt = "24.200000";
      o.total_discounts_tax_incl = "2.420000";
      o.total_discounts_tax_excl = "2.000000";
    });
    expect(normalizeOrder(single).lines.filter((l) => l.kind === "discount")).toEqual([expect.objectContaining({ description: "Discount", vatRate: "21", totalIncl: "-2.42", totalExcl: "-2" })]);
  });

  it("shipping at carrier_tax_rate", () => {
    expect(doc.lines.find((l) => l.kind === "shipping")).toMatchObject({ description: "Shipping costs", quantity: "1", vatRate: "21", totalExcl: "5", totalIncl: "6.05", vatAmount: "1.05" });
  });

  it("wrapping as a Surcharge line; a VAT percentage between 0.204 and 0.21 counts as 21%", () => {
    expect(doc.lines.find((l) => l.kind === "surcharge")).toEqual(expect.objectContaining({ description: "Surcharge", quantity: "1", vatRate: "21", totalExcl: "2.48", totalIncl: "2.99", vatAmount: "0.51" }));
    expect(wrappingRate(new D("2.99"), new D("2.48")).toFixed()).toBe("21");
    expect(wrappingRate(new D("1.09"), new D("1.00")).toFixed()).toBe("9");
    expect(wrappingRate(new D("2.00"), new D("2.00")).toFixed()).toBe("0");
  });

  it("no cost lines for zero amounts", () => {
    expect(normalizeOrder(international).lines.map((l) => l.kind)).toEqual(["product", "shipping"]);
  });
});

describe("customer (manual: Specification Prestashop customer details)", () => {
  const { customer } = normalizeOrder(nl);

  it("invoice address: the order's address id; VAT number, company, address lines, zipcode, city, ISO country, phone", () => {
    expect(customer.email).toBe("jan@example.nl");
    expect(customer.vatNumber).toBe("NL123456789B01");
    expect(customer.billing).toEqual({ company: "Bakker BV", firstName: "Piet", lastName: "Bakker", street: "Kade 5", addressLine2: undefined, zipcode: "3011 AA", city: "Rotterdam", country: "NL", phone: "0101234567" });
  });

  it("delivery address not found by id: the address with the customer's first and last name; mobile when no phone", () => {
    expect(customer.delivery).toEqual({ company: undefined, firstName: "Jan", lastName: "de Vries", street: "Dorpsstraat 1", addressLine2: "2e verdieping", zipcode: "1234 AB", city: "Utrecht", country: "NL", phone: "0612345678" });
  });

  it("else the first address", () => {
    const o = variant((x) => {
      x.id_address_invoice = 999;
      x.customer.firstname = "Someone";
    });
    expect(normalizeOrder(o).customer.billing.street).toBe("Dorpsstraat 1");
    o.addresses[0]!.deleted = "1"; // the fallbacks prefer an address the customer has not deleted
    expect(normalizeOrder(o).customer.billing.street).toBe("Kade 5");
  });

  it("a last name kept in the first name is split at the first space", () => {
    const o = variant((x) => {
      x.addresses[1]!.firstname = "Piet van Dam";
      x.addresses[1]!.lastname = "";
    });
    expect(normalizeOrder(o).customer.billing).toMatchObject({ firstName: "Piet", lastName: "van Dam" });
  });
});

describe("status and payments (manual: Status order, Specification Prestashop payments)", () => {
  it("eligible when [current_state] is one of the statuses to process (default: Payment accepted or later)", () => {
    expect(eligibility(nl)).toEqual({ eligible: true });
    expect(eligibility(nl, { statuses: ["4", "5"] })).toMatchObject({ eligible: false, reason: expect.stringContaining('status "Payment accepted"') });
    const waiting = variant((o) => {
      o.current_state = 10;
      o.order_state = { ...o.order_state, id: 10, paid: "0", name: [{ id: "1", value: "Awaiting bank wire payment" }] };
    });
    expect(eligibility(waiting)).toMatchObject({ eligible: false, reason: expect.stringMatching(/FMHGOYBGK has status "Awaiting bank wire payment"/) });
  });

  it("one payment per order_payment: id, module - method, order id, transaction id (else the order id), amount, date", () => {
    expect(paymentsOf(nl)).toEqual([
      { sourceId: "71", documentSourceId: "5001", amount: "30", currency: "EUR", method: "mollie - iDEAL", paidAt: "2024-07-05T14:41:02.000Z", transactionId: "tr_WDqYK6vllg" },
      { sourceId: "72", documentSourceId: "5001", amount: "18.82", currency: "EUR", method: "mollie - Bank wire", paidAt: "2024-12-06T09:00:00.000Z", transactionId: "5001" },
    ]);
    expect(paymentsOf(international)[0]).toMatchObject({ amount: "32.4", currency: "USD", method: "paypal - PayPal" });
  });

  it("none while the order is not paid, unless payments are processed regardless of the status", () => {
    const unpaid = variant((o) => void (o.order_state.paid = "0"));
    expect(paymentsOf(unpaid)).toEqual([]);
    expect(paymentsOf(unpaid, { paymentsRegardlessOfStatus: true })).toHaveLength(2);
  });
});

describe("bad input gives a precise ConnectorError", () => {
  it.each([
    ["no date_add", (o: Payload) => void delete (o as Partial<Payload>).date_add, /"date_add"/],
    ["no order details", (o: Payload) => void delete (o as Partial<Payload>).order_details, /"order_details"/],
    ["a quantity that is not a number", (o: Payload) => void ((o.order_details[0] as Record<string, unknown>).product_quantity = "two"), /product_quantity is not a number/],
    ["a price that is not a number", (o: Payload) => void (o.total_products_wt = "n/a"), /total_products_wt is not a number/],
    ["a date that is not a date", (o: Payload) => void (o.date_add = "yesterday"), /"date_add" is not a date/],
  ])("%s", async (_case, change, message) => {
    const error = await caught(Promise.resolve().then(() => normalizeOrder(variant(change))));
    expect(error).toMatchObject({ code: "invalid_payload", retryable: false });
    expect(error.message).toMatch(message);
  });

  it("an order with nothing to book", async () => {
    const empty = variant((o) => {
      o.order_details = [];
      o.total_shipping_tax_incl = o.total_shipping_tax_excl = o.total_wrapping_tax_incl = o.total_wrapping_tax_excl = "0";
      o.total_discounts_tax_incl = o.total_discounts_tax_excl = "0";
    });
    expect((await caught(Promise.resolve().then(() => normalizeOrder(empty)))).message).toMatch(/FMHGOYBGK has no order lines/);
  });
});
