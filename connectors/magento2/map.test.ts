import { describe, expect, it } from "vitest";
import { money, sum } from "@/lib/domain/money";
import { precheck } from "@/lib/domain/precheck";
import { caught } from "../testing";
import creditmemoNl from "./__fixtures__/creditmemo-nl.json";
import invoiceDe from "./__fixtures__/invoice-de-b2b.json";
import invoiceNl from "./__fixtures__/invoice-nl.json";
import invoiceSmall from "./__fixtures__/invoice-small-4decimals.json";
import invoiceUs from "./__fixtures__/invoice-us.json";
import orderDe from "./__fixtures__/order-de-b2b.json";
import orderNl from "./__fixtures__/order-nl.json";
import orderSmall from "./__fixtures__/order-small.json";
import orderUs from "./__fixtures__/order-us.json";
import { derivedRate } from "./map-lines";
import { eligibility, normalizeDocument } from "./map";
import { classifyPaymentMethod, cleanUp } from "@/lib/domain/payment-method";
import { cleanProductName } from "./product-name";
import { D } from "@/lib/domain/money";

const clone = <T>(value: T): T => structuredClone(value);
const invoice = (doc: object, order: object) => ({ ...clone(doc), order: clone(order) });
const nl = invoice(invoiceNl, orderNl);
const credit = invoice(creditmemoNl, orderNl);
const sync = (fn: () => unknown) => caught(Promise.resolve().then(fn));

describe("Magento 2 invoice header (manual: Specification Magento invoices)", () => {
  const doc = normalizeDocument("invoice", nl);

  it("factor 1 for a debit invoice: amounts as Magento gives them", () => {
    expect(doc.creditFactor).toBe(1);
    expect(doc.lines.every((l) => money(l.totalIncl).gte(0))).toBe(true);
  });

  it("invoice-identifier [entity_id], invoice number [increment_id], order id [order_id], order number the order's [increment_id]", () => {
    expect(doc.source).toMatchObject({ system: "magento2", id: "17", number: "000000017", invoiceNumber: "000000017", orderId: "42", orderNumber: "000000042" });
  });

  it("affiliate: the value at key channel_id in the order's payment_additional_info", () => {
    expect(doc.source.affiliate).toBe("bol-7");
    const without = invoice(invoiceNl, { ...orderNl, extension_attributes: { payment_additional_info: [{ key: "method_title", value: "iDEAL" }] } });
    expect(normalizeDocument("invoice", without).source.affiliate).toBeUndefined();
  });

  it("invoice date [created_at], UTC, booked on the Amsterdam date", () => {
    expect(doc.date).toBe("2024-05-01"); // 22:30 UTC on 30 April is 00:30 on 1 May in Amsterdam
  });

  it("totals from the base_ fields: incl [base_grand_total], VAT [base_tax_amount], excl = incl − VAT", () => {
    expect(doc.totals).toEqual({ incl: "96.21", vat: "15.21", excl: "81" });
    expect(doc.currency).toBe("EUR");
    const foreign = invoice({ ...invoiceNl, grand_total: 110.5, order_currency_code: "USD" }, orderNl);
    expect(normalizeDocument("invoice", foreign).totals.incl).toBe("96.21"); // the order-currency grand_total is not used
  });

  it("shopping cart values: the product lines add up to [base_subtotal] and [base_subtotal_incl_tax]", () => {
    const products = doc.lines.filter((l) => l.kind === "product");
    expect(sum(products.map((l) => money(l.unitPriceExcl).times(l.quantity))).toFixed(2)).toBe("80.00");
    expect(sum(products.map((l) => money(l.unitPriceIncl).times(l.quantity))).toFixed(2)).toBe("95.00");
  });

  it("incl or excl VAT: [taxes_included] when the shop sends it, else the merchant's setting (incl. by default)", () => {
    expect(doc.pricesIncludeVat).toBe(true);
    expect(normalizeDocument("invoice", nl, { pricesIncludeVat: false }).pricesIncludeVat).toBe(false);
    expect(normalizeDocument("invoice", invoice({ ...invoiceNl, taxes_included: false }, orderNl)).pricesIncludeVat).toBe(false);
  });

  it("payment method [payment.method] classified by the manual's rules, payment method id kept", () => {
    expect(doc.paymentMethod).toEqual({ raw: "mollie_methods_ideal", id: "42", classification: "ideal" });
  });

  it("customer: e-mail, billing address with house number from the street lines, delivery from the shipping assignment", () => {
    expect(doc.customer).toEqual({
      email: "eva@example.nl",
      vatNumber: undefined,
      coc: undefined,
      billing: { company: undefined, firstName: "Eva", lastName: "Koper", street: "Dorpsstraat", houseNumber: "12 A", addressLine2: undefined, zipcode: "1234AB", city: "Utrecht", country: "NL", phone: "0612345678" },
      delivery: { company: undefined, firstName: "Eva", lastName: "Koper", street: "Keizersgracht 100", houseNumber: undefined, addressLine2: undefined, zipcode: "1015AA", city: "Amsterdam", country: "NL", phone: "0612345678" },
    });
    expect(doc).toMatchObject({ shopCountry: "NL", deliveryCountry: "NL", icp: false, international: false, paid: true });
  });

  it("passes the domain pre-check: the lines add up to the totals", () => {
    expect(() => precheck(doc)).not.toThrow();
  });
});

describe("Magento 2 invoice lines (manual: Specification Magento invoices lines)", () => {
  const doc = normalizeDocument("invoice", nl);
  const [teapot, tea, shirt, shipping] = doc.lines;

  it("name with special characters removed, quantity [qty], unit prices = row totals / qty, sku as code", () => {
    expect(teapot).toMatchObject({ kind: "product", code: "TP-01", description: "Theepot Deluxe", quantity: "2", unitPriceExcl: "20", unitPriceIncl: "24.2" });
  });

  it("VAT percentage = ([base_row_total_incl_tax] − [base_row_total]) / [base_row_total], rounded to 2 decimals", () => {
    expect(teapot!.vatRate).toBe("21");
    expect(tea!.vatRate).toBe("9");
    expect(derivedRate(new D("0.86"), new D("4.09")).toFixed()).toBe("21.03"); // 2-decimal amounts: the manual's rounding problem, passed on faithfully
  });

  it("discount incl. VAT [base_discount_amount], excl. VAT [base_discount_amount] − [base_discount_tax_compensation_amount]; totals after discount", () => {
    expect(teapot).toMatchObject({ discountIncl: "4.84", discountExcl: "4", totalIncl: "43.56", totalExcl: "36", vatAmount: "7.56" });
    expect(tea).toMatchObject({ quantity: "3", discountIncl: "0", discountExcl: "0", totalIncl: "16.35", totalExcl: "15", vatAmount: "1.35" });
  });

  it("a discount on prices excl. VAT (a manual limitation) books the VAT Magento charged", () => {
    const excl = invoice({
      ...invoiceNl,
      base_grand_total: 10.89, base_tax_amount: 1.89, base_discount_amount: -1, base_discount_tax_compensation_amount: 0, base_shipping_amount: 0, base_shipping_incl_tax: 0, base_shipping_tax_amount: 0,
      items: [{ order_item_id: 11, sku: "TP-01", name: "Theepot", qty: 1, base_row_total: 10, base_row_total_incl_tax: 12.1, base_tax_amount: 1.89, base_discount_amount: 1, base_discount_tax_compensation_amount: 0 }],
    }, orderNl);
    const mapped = normalizeDocument("invoice", excl);
    expect(mapped.lines).toEqual([expect.objectContaining({ discountExcl: "1", discountIncl: "1.21", totalExcl: "9", totalIncl: "10.89", vatAmount: "1.89", vatRate: "21" })]);
    expect(() => precheck(mapped)).not.toThrow();
  });

  it("a configurable product is booked once: the child row without amounts is dropped", () => {
    expect(shirt).toMatchObject({ kind: "product", code: "TS-RED-M", description: "T-shirt", totalIncl: "30.25", totalExcl: "25", vatRate: "21" });
    expect(doc.lines.filter((l) => l.code === "TS-RED-M")).toHaveLength(1);
  });

  it("shipping as a separate line from the base_shipping fields, only when not 0", () => {
    expect(shipping).toMatchObject({ kind: "shipping", description: "Shipping costs", quantity: "1", vatRate: "21", unitPriceExcl: "5", unitPriceIncl: "6.05", totalExcl: "5", totalIncl: "6.05", vatAmount: "1.05" });
    expect(doc.lines).toHaveLength(4);
    const noShipping = invoice({ ...invoiceSmall }, orderSmall);
    expect(normalizeDocument("invoice", noShipping).lines.some((l) => l.kind === "shipping")).toBe(false);
  });

  it("a discount on shipping (document discount beyond the rows' discounts) lowers the shipping line", () => {
    const shipDiscount = invoice({ ...invoiceNl, base_discount_amount: -6.05, base_grand_total: 95, base_tax_amount: 15, base_shipping_discount_tax_compensation_amnt: 0.21, base_shipping_tax_amount: 0.84 }, orderNl);
    const mapped = normalizeDocument("invoice", shipDiscount);
    expect(mapped.lines.find((l) => l.kind === "shipping")).toMatchObject({ discountIncl: "1.21", discountExcl: "1", totalIncl: "4.84", totalExcl: "4", vatAmount: "0.84" });
    expect(() => precheck(mapped)).not.toThrow();
  });

  it("line kinds decide the accounts: turnover for products, shipping and payment costs on their own", () => {
    expect(doc.lines.map((l) => l.kind)).toEqual(["product", "product", "product", "shipping"]);
  });
});

describe("4-decimal workaround, free items, payment costs and surcharges", () => {
  const doc = normalizeDocument("invoice", invoice(invoiceSmall, orderSmall));
  const byCode = (code: string) => doc.lines.find((l) => l.code === code)!;

  it("VAT percentage from [extension_attributes][tax_amount4_decimals] / [base_row_total4_decimals] when present", () => {
    expect(byCode("STICK-1")).toMatchObject({ vatRate: "21", quantity: "10", totalExcl: "8.18", totalIncl: "9.9", vatAmount: "1.72" });
  });

  it("without the workaround a small amount gives the manual's off rate (8.7% for 9%), passed on as derived", () => {
    expect(byCode("PEN-1")).toMatchObject({ vatRate: "8.7", totalExcl: "0.46", totalIncl: "0.5" });
  });

  it("an amount excl. VAT of 0 defaults to 21%", () => {
    expect(byCode("GIFT-1")).toMatchObject({ vatRate: "21", totalExcl: "0", totalIncl: "0", description: "Gratis kaart" });
  });

  it("payment costs = [paymethod_costs] + [extra_payment_option_price], incl. VAT as [invoice_row_taxes_included] says", () => {
    expect(doc.lines.filter((l) => l.kind === "payment")).toEqual([
      expect.objectContaining({ description: "Payment costs", vatRate: "21", totalIncl: "0.5", totalExcl: "0.41", vatAmount: "0.09" }),
    ]);
  });

  it("surcharges [extra_costs] and [credit_point_discount]: at most two extra lines, only when not 0", () => {
    const surcharges = doc.lines.filter((l) => l.kind === "surcharge");
    expect(surcharges).toEqual([
      expect.objectContaining({ description: "Extra costs", totalIncl: "1.21", totalExcl: "1", vatRate: "21" }),
      expect.objectContaining({ description: "Credit point discount", totalIncl: "-2.42", totalExcl: "-2", vatRate: "21" }),
    ]);
    const none = invoice({ ...invoiceSmall, extension_attributes: { paymethod_costs: 0, extra_costs: 0 }, base_grand_total: 10.4, base_tax_amount: 1.76 }, orderSmall);
    expect(normalizeDocument("invoice", none).lines.filter((l) => l.kind !== "product")).toEqual([]);
  });

  it("amounts excl. VAT when [invoice_row_taxes_included] is false", () => {
    const excl = invoice({ ...invoiceSmall, extension_attributes: { invoice_row_taxes_included: false, extra_costs: 1 } }, orderSmall);
    expect(normalizeDocument("invoice", excl).lines.find((l) => l.description === "Extra costs")).toMatchObject({ totalExcl: "1", totalIncl: "1.21" });
  });

  it("the workaround invoice still adds up, and a company customer keeps its name", () => {
    expect(doc.totals).toEqual({ incl: "9.69", vat: "1.64", excl: "8.05" });
    expect(() => precheck(doc)).not.toThrow();
    expect(doc.customer.billing.company).toBe("Bakker & Zn");
    expect(doc.paid).toBe(false); // state 1: open
  });
});

describe("Magento 2 credit memo", () => {
  const doc = normalizeDocument("creditnote", credit);

  it("factor −1: quantities, discounts and totals negative, unit prices positive", () => {
    expect(doc.kind).toBe("creditnote");
    expect(doc.creditFactor).toBe(-1);
    expect(doc.totals).toEqual({ incl: "-11.5", vat: "-1.5", excl: "-10" });
    expect(doc.lines).toEqual([
      expect.objectContaining({ kind: "product", code: "TH-EG", quantity: "-1", unitPriceExcl: "5", unitPriceIncl: "5.45", totalExcl: "-5", totalIncl: "-5.45", vatAmount: "-0.45", vatRate: "9" }),
      expect.objectContaining({ kind: "shipping", quantity: "-1", totalExcl: "-5", totalIncl: "-6.05", vatAmount: "-1.05", vatRate: "21" }),
    ]);
    expect(() => precheck(doc)).not.toThrow();
  });

  it("identifier: a 1 before the credit memo's [entity_id]; number its [increment_id]", () => {
    expect(doc.source).toMatchObject({ id: "15", number: "000000005", invoiceNumber: "000000005", orderId: "42", orderNumber: "000000042" });
  });

  it("order number with C_ when the merchant made the order number leading", () => {
    expect(normalizeDocument("creditnote", credit, { orderNumberLeading: true }).source.orderNumber).toBe("C_000000042");
    expect(normalizeDocument("invoice", nl, { orderNumberLeading: true }).source.orderNumber).toBe("000000042");
  });

  it("adjustments carry no VAT: refused with the reason by default, booked at 0% when the merchant chose so", async () => {
    const adjusted = { ...clone(credit), base_adjustment_positive: 2, base_adjustment_negative: 0.5, base_grand_total: 13 };
    const err = await sync(() => normalizeDocument("creditnote", adjusted));
    expect(err.code).toBe("credit_adjustment_without_vat");
    expect(err.message).toMatch(/adjustment refund of 2\.00 and an adjustment fee of 0\.50/);
    const booked = normalizeDocument("creditnote", adjusted, { creditAdjustments: "book-without-vat" });
    expect(booked.lines.slice(2)).toEqual([
      expect.objectContaining({ kind: "surcharge", description: "Adjustment refund", vatRate: "0", totalIncl: "-2", totalExcl: "-2" }),
      expect.objectContaining({ kind: "surcharge", description: "Adjustment fee", vatRate: "0", totalIncl: "0.5", totalExcl: "0.5" }),
    ]);
    expect(booked.totals.incl).toBe("-13");
    expect(() => precheck(booked)).not.toThrow();
  });
});

describe("ICP and international", () => {
  it("ICP: no VAT, an EU country other than the shop's, no margin scheme; VAT number from the billing address", () => {
    const doc = normalizeDocument("invoice", invoice(invoiceDe, orderDe));
    expect(doc).toMatchObject({ icp: true, international: false, deliveryCountry: "DE", customer: { vatNumber: "DE983924221", billing: { company: "Beispiel GmbH" } } });
    expect(doc.lines.map((l) => l.vatRate)).toEqual(["0", "0"]);
    expect(() => precheck(doc)).not.toThrow();
  });

  it("a merchant with a margin-scheme contract never books ICP", () => {
    expect(normalizeDocument("invoice", invoice(invoiceDe, orderDe), { marginScheme: true })).toMatchObject({ icp: false, marginScheme: true });
  });

  it("no VAT in the shop's own country is neither ICP nor international", () => {
    const home = invoice(invoiceDe, { ...orderDe, billing_address: { ...orderDe.billing_address, country_id: "NL" }, extension_attributes: {} });
    expect(normalizeDocument("invoice", home)).toMatchObject({ icp: false, international: false });
  });

  it("international: no VAT, outside the EU; even a free item books at 0% there", () => {
    const doc = normalizeDocument("invoice", invoice(invoiceUs, orderUs));
    expect(doc).toMatchObject({ icp: false, international: true, deliveryCountry: "US", paymentMethod: { classification: "paypal" } });
    expect(doc.lines.map((l) => [l.code ?? l.kind, l.vatRate])).toEqual([["MUG", "0"], ["GIFT", "0"], ["shipping", "0"]]);
  });
});

describe("payment method rules and product names", () => {
  it.each([
    ["banktransfer", "banktransfer"], ["Op rekening", "banktransfer"], ["invoice", "banktransfer"], ["mollie_methods_ideal", "ideal"],
    ["paypal_express", "paypal"], ["afterpay_openinvoice", "banktransfer"], ["riverty-afterpay", "afterpay"], ["mister_cash", "mistercash"],
    ["Credit Card", "creditcard"], ["maestro", "creditcard"], ["VISA", "creditcard"], ["checkmo", "default"],
  ])("%s → %s", (raw, expected) => {
    expect(classifyPaymentMethod(raw).classification).toBe(expected);
  });

  it("a method configured on the dashboard is matched after cleanUp (hyphens and capitals ignored) and keeps its chosen class", () => {
    expect(cleanUp("Mollie-Methods-iDEAL")).toBe("molliemethodsideal");
    expect(classifyPaymentMethod("checkmo", [{ method: "CheckMo", classification: "banktransfer" }]).classification).toBe("banktransfer");
    expect(classifyPaymentMethod("check-mo", ["checkmo"]).classification).toBe("default");
  });

  it("removes markup, entities and symbols but keeps letters with accents and ordinary punctuation", () => {
    expect(cleanProductName("Crème brûlée &amp; <i>thee</i>™ 100% (2×)\u0007 🍵")).toBe("Crème brûlée & thee 100% (2 )");
  });
});

describe("eligibility and bad input", () => {
  it("books every invoice and credit memo except a canceled one (state 3), never orders", () => {
    expect(eligibility("invoice", nl)).toEqual({ eligible: true });
    expect(eligibility("creditnote", { ...credit, state: 3 })).toEqual({ eligible: false, reason: "Credit memo 000000005 is canceled in Magento, so it is not booked." });
    expect(eligibility("order", {}).eligible).toBe(false);
  });

  it.each([
    ["no order embedded", () => normalizeDocument("invoice", clone(invoiceNl)), /came without its order/],
    ["no grand total", () => normalizeDocument("invoice", { ...nl, base_grand_total: undefined }), /has no "base_grand_total"/],
    ["no items", () => normalizeDocument("invoice", { ...nl, items: undefined }), /has no "items"/],
    ["an amount that is not a number", () => normalizeDocument("invoice", { ...nl, base_tax_amount: "12,34,5" }), /base_tax_amount is not a number/],
    ["a date that is not a date", () => normalizeDocument("invoice", { ...nl, created_at: "yesterday" }), /"created_at" is not a date/],
    ["a broken order", () => normalizeDocument("invoice", { ...clone(invoiceNl), order: { increment_id: "1" } }), /order of invoice 000000017 has no "entity_id"/],
  ])("%s gives a precise invalid_payload error", async (_case, fn, message) => {
    const err = await sync(fn);
    expect(err.code).toBe("invalid_payload");
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(message);
  });
});
