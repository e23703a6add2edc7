import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutateOne, objectOf } from "@/lib/testing/mutate-one";
import orderExcl from "./__fixtures__/order-excl-surcharges.json";
import orderIcp from "./__fixtures__/order-icp.json";
import orderInclNl from "./__fixtures__/order-incl-nl.json";
import orderInternational from "./__fixtures__/order-international-incl.json";
import orderUnpaid from "./__fixtures__/order-unpaid.json";
import { readOrder } from "./read-order";
import { addressSchema, customerSchema, orderSchema, rowSchema } from "./schemas";

/** Keys in order, all the way down: zod builds its output in the schema's order, and so must readOrder. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return value;
}

function sameVerdict(input: unknown): boolean {
  const zod = orderSchema.safeParse(input);
  const direct = readOrder(input);
  if (!zod.success) {
    expect(direct).toBeUndefined();
    return false;
  }
  expect(direct).toStrictEqual(zod.data);
  expect(keyOrder(direct)).toStrictEqual(keyOrder(zod.data));
  return true;
}

const amount = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100), fc.constantFrom("12.40", "12,40", "0.21", "", "abc"), fc.constant(null));
const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null));
const flag = fc.oneof(fc.boolean(), fc.constant(null));
const idValue = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom("123", "WEB-1", 1e21, 0.5));

const addressKeys = ["first_name", "last_name", "company", "telephone", "mobile", "kvk", "street", "address_line1", "address_line2", "address_line_2", "housenumber_suffix", "zipcode", "city", "country_code"];
const address = objectOf({ ...Object.fromEntries(addressKeys.map((k) => [k, text])), housenumber: amount, country: text }, [...addressKeys, "housenumber"]);
const customer = objectOf({ email: text, btw: text, kvk: text, billingaddress: fc.oneof(address, fc.constant(null)), deliveryaddress: fc.oneof(address, fc.constant(null)), customertype: text }, ["email", "btw", "kvk", "billingaddress", "deliveryaddress"]);
const rowAmounts = ["tax", "selling_price", "price_without_discount", "price_with_attributes", "price_without_discount_with_attributes", "total_price", "product_number", "sub_product_number"];
const row = objectOf(
  { id: idValue, product_type: text, product_name: text, count: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom("2", "1.5")), ...Object.fromEntries(rowAmounts.map((k) => [k, amount])), discount: amount },
  ["id", "product_type", "product_name", ...rowAmounts],
);
const headerAmounts = ["shipping_tax_percentage", "total_shipping", "total_price", "total_tax", "paymethod_costs", "extra_payment_option_price", "extra_costs", "credit_point_discount", "paymethod_id", "transaction_id", "ordernumber", "status"];
const headerTexts = ["currency", "extra_costs_description", "paymethod", "email", "vatnumber", "ordernumber_full"];
const headerFlags = ["taxes_included", "is_intra_community_order", "is_completed", "paid", "order_row_taxes_included"];
const validOrder = objectOf(
  {
    id: idValue,
    create_date: fc.constantFrom("2026-11-21T10:00:00Z", "x"),
    ...Object.fromEntries(headerAmounts.map((k) => [k, amount])),
    ...Object.fromEntries(headerTexts.map((k) => [k, text])),
    ...Object.fromEntries(headerFlags.map((k) => [k, flag])),
    customer: fc.oneof(customer, fc.constant(null)),
    orderrows: fc.array(row, { maxLength: 4 }),
    href: text,
  },
  [...headerAmounts, ...headerTexts, ...headerFlags, "customer"],
);

describe("readOrder: exactly what orderSchema accepts, and what it returns", () => {
  it("reads the fixtures as zod does", () => {
    for (const fixture of [orderExcl, orderIcp, orderInclNl, orderInternational, orderUnpaid]) expect(sameVerdict(fixture)).toBe(true);
  });

  it("accepts every valid order (optional keys absent, undefined, null or present; unknown keys; any key order) and returns zod's output", () => {
    fc.assert(fc.property(validOrder, (order) => void expect(sameVerdict(order)).toBe(true)), { numRuns: 1000, seed: 20261122 });
  });

  it("gives zod's verdict on orders with one value replaced or removed anywhere, and zod's output when it is still valid", () => {
    let refused = 0;
    fc.assert(fc.property(mutateOne(validOrder), (order) => void (sameVerdict(order) || refused++)), { numRuns: 4000, seed: 22112026 });
    // The comparison only means something when both verdicts occur often.
    expect(refused).toBeGreaterThan(400);
    expect(refused).toBeLessThan(3_600);
  });

  it("refuses what is not an order at all", () => {
    for (const input of [undefined, null, 1, "order", [], [{}], {}]) expect(sameVerdict(input)).toBe(false);
  });
});

describe("readOrder knows every field of the schema", () => {
  it("returns every key of orderSchema, its rows, customer and addresses when all are present", () => {
    const keys = (shape: object, value: unknown) => Object.fromEntries(Object.keys(shape).map((k) => [k, value]));
    const address = keys(addressSchema.shape, "x");
    const order = {
      ...keys(orderSchema.shape, null),
      id: 1, create_date: "2026-11-22T10:00:00Z",
      customer: { ...keys(customerSchema.shape, "x"), billingaddress: address, deliveryaddress: address },
      orderrows: [keys(rowSchema.shape, "x")],
    };
    const read = readOrder(order)!;
    expect(Object.keys(read)).toEqual(Object.keys(orderSchema.shape));
    expect(Object.keys(read.orderrows[0]!)).toEqual(Object.keys(rowSchema.shape));
    expect(Object.keys(read.customer!)).toEqual(Object.keys(customerSchema.shape));
    expect(Object.keys(read.customer!.billingaddress!)).toEqual(Object.keys(addressSchema.shape));
    expect(read).toStrictEqual(orderSchema.parse(order));
  });
});
