import { describe, expect, it } from "vitest";
import { precheck } from "@/lib/domain/precheck";
import { caught } from "../testing";
import creditmemo from "./__fixtures__/creditmemo.json";
import invoice from "./__fixtures__/invoice.json";
import order from "./__fixtures__/order.json";
import { eligibility, normalizeMagento1 } from "./map";

const withOrder = (doc: object) => ({ ...structuredClone(doc), order: structuredClone(order) });

describe("Magento 1.9 invoice (the manual's Magento field tables, 1.x JSON)", () => {
  const doc = normalizeMagento1("invoice", withOrder(invoice));

  it("header: factor 1, identifier [entity_id], numbers [increment_id], order id and number, Amsterdam date, base_ totals from 4-decimal strings", () => {
    expect(doc).toMatchObject({
      kind: "invoice",
      creditFactor: 1,
      source: { system: "magento1", id: "7", number: "100000007", invoiceNumber: "100000007", orderId: "12", orderNumber: "100000012" },
      date: "2024-05-01",
      currency: "EUR",
      totals: { incl: "65.96", vat: "9.96", excl: "56" },
      paid: true,
    });
  });

  it("affiliate from the order's payment additional information (channel_id)", () => {
    expect(doc.source.affiliate).toBe("ch-9");
  });

  it("customer from the order's billing and shipping addresses (street lines split, house number read)", () => {
    expect(doc.customer).toMatchObject({
      email: "eva@example.nl",
      billing: { firstName: "Eva", lastName: "Koper", street: "Dorpsstraat", houseNumber: "12", zipcode: "1234AB", city: "Utrecht", country: "NL" },
      delivery: { street: "Keizersgracht 100", city: "Amsterdam", country: "NL" },
    });
    expect(doc).toMatchObject({ deliveryCountry: "NL", icp: false, international: false });
  });

  it("payment method [payment_method] by the manual's rules", () => {
    expect(doc.paymentMethod).toEqual({ raw: "buckaroo3extended_ideal", id: undefined, classification: "ideal" });
  });

  it("lines: name cleaned, [qty], unit prices = row totals / qty, VAT % derived, discount with 1.x hidden tax, totals after discount", () => {
    expect(doc.lines).toEqual([
      { kind: "product", code: "TP-01", description: 'Theepot "Deluxe"', quantity: "2", vatRate: "21", unitPriceExcl: "20", unitPriceIncl: "24.2", discountExcl: "4", discountIncl: "4.84", totalExcl: "36", totalIncl: "43.56", vatAmount: "7.56" },
      { kind: "product", code: "TH-EG", description: "Thee Earl Grey", quantity: "3", vatRate: "9", unitPriceExcl: "5", unitPriceIncl: "5.45", discountExcl: "0", discountIncl: "0", totalExcl: "15", totalIncl: "16.35", vatAmount: "1.35" },
      { kind: "shipping", code: undefined, description: "Shipping costs", quantity: "1", vatRate: "21", unitPriceExcl: "5", unitPriceIncl: "6.05", discountExcl: "0", discountIncl: "0", totalExcl: "5", totalIncl: "6.05", vatAmount: "1.05" },
    ]);
    expect(() => precheck(doc)).not.toThrow();
  });
});

describe("Magento 1.9 credit invoice", () => {
  it("factor −1 and a 1 before its id; booked only when the merchant switched credit invoices on", () => {
    const doc = normalizeMagento1("creditnote", withOrder(creditmemo), { creditInvoices: true });
    expect(doc).toMatchObject({ kind: "creditnote", creditFactor: -1, source: { id: "13", number: "100000003" }, totals: { incl: "-5.45", vat: "-0.45", excl: "-5" } });
    expect(doc.lines).toEqual([expect.objectContaining({ quantity: "-1", totalIncl: "-5.45", totalExcl: "-5", vatRate: "9" })]);
    expect(eligibility("creditnote", withOrder(creditmemo))).toMatchObject({ eligible: false, reason: expect.stringMatching(/not booked.*credit invoices/) });
    expect(eligibility("creditnote", withOrder(creditmemo), { creditInvoices: true })).toEqual({ eligible: true });
    expect(eligibility("invoice", withOrder(invoice))).toEqual({ eligible: true });
  });

  it("C_ before the order number when the order number is leading", () => {
    expect(normalizeMagento1("creditnote", withOrder(creditmemo), { orderNumberLeading: true }).source.orderNumber).toBe("C_100000012");
  });
});

describe("Magento 1.9 bad input", () => {
  it.each([
    ["no order", () => normalizeMagento1("invoice", structuredClone(invoice)), /Magento 1\.9 invoice 100000007 came without its order/],
    ["an amount that is not one", () => normalizeMagento1("invoice", { ...withOrder(invoice), base_grand_total: "12,3,4" }), /could not be read: base_grand_total is not a number/],
    ["no rows", () => normalizeMagento1("invoice", { ...withOrder(invoice), invoice_items: [], base_shipping_amount: "0", base_shipping_incl_tax: "0" }), /has no lines and no costs/],
    ["not an object", () => normalizeMagento1("invoice", "oops"), /not a JSON object/],
  ])("%s", async (_case, fn, message) => {
    const err = await caught(Promise.resolve().then(fn));
    expect(err).toMatchObject({ code: "invalid_payload", retryable: false });
    expect(err.message).toMatch(message);
  });
});
