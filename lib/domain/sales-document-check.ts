import { decimalString } from "./money";
import { lineKindSchema, paymentMethodClassSchema, salesDocumentSchema, type SalesDocument } from "./sales-document";

/**
 * `salesDocumentSchema.safeParse` for the documents the source mappers build, without zod's cost
 * per field (about a fifth of normalizing a CCV order). It checks exactly what the schema checks
 * and builds what zod returns: the schema's keys in the schema's order (unknown keys dropped), an
 * optional key only when present in the input, defaults filled in. Whenever anything is wrong it
 * leaves the verdict to zod, so a bad document is refused with zod's own message.
 * sales-document-check.test.ts runs both on generated documents and compares them.
 */
export function safeParseSalesDocument(input: unknown): ReturnType<typeof salesDocumentSchema.safeParse> {
  const data = readSalesDocument(input);
  return data ? { success: true, data } : salesDocumentSchema.safeParse(input);
}

// What the schema's regexes accept (the same texts as sales-document.ts); its enums taken from the schema itself.
const countryCode = /^[A-Z]{2}$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const currencyCode = /^[A-Z]{3}$/;
const documentKinds = new Set<string>(salesDocumentSchema.shape.kind.options);
const lineKinds = new Set<string>(lineKindSchema.options);
const paymentClasses = new Set<string>(paymentMethodClassSchema.options);

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

/** Not undefined: the check failed (a unique value, so no valid field value can be mistaken for it). */
const BAD = Symbol("bad");

// Straight-line checks with the field names written out: a generic loop over keys is no faster than zod.
const isObject = (value: unknown): value is Input => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isAmount = (value: unknown) => typeof value === "string" && decimalString.test(value);
const isCountry = (value: unknown) => typeof value === "string" && countryCode.test(value);
/** z.string().optional(): undefined or a string (the key itself may be absent). */
const optionalString = (value: unknown) => value === undefined || typeof value === "string";

function readAddress(a: unknown): Output | typeof BAD {
  if (!isObject(a)) return BAD;
  const out: Output = {};
  if ("company" in a) { if (!optionalString(a.company)) return BAD; out.company = a.company; }
  if ("firstName" in a) { if (!optionalString(a.firstName)) return BAD; out.firstName = a.firstName; }
  if ("lastName" in a) { if (!optionalString(a.lastName)) return BAD; out.lastName = a.lastName; }
  if ("street" in a) { if (!optionalString(a.street)) return BAD; out.street = a.street; }
  if ("houseNumber" in a) { if (!optionalString(a.houseNumber)) return BAD; out.houseNumber = a.houseNumber; }
  if ("addressLine2" in a) { if (!optionalString(a.addressLine2)) return BAD; out.addressLine2 = a.addressLine2; }
  if ("zipcode" in a) { if (!optionalString(a.zipcode)) return BAD; out.zipcode = a.zipcode; }
  if ("city" in a) { if (!optionalString(a.city)) return BAD; out.city = a.city; }
  if ("country" in a) { if (a.country !== undefined && !isCountry(a.country)) return BAD; out.country = a.country; }
  if ("phone" in a) { if (!optionalString(a.phone)) return BAD; out.phone = a.phone; }
  return out;
}

function readLine(l: unknown): Output | typeof BAD {
  if (!isObject(l)) return BAD;
  const kind = l.kind;
  if (!isString(kind) || !lineKinds.has(kind)) return BAD;
  const out: Output = { kind };
  if ("code" in l) { if (!optionalString(l.code)) return BAD; out.code = l.code; }
  if (!isString(l.description)) return BAD;
  out.description = l.description;
  if (!isAmount(l.quantity) || !isAmount(l.vatRate) || !isAmount(l.unitPriceExcl) || !isAmount(l.unitPriceIncl)) return BAD;
  out.quantity = l.quantity;
  out.vatRate = l.vatRate;
  out.unitPriceExcl = l.unitPriceExcl;
  out.unitPriceIncl = l.unitPriceIncl;
  // amount.default("0"): undefined becomes "0", anything else must be an amount.
  const discountExcl = l.discountExcl === undefined ? "0" : l.discountExcl;
  const discountIncl = l.discountIncl === undefined ? "0" : l.discountIncl;
  if (!isAmount(discountExcl) || !isAmount(discountIncl)) return BAD;
  out.discountExcl = discountExcl;
  out.discountIncl = discountIncl;
  if (!isAmount(l.totalExcl) || !isAmount(l.totalIncl) || !isAmount(l.vatAmount)) return BAD;
  out.totalExcl = l.totalExcl;
  out.totalIncl = l.totalIncl;
  out.vatAmount = l.vatAmount;
  return out;
}

function readSource(s: unknown): Output | typeof BAD {
  if (!isObject(s)) return BAD;
  if (!isString(s.system) || !isString(s.id) || !isString(s.number)) return BAD;
  const out: Output = { system: s.system, id: s.id, number: s.number };
  if ("orderId" in s) { if (!optionalString(s.orderId)) return BAD; out.orderId = s.orderId; }
  if ("orderNumber" in s) { if (!optionalString(s.orderNumber)) return BAD; out.orderNumber = s.orderNumber; }
  if ("invoiceNumber" in s) { if (!optionalString(s.invoiceNumber)) return BAD; out.invoiceNumber = s.invoiceNumber; }
  if ("affiliate" in s) { if (!optionalString(s.affiliate)) return BAD; out.affiliate = s.affiliate; }
  return out;
}

function readCustomer(c: unknown): Output | typeof BAD {
  if (!isObject(c)) return BAD;
  const out: Output = {};
  if ("email" in c) { if (!optionalString(c.email)) return BAD; out.email = c.email; }
  if ("vatNumber" in c) { if (!optionalString(c.vatNumber)) return BAD; out.vatNumber = c.vatNumber; }
  if ("coc" in c) { if (!optionalString(c.coc)) return BAD; out.coc = c.coc; }
  const billing = readAddress(c.billing);
  if (billing === BAD) return BAD;
  out.billing = billing;
  if ("delivery" in c) {
    const delivery = c.delivery === undefined ? undefined : readAddress(c.delivery);
    if (delivery === BAD) return BAD;
    out.delivery = delivery;
  }
  return out;
}

function readPaymentMethod(p: unknown): Output | typeof BAD {
  if (!isObject(p)) return BAD;
  const out: Output = {};
  if ("raw" in p) { if (!optionalString(p.raw)) return BAD; out.raw = p.raw; }
  if ("id" in p) { if (!optionalString(p.id)) return BAD; out.id = p.id; }
  if (!isString(p.classification) || !paymentClasses.has(p.classification)) return BAD;
  out.classification = p.classification;
  return out;
}

function readTotals(t: unknown): Output | typeof BAD {
  if (!isObject(t)) return BAD;
  if (!isAmount(t.excl) || !isAmount(t.incl) || !isAmount(t.vat)) return BAD;
  const out: Output = { excl: t.excl, incl: t.incl, vat: t.vat };
  if ("vatPerRate" in t) {
    const perRate = t.vatPerRate;
    if (perRate === undefined) out.vatPerRate = undefined;
    else {
      if (!Array.isArray(perRate)) return BAD;
      const rows: Output[] = [];
      for (let i = 0; i < perRate.length; i++) {
        const row: unknown = perRate[i];
        if (!isObject(row) || !isAmount(row.rate) || !isAmount(row.vat)) return BAD;
        rows.push({ rate: row.rate, vat: row.vat });
      }
      out.vatPerRate = rows;
    }
  }
  return out;
}

/** The document zod would return, or undefined when zod must decide (the input is not valid). Exported for the test. */
export function readSalesDocument(d: unknown): SalesDocument | undefined {
  if (!isObject(d)) return undefined;
  const kind = d.kind;
  if (!isString(kind) || !documentKinds.has(kind)) return undefined;
  const source = readSource(d.source);
  if (source === BAD) return undefined;
  const out: Output = { kind, source };
  if (!isString(d.date) || !isoDate.test(d.date)) return undefined;
  out.date = d.date;
  if (!isString(d.currency) || !currencyCode.test(d.currency)) return undefined;
  out.currency = d.currency;
  if (!isCountry(d.shopCountry)) return undefined;
  out.shopCountry = d.shopCountry;
  if ("deliveryCountry" in d) { if (d.deliveryCountry !== undefined && !isCountry(d.deliveryCountry)) return undefined; out.deliveryCountry = d.deliveryCountry; }
  if (typeof d.pricesIncludeVat !== "boolean" || typeof d.icp !== "boolean" || typeof d.international !== "boolean") return undefined;
  out.pricesIncludeVat = d.pricesIncludeVat;
  out.icp = d.icp;
  out.international = d.international;
  // z.boolean().default(false)
  const marginScheme = d.marginScheme === undefined ? false : d.marginScheme;
  if (typeof marginScheme !== "boolean") return undefined;
  out.marginScheme = marginScheme;
  if ("paid" in d) { if (d.paid !== undefined && typeof d.paid !== "boolean") return undefined; out.paid = d.paid; }
  const customer = readCustomer(d.customer);
  if (customer === BAD) return undefined;
  out.customer = customer;
  const paymentMethod = readPaymentMethod(d.paymentMethod);
  if (paymentMethod === BAD) return undefined;
  out.paymentMethod = paymentMethod;
  const lines = d.lines;
  if (!Array.isArray(lines) || lines.length < 1) return undefined;
  const readLines: Output[] = [];
  // By index, as zod reads an array: a hole is an undefined line, which is refused.
  for (let i = 0; i < lines.length; i++) {
    const line = readLine(lines[i]);
    if (line === BAD) return undefined;
    readLines.push(line);
  }
  out.lines = readLines;
  const totals = readTotals(d.totals);
  if (totals === BAD) return undefined;
  out.totals = totals;
  if (d.creditFactor !== 1 && d.creditFactor !== -1) return undefined;
  out.creditFactor = d.creditFactor;
  return out as SalesDocument;
}
