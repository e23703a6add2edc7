import { describe, expect, it } from "vitest";
import { precheck } from "@/lib/domain/precheck";
import { ConnectorError } from "../types";
import invoiceCredit from "./__fixtures__/invoice-credit.json";
import invoiceDebit from "./__fixtures__/invoice-debit.json";
import orderExcl from "./__fixtures__/order-excl-surcharges.json";
import orderIcp from "./__fixtures__/order-icp.json";
import orderInclNl from "./__fixtures__/order-incl-nl.json";
import orderInternational from "./__fixtures__/order-international-incl.json";
import orderUnpaid from "./__fixtures__/order-unpaid.json";
import { eligibility, normalizeInvoice, normalizeOrder, paymentsOf } from "./map";
import { classifyPaymentMethod, cleanUp } from "@/lib/domain/payment-method";

const clone = <T>(value: T): T => structuredClone(value);

describe("normalizeOrder: prices incl. VAT (NL, iDEAL)", () => {
  const doc = normalizeOrder(orderInclNl, { shopCountry: "NL" });

  it("reads identifiers, number, Amsterdam date, currency, paid and totals by taxes_included", () => {
    expect(doc).toMatchObject({
      kind: "order",
      source: { system: "ccvshop", id: "123456789", number: "WEB-1001", orderId: "123456789", orderNumber: "WEB-1001" },
      date: "2024-05-01", // 22:30 UTC on 30 April is 00:30 on 1 May in Amsterdam
      currency: "EUR",
      shopCountry: "NL",
      deliveryCountry: "NL",
      pricesIncludeVat: true,
      icp: false,
      international: false,
      paid: true,
      creditFactor: 1,
      totals: { incl: "52.65", excl: "45.33", vat: "7.32" },
      paymentMethod: { raw: "ideal", id: "12", classification: "ideal" },
    });
  });

  it("prices product rows from selling_price incl. VAT, with the discount (price_without_discount − selling_price) × count", () => {
    expect(doc.lines[0]).toEqual({
      kind: "product", code: "MOK-01-BLAUW", description: "Mok blauw", quantity: "2", vatRate: "21",
      unitPriceExcl: "12.396694", unitPriceIncl: "15",
      discountExcl: "4.13", discountIncl: "5",
      totalExcl: "20.66", totalIncl: "25", vatAmount: "4.34",
    });
  });

  it("multiplies tax < 1 by 100 and falls back to product_number when sub_product_number is empty", () => {
    expect(doc.lines[1]).toMatchObject({ code: "BOEK-7", vatRate: "9", totalExcl: "18.3", totalIncl: "19.95", vatAmount: "1.65", discountIncl: "0" });
  });

  it("adds shipping at shipping_tax_percentage and payment costs (paymethod_costs + extra_payment_option_price) at the highest rate", () => {
    expect(doc.lines[2]).toMatchObject({ kind: "shipping", description: "Shipping costs", quantity: "1", vatRate: "21", totalExcl: "5.74", totalIncl: "6.95", vatAmount: "1.21" });
    expect(doc.lines[3]).toMatchObject({ kind: "payment", description: "Payment costs", vatRate: "21", totalExcl: "0.62", totalIncl: "0.75", vatAmount: "0.13" });
    expect(doc.lines).toHaveLength(4); // no surcharge lines for 0 amounts
  });

  it("maps the customer from billingaddress and deliveryaddress", () => {
    expect(doc.customer).toEqual({
      email: "jan@example.nl",
      vatNumber: undefined,
      coc: undefined,
      billing: { company: undefined, firstName: "Jan", lastName: "Jansen", street: "Dorpsstraat", houseNumber: "1 A", addressLine2: undefined, zipcode: "1234AB", city: "Utrecht", country: "NL", phone: "0612345678" },
      delivery: { company: undefined, firstName: "Jan", lastName: "Jansen", street: "Dorpsstraat", houseNumber: "1 A", addressLine2: undefined, zipcode: "1234AB", city: "Utrecht", country: "NL", phone: undefined },
    });
  });

  it("passes the domain pre-check (lines add up to the shop's totals within its rounding)", () => {
    expect(() => precheck(doc)).not.toThrow();
  });

  it("prices payment costs with highestRateFor(delivery country) when given", () => {
    const withGrid = normalizeOrder(orderInclNl, {}, { highestRateFor: (country) => (country === "NL" ? "9" : undefined) });
    expect(withGrid.lines[3]).toMatchObject({ kind: "payment", vatRate: "9", totalExcl: "0.69", totalIncl: "0.75" });
  });
});

describe("normalizeOrder: prices excl. VAT with both surcharges (B2B, bank transfer)", () => {
  const doc = normalizeOrder(orderExcl, {});

  it("derives totals from total_price + total_tax and incl. prices as price × (1 + rate)", () => {
    expect(doc.totals).toEqual({ excl: "36.5", incl: "44.17", vat: "7.67" });
    expect(doc.pricesIncludeVat).toBe(false);
    expect(doc.lines[0]).toMatchObject({ code: "4711", quantity: "3", vatRate: "21", unitPriceExcl: "10", unitPriceIncl: "12.1", totalExcl: "30", totalIncl: "36.3", vatAmount: "6.3" });
    expect(doc.lines[1]).toMatchObject({ kind: "shipping", totalExcl: "5", totalIncl: "6.05" });
  });

  it("adds extra_costs (named by extra_costs_description) and credit_point_discount as surcharges at the highest row rate, rounded half-up", () => {
    expect(doc.lines[2]).toMatchObject({ kind: "surcharge", description: "Verpakking", vatRate: "21", totalExcl: "2.5", totalIncl: "3.03", vatAmount: "0.53" });
    expect(doc.lines[3]).toMatchObject({ kind: "surcharge", description: "Credit point discount", vatRate: "21", totalExcl: "-1", totalIncl: "-1.21", vatAmount: "-0.21" });
    expect(() => precheck(doc)).not.toThrow();
  });

  it("treats a price before discount below the selling price (attribute surcharge) as no discount", () => {
    const order = clone(orderExcl);
    order.orderrows[0]!.price_without_discount = 8;
    expect(normalizeOrder(order).lines[0]).toMatchObject({ unitPriceExcl: "10", discountExcl: "0", totalExcl: "30" });
  });

  it("names an unnamed extra_costs line Surcharge", () => {
    const order = clone(orderExcl) as Record<string, unknown>;
    order.extra_costs_description = "";
    expect(normalizeOrder(order).lines[2]!.description).toBe("Surcharge");
  });

  it("reads address_line1/2, kvk and btw when there is no street, and the billing country as delivery country", () => {
    expect(doc.customer).toMatchObject({
      email: "inkoop@bakkerij.nl", vatNumber: "NL001234567B01", coc: "12345678",
      billing: { company: "Bakkerij de Bakker B.V.", street: "Industrieweg 12", addressLine2: "Unit 4", country: "NL", phone: "0687654321" },
    });
    expect(doc.customer.delivery).toBeUndefined();
    expect(doc.deliveryCountry).toBe("NL");
    expect(doc.paymentMethod.classification).toBe("banktransfer");
  });
});

describe("normalizeOrder: ICP and international", () => {
  it("books an ICP order at 0% on every line, shipping included", () => {
    const doc = normalizeOrder(orderIcp, {});
    expect(doc).toMatchObject({ icp: true, international: false, deliveryCountry: "DE", totals: { incl: "112", excl: "112", vat: "0" } });
    expect(doc.customer.vatNumber).toBe("DE983924221");
    expect(doc.lines.map((l) => [l.kind, l.vatRate, l.totalExcl, l.totalIncl])).toEqual([["product", "0", "100", "100"], ["shipping", "0", "12", "12"]]);
    expect(() => precheck(doc)).not.toThrow();
  });

  it("detects international (no VAT, not ICP, delivered outside the shop country) and takes VAT out of incl. row prices", () => {
    const doc = normalizeOrder(orderInternational, { shopCountry: "NL" });
    expect(doc).toMatchObject({ icp: false, international: true, deliveryCountry: "US", currency: "USD", date: "2025-01-01" });
    expect(doc.lines[0]).toMatchObject({ code: "KLOMP-38", vatRate: "0", unitPriceExcl: "50", unitPriceIncl: "50", totalExcl: "50", totalIncl: "50", vatAmount: "0" });
    expect(doc.lines.slice(1).map((l) => [l.kind, l.vatRate, l.totalIncl])).toEqual([["shipping", "0", "15"], ["payment", "0", "2"]]);
    expect(doc.totals).toEqual({ excl: "67", incl: "67", vat: "0" });
    expect(() => precheck(doc)).not.toThrow();
  });

  it("is not international when the delivery country is the shop's own country", () => {
    expect(normalizeOrder(orderInternational, { shopCountry: "US" }).international).toBe(false);
  });

  it("is not international when the order carries VAT", () => {
    const order = clone(orderInternational);
    order.total_tax = 10.5;
    expect(normalizeOrder(order, { shopCountry: "NL" }).international).toBe(false);
  });
});

describe("normalizeInvoice", () => {
  it("reads price_with_attributes, the discount against price_without_discount_with_attributes, order id from [order]", () => {
    const doc = normalizeInvoice(invoiceDebit, { shopCountry: "NL" });
    expect(doc).toMatchObject({
      kind: "invoice",
      source: { id: "555001", number: "F-2024001", orderId: "123456794", orderNumber: "WEB-1006", invoiceNumber: "F-2024001" },
      date: "2024-07-10",
      deliveryCountry: "BE",
      international: false,
      paid: false,
      creditFactor: 1,
      totals: { incl: "35.35", excl: "29.71", vat: "5.64" },
      paymentMethod: { raw: "Bancontact / Mister Cash", id: "30", classification: "mistercash" },
    });
    expect(doc.lines[0]).toEqual({
      kind: "product", code: "TD-1", description: "Theedoek", quantity: "2", vatRate: "21",
      unitPriceExcl: "13.595041", unitPriceIncl: "16.45", discountExcl: "2.48", discountIncl: "3",
      totalExcl: "24.71", totalIncl: "29.9", vatAmount: "5.19",
    });
    expect(doc.customer.billing.houseNumber).toBe("3 bus 2");
  });

  it("prices invoice payment costs at the shipping rate", () => {
    const doc = normalizeInvoice(invoiceDebit);
    expect(doc.lines.slice(1).map((l) => [l.kind, l.vatRate, l.totalExcl, l.totalIncl])).toEqual([["shipping", "9", "4", "4.36"], ["payment", "9", "1", "1.09"]]);
    expect(() => precheck(doc)).not.toThrow();
  });

  it("books a credit invoice as a negative credit note", () => {
    const doc = normalizeInvoice(invoiceCredit);
    expect(doc).toMatchObject({ kind: "creditnote", creditFactor: -1, source: { number: "F-2024002", orderId: "123456789" }, totals: { incl: "-25", excl: "-20.66", vat: "-4.34" } });
    expect(doc.lines[0]).toMatchObject({ quantity: "-2", unitPriceIncl: "12.5", totalExcl: "-20.66", totalIncl: "-25", vatAmount: "-4.34", discountIncl: "0" });
    expect(() => precheck(doc)).not.toThrow();
  });

  it("keeps a credit invoice that the shop already sends negative", () => {
    const credit = clone(invoiceCredit);
    credit.total_price = -25;
    credit.total_tax = -4.34;
    credit.invoicerows[0]!.count = -2;
    const doc = normalizeInvoice(credit);
    expect(doc.totals.incl).toBe("-25");
    expect(doc.lines[0]).toMatchObject({ quantity: "-2", totalIncl: "-25" });
  });

  it("books ICP invoices at 0%", () => {
    const icp = clone(invoiceDebit) as Record<string, unknown>;
    Object.assign(icp, { is_intra_community_order: true, invoice_row_taxes_included: false, taxes_included: false, total_price: 34.36, total_tax: 0, total_shipping: 4, paymethod_costs: 1 });
    const doc = normalizeInvoice(icp);
    expect(doc.icp).toBe(true);
    expect(doc.lines.every((l) => l.vatRate === "0" && l.vatAmount === "0")).toBe(true);
  });
});

describe("payment method classification", () => {
  it.each([
    ["Bankoverschrijving", "banktransfer"],
    ["Bank transfer", "banktransfer"],
    ["Op rekening", "banktransfer"],
    ["Invoice (B2B)", "banktransfer"],
    ["iDEAL", "ideal"],
    ["PayPal", "paypal"],
    ["AfterPay", "afterpay"],
    ["Bancontact / Mister Cash", "mistercash"],
    ["Mister-Cash", "mistercash"],
    ["Credit Card", "creditcard"],
    ["Maestro", "creditcard"],
    ["VISA", "creditcard"],
    ["Mastercard", "creditcard"],
    ["Contant bij afhalen", "default"],
    ["", "default"],
  ])("%s → %s", (raw, expected) => {
    expect(classifyPaymentMethod(raw).classification).toBe(expected);
  });

  it("applies the rules in the manual's order (bank before ideal)", () => {
    expect(classifyPaymentMethod("iDEAL via je bank").classification).toBe("banktransfer");
  });

  it("uses a configured method first, compared after cleanUp (case and hyphens ignored)", () => {
    expect(cleanUp("Pin-Betaling")).toBe("pinbetaling");
    expect(classifyPaymentMethod("PIN-betaling", ["pinbetaling"])).toEqual({ classification: "default", configured: "pinbetaling" });
    expect(classifyPaymentMethod("Op-Rekening", [{ method: "op rekening", classification: "ideal" }])).toEqual({ classification: "banktransfer" });
    expect(classifyPaymentMethod("Op-Rekening", [{ method: "oprekening", classification: "afterpay" }])).toEqual({ classification: "afterpay", configured: "oprekening" });
    const order = clone(orderInclNl) as Record<string, unknown>;
    order.paymethod = "Cadeau-Kaart";
    expect(normalizeOrder(order, { paymentMethods: [{ method: "cadeaukaart", classification: "creditcard" }] }).paymentMethod.classification).toBe("creditcard");
  });
});

describe("eligibility", () => {
  it("paid-orders: a paid order is eligible, an unpaid one waits with a reason, invoices are not booked", () => {
    expect(eligibility("order", orderInclNl, { documentTrigger: "paid-orders" })).toEqual({ eligible: true });
    const unpaid = eligibility("order", orderUnpaid, { documentTrigger: "paid-orders" });
    expect(unpaid).toEqual({ eligible: false, reason: "Order WEB-1005 is not paid yet (status: Wait for payment). It is booked as soon as CCV Shop reports it paid." });
    expect(eligibility("creditnote", invoiceCredit, { documentTrigger: "paid-orders" }).eligible).toBe(false);
  });

  it("paid-orders: an uncompleted checkout is not eligible", () => {
    const basket = { ...clone(orderInclNl), is_completed: false };
    expect(eligibility("order", basket, {})).toMatchObject({ eligible: false });
  });

  it("invoices: every invoice and credit invoice, whatever its status; orders are not booked", () => {
    expect(eligibility("invoice", invoiceDebit, { documentTrigger: "invoices" })).toEqual({ eligible: true });
    expect(eligibility("creditnote", invoiceCredit, { documentTrigger: "invoices" })).toEqual({ eligible: true });
    expect(eligibility("order", orderInclNl, { documentTrigger: "invoices" }).eligible).toBe(false);
  });
});

describe("paymentsOf", () => {
  it("orders: only when paid, for the order total incl. VAT with the transaction id", () => {
    expect(paymentsOf(orderInclNl, "order")).toEqual([{
      sourceId: "WEB-1001", documentSourceId: "123456789", amount: "52.65", currency: "EUR", method: "ideal",
      paidAt: "2024-04-30T22:30:00.000Z", transactionId: "TX-IDEAL-7781",
    }]);
    expect(paymentsOf(orderUnpaid, "order")).toEqual([]);
    expect(paymentsOf(orderExcl, "order")[0]).toMatchObject({ amount: "44.17", transactionId: undefined });
  });

  it("invoices: always, transaction id else the invoice number; credit invoices negative", () => {
    expect(paymentsOf(invoiceDebit, "invoice")).toEqual([{
      sourceId: "F-2024001", documentSourceId: "555001", amount: "35.35", currency: "EUR", method: "Bancontact / Mister Cash",
      paidAt: "2024-07-10T08:00:00.000Z", transactionId: "F-2024001",
    }]);
    expect(paymentsOf(invoiceCredit, "creditnote")[0]).toMatchObject({ amount: "-25", transactionId: "TX-IDEAL-7781" });
  });
});

describe("bad payloads", () => {
  it("names the field and is not retryable", () => {
    const order = clone(orderInclNl) as Record<string, unknown>;
    order.total_price = "twelve";
    const err = (() => { try { normalizeOrder(order); } catch (e) { return e; } })() as ConnectorError;
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ code: "invalid_payload", retryable: false });
    expect(err.message).toContain("total_price");
  });

  it("rejects an order without its rows, naming orderrows", () => {
    const order = clone(orderInclNl) as Record<string, unknown>;
    delete order.orderrows;
    expect(() => normalizeOrder(order)).toThrow(/orderrows/);
  });

  it("rejects an unreadable create_date", () => {
    expect(() => normalizeOrder({ ...clone(orderInclNl), create_date: "yesterday" })).toThrow(/create_date/);
  });

  it("reads every form of CCV timestamp", () => {
    for (const form of ["2024-01-15T09:00:00+00:00", "2024-01-15T09:00:00+0000", "2024-01-15T09:00:00Z", "2024-01-15 09:00:00"]) {
      expect(normalizeOrder({ ...clone(orderInclNl), create_date: form }).date).toBe("2024-01-15");
    }
  });
});
