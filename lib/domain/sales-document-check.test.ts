import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressSchema, salesDocumentSchema, salesLineSchema } from "./sales-document";
import { readSalesDocument, safeParseSalesDocument } from "./sales-document-check";
import { mutateOne, objectOf } from "@/lib/testing/mutate-one";

/** Keys in order, all the way down: zod builds its output in the schema's order, and so must the direct check. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return value;
}


const amount = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 6 })).map(([n, dp]) => (n / 10 ** dp).toFixed(dp)),
);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("", "Mok blauw", "Überweisung ß"));
const country = fc.constantFrom("NL", "BE", "DE", "US");

const address = objectOf(
  { company: text, firstName: text, lastName: text, street: text, houseNumber: text, addressLine2: text, zipcode: text, city: text, country, phone: text },
  ["company", "firstName", "lastName", "street", "houseNumber", "addressLine2", "zipcode", "city", "country", "phone"],
);
const line = objectOf(
  {
    kind: fc.constantFrom("product", "shipping", "payment", "surcharge", "discount"),
    code: text, description: text, quantity: amount, vatRate: amount, unitPriceExcl: amount, unitPriceIncl: amount,
    discountExcl: amount, discountIncl: amount, totalExcl: amount, totalIncl: amount, vatAmount: amount,
  },
  ["code", "discountExcl", "discountIncl"],
);
const validDocument = objectOf(
  {
    kind: fc.constantFrom("order", "invoice", "creditnote"),
    source: objectOf({ system: fc.constantFrom("ccvshop", "magento2"), id: text, number: text, orderId: text, orderNumber: text, invoiceNumber: text, affiliate: text }, ["orderId", "orderNumber", "invoiceNumber", "affiliate"]),
    date: fc.constantFrom("2026-11-22", "2024-05-01"),
    currency: fc.constantFrom("EUR", "USD"),
    shopCountry: country,
    deliveryCountry: country,
    pricesIncludeVat: fc.boolean(),
    icp: fc.boolean(),
    international: fc.boolean(),
    marginScheme: fc.boolean(),
    paid: fc.boolean(),
    customer: objectOf({ email: text, vatNumber: text, coc: text, billing: address, delivery: address }, ["email", "vatNumber", "coc", "delivery"]),
    paymentMethod: objectOf({ raw: text, id: text, classification: fc.constantFrom("banktransfer", "ideal", "paypal", "afterpay", "mistercash", "creditcard", "default") }, ["raw", "id"]),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    totals: objectOf({ excl: amount, incl: amount, vat: amount, vatPerRate: fc.array(objectOf({ rate: amount, vat: amount }, []), { maxLength: 3 }) }, ["vatPerRate"]),
    creditFactor: fc.constantFrom(1, -1),
  },
  ["deliveryCountry", "marginScheme", "paid"],
);

/** A valid document with one value somewhere (at any depth) replaced by junk, or removed. */
const mutatedDocument = mutateOne(validDocument);

function sameVerdict(input: unknown): boolean {
  const zod = salesDocumentSchema.safeParse(input);
  const direct = readSalesDocument(input);
  if (!zod.success) {
    expect(direct).toBeUndefined();
    return false;
  }
  expect(direct).toStrictEqual(zod.data);
  expect(keyOrder(direct)).toStrictEqual(keyOrder(zod.data));
  return true;
}

describe("readSalesDocument: exactly what salesDocumentSchema accepts, and what it returns", () => {
  it("accepts every valid document (optional keys absent, undefined or present; unknown keys; any key order) and returns zod's output", () => {
    fc.assert(fc.property(validDocument, (doc) => void expect(sameVerdict(doc)).toBe(true)), { numRuns: 1000, seed: 20261122 });
  });

  it("gives zod's verdict on documents with one value replaced or removed anywhere, and zod's output when it is still valid", () => {
    let refused = 0;
    fc.assert(fc.property(mutatedDocument, (doc) => void (sameVerdict(doc) || refused++)), { numRuns: 4000, seed: 22112026 });
    // Most mutations break the document; the test is only meaningful if both verdicts occur.
    expect(refused).toBeGreaterThan(2_000);
    expect(refused).toBeLessThan(4_000);
  });

  it("refuses what is not a document at all", () => {
    for (const input of [undefined, null, 1, "order", [], [{}], {}]) expect(sameVerdict(input)).toBe(false);
  });
});

describe("safeParseSalesDocument", () => {
  it("refuses a bad document with zod's own first issue (the mappers' error messages name it)", () => {
    const result = safeParseSalesDocument({ kind: "order", lines: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toEqual(salesDocumentSchema.safeParse({ kind: "order", lines: [] }).error?.issues[0]);
  });
});

describe("readSalesDocument knows every field of the schema", () => {
  it("returns every key of salesDocumentSchema, its lines, customer, addresses, source, payment method and totals when all are present", () => {
    const address = { company: "B.V.", firstName: "Eva", lastName: "Koper", street: "Dorpsstraat", houseNumber: "1", addressLine2: "", zipcode: "1234AB", city: "Utrecht", country: "NL", phone: "06" };
    const doc = {
      kind: "order", source: { system: "ccvshop", id: "1", number: "B1", orderId: "1", orderNumber: "B1", invoiceNumber: "F1", affiliate: "web" },
      date: "2026-11-22", currency: "EUR", shopCountry: "NL", deliveryCountry: "NL", pricesIncludeVat: true, icp: false, international: false, marginScheme: false, paid: true,
      customer: { email: "a@b.nl", vatNumber: "NL1", coc: "1", billing: address, delivery: address },
      paymentMethod: { raw: "iDEAL", id: "1", classification: "ideal" },
      lines: [{ kind: "product", code: "A", description: "A", quantity: "1", vatRate: "21", unitPriceExcl: "1", unitPriceIncl: "1.21", discountExcl: "0", discountIncl: "0", totalExcl: "1", totalIncl: "1.21", vatAmount: "0.21" }],
      totals: { excl: "1", incl: "1.21", vat: "0.21", vatPerRate: [{ rate: "21", vat: "0.21" }] },
      creditFactor: 1,
    };
    const read = readSalesDocument(doc)!;
    const shape = salesDocumentSchema.shape;
    expect(Object.keys(read)).toEqual(Object.keys(shape));
    expect(Object.keys(read.source)).toEqual(Object.keys(shape.source.shape));
    expect(Object.keys(read.customer)).toEqual(Object.keys(shape.customer.shape));
    expect(Object.keys(read.customer.billing)).toEqual(Object.keys(addressSchema.shape));
    expect(Object.keys(read.paymentMethod)).toEqual(Object.keys(shape.paymentMethod.shape));
    expect(Object.keys(read.lines[0]!)).toEqual(Object.keys(salesLineSchema.shape));
    expect(Object.keys(read.totals)).toEqual(Object.keys(shape.totals.shape));
    expect(read).toStrictEqual(salesDocumentSchema.parse(doc));
  });
});
