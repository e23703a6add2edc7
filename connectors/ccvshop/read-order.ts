import type { CcvOrder } from "./schemas";

/**
 * `orderSchema` of schemas.ts read directly, field by field: reading an order payload with zod
 * costs about a quarter of normalizing it. The code below mirrors the schema line by line, with
 * the field names written out (a generic loop over keys is no faster than zod); the result is
 * what zod returns (the schema's keys in its order, unknown keys dropped, an optional key only
 * when present, ids as strings). Undefined whenever anything does not fit, and the caller then
 * asks zod, which names the bad field. read-order.test.ts compares both on generated payloads.
 */
export function readOrder(value: unknown): CcvOrder | undefined {
  const order = isObject(value) ? readOrderFields(value) : BAD;
  return order === BAD ? undefined : (order as CcvOrder);
}

/** A field that does not fit (a unique value: no payload value can be mistaken for it). */
const BAD = Symbol("bad");
type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const isObject = (value: unknown): value is Input => typeof value === "object" && value !== null && !Array.isArray(value);

// The schema's building blocks (zod's z.number() refuses NaN and ±Infinity).
const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const nullish = (v: unknown) => v === null || v === undefined;
/** z.union([z.number(), z.string()]) (and the same with the string first). */
const numberOrString = (v: unknown) => isNumber(v) || typeof v === "string";
/** amount, and every `z.union([z.number(), z.string()]).nullish()`. */
const amount = (v: unknown) => nullish(v) || numberOrString(v);
/** text: z.string().nullish() */
const text = (v: unknown) => nullish(v) || typeof v === "string";
/** flag: z.boolean().nullish() */
const flag = (v: unknown) => nullish(v) || typeof v === "boolean";
/** id before its .transform(String): z.union([z.number(), z.string().min(1)]) */
const isId = (v: unknown) => isNumber(v) || (typeof v === "string" && v.length >= 1);
const nonEmptyString = (v: unknown) => typeof v === "string" && v.length >= 1;

/** addressSchema */
function readAddress(a: unknown): Output | typeof BAD {
  if (!isObject(a)) return BAD;
  const out: Output = {};
  if ("first_name" in a) { if (!text(a.first_name)) return BAD; out.first_name = a.first_name; }
  if ("last_name" in a) { if (!text(a.last_name)) return BAD; out.last_name = a.last_name; }
  if ("company" in a) { if (!text(a.company)) return BAD; out.company = a.company; }
  if ("telephone" in a) { if (!text(a.telephone)) return BAD; out.telephone = a.telephone; }
  if ("mobile" in a) { if (!text(a.mobile)) return BAD; out.mobile = a.mobile; }
  if ("kvk" in a) { if (!text(a.kvk)) return BAD; out.kvk = a.kvk; }
  if ("street" in a) { if (!text(a.street)) return BAD; out.street = a.street; }
  if ("address_line1" in a) { if (!text(a.address_line1)) return BAD; out.address_line1 = a.address_line1; }
  if ("address_line2" in a) { if (!text(a.address_line2)) return BAD; out.address_line2 = a.address_line2; }
  if ("address_line_2" in a) { if (!text(a.address_line_2)) return BAD; out.address_line_2 = a.address_line_2; }
  if ("housenumber" in a) { if (!amount(a.housenumber)) return BAD; out.housenumber = a.housenumber; }
  if ("housenumber_suffix" in a) { if (!text(a.housenumber_suffix)) return BAD; out.housenumber_suffix = a.housenumber_suffix; }
  if ("zipcode" in a) { if (!text(a.zipcode)) return BAD; out.zipcode = a.zipcode; }
  if ("city" in a) { if (!text(a.city)) return BAD; out.city = a.city; }
  if ("country_code" in a) { if (!text(a.country_code)) return BAD; out.country_code = a.country_code; }
  return out;
}

/** customerSchema */
function readCustomer(c: unknown): Output | typeof BAD {
  if (!isObject(c)) return BAD;
  const out: Output = {};
  if ("email" in c) { if (!text(c.email)) return BAD; out.email = c.email; }
  if ("btw" in c) { if (!text(c.btw)) return BAD; out.btw = c.btw; }
  if ("kvk" in c) { if (!text(c.kvk)) return BAD; out.kvk = c.kvk; }
  if ("billingaddress" in c) { const value = c.billingaddress; const read = nullish(value) ? value : readAddress(value); if (read === BAD) return BAD; out.billingaddress = read; }
  if ("deliveryaddress" in c) { const value = c.deliveryaddress; const read = nullish(value) ? value : readAddress(value); if (read === BAD) return BAD; out.deliveryaddress = read; }
  return out;
}

/** rowSchema */
function readRow(r: unknown): Output | typeof BAD {
  if (!isObject(r)) return BAD;
  const out: Output = {};
  if ("id" in r) { const value = r.id; if (value !== undefined && !isId(value)) return BAD; out.id = value === undefined ? value : String(value); }
  if ("product_type" in r) { if (!text(r.product_type)) return BAD; out.product_type = r.product_type; }
  if ("product_name" in r) { if (!text(r.product_name)) return BAD; out.product_name = r.product_name; }
  if ("product_number" in r) { if (!amount(r.product_number)) return BAD; out.product_number = r.product_number; }
  if ("sub_product_number" in r) { if (!amount(r.sub_product_number)) return BAD; out.sub_product_number = r.sub_product_number; }
  if (!numberOrString(r.count)) return BAD;
  out.count = r.count;
  if ("tax" in r) { if (!amount(r.tax)) return BAD; out.tax = r.tax; }
  if ("selling_price" in r) { if (!amount(r.selling_price)) return BAD; out.selling_price = r.selling_price; }
  if ("price_without_discount" in r) { if (!amount(r.price_without_discount)) return BAD; out.price_without_discount = r.price_without_discount; }
  if ("price_with_attributes" in r) { if (!amount(r.price_with_attributes)) return BAD; out.price_with_attributes = r.price_with_attributes; }
  if ("price_without_discount_with_attributes" in r) { if (!amount(r.price_without_discount_with_attributes)) return BAD; out.price_without_discount_with_attributes = r.price_without_discount_with_attributes; }
  if ("total_price" in r) { if (!amount(r.total_price)) return BAD; out.total_price = r.total_price; }
  return out;
}

/** z.array(rowSchema), by index as zod reads it: a hole is an undefined row, which is refused. */
function readRows(value: unknown): Output[] | typeof BAD {
  if (!Array.isArray(value)) return BAD;
  const out: Output[] = [];
  for (let i = 0; i < value.length; i++) {
    const row = readRow(value[i]);
    if (row === BAD) return BAD;
    out.push(row);
  }
  return out;
}

/** documentFields, then the order's own, in the schema's order. */
function readOrderFields(o: Input): Output | typeof BAD {
  const out: Output = {};
  if (!isId(o.id)) return BAD;
  out.id = String(o.id);
  if (!nonEmptyString(o.create_date)) return BAD;
  out.create_date = o.create_date;
  if ("currency" in o) { if (!text(o.currency)) return BAD; out.currency = o.currency; }
  if ("taxes_included" in o) { if (!flag(o.taxes_included)) return BAD; out.taxes_included = o.taxes_included; }
  if ("is_intra_community_order" in o) { if (!flag(o.is_intra_community_order)) return BAD; out.is_intra_community_order = o.is_intra_community_order; }
  if ("shipping_tax_percentage" in o) { if (!amount(o.shipping_tax_percentage)) return BAD; out.shipping_tax_percentage = o.shipping_tax_percentage; }
  if ("total_shipping" in o) { if (!amount(o.total_shipping)) return BAD; out.total_shipping = o.total_shipping; }
  if ("total_price" in o) { if (!amount(o.total_price)) return BAD; out.total_price = o.total_price; }
  if ("total_tax" in o) { if (!amount(o.total_tax)) return BAD; out.total_tax = o.total_tax; }
  if ("paymethod_costs" in o) { if (!amount(o.paymethod_costs)) return BAD; out.paymethod_costs = o.paymethod_costs; }
  if ("extra_payment_option_price" in o) { if (!amount(o.extra_payment_option_price)) return BAD; out.extra_payment_option_price = o.extra_payment_option_price; }
  if ("extra_costs" in o) { if (!amount(o.extra_costs)) return BAD; out.extra_costs = o.extra_costs; }
  if ("extra_costs_description" in o) { if (!text(o.extra_costs_description)) return BAD; out.extra_costs_description = o.extra_costs_description; }
  if ("credit_point_discount" in o) { if (!amount(o.credit_point_discount)) return BAD; out.credit_point_discount = o.credit_point_discount; }
  if ("paymethod" in o) { if (!text(o.paymethod)) return BAD; out.paymethod = o.paymethod; }
  if ("paymethod_id" in o) { if (!amount(o.paymethod_id)) return BAD; out.paymethod_id = o.paymethod_id; }
  if ("transaction_id" in o) { if (!amount(o.transaction_id)) return BAD; out.transaction_id = o.transaction_id; }
  if ("customer" in o) { const value = o.customer; const read = nullish(value) ? value : readCustomer(value); if (read === BAD) return BAD; out.customer = read; }
  if ("email" in o) { if (!text(o.email)) return BAD; out.email = o.email; }
  if ("vatnumber" in o) { if (!text(o.vatnumber)) return BAD; out.vatnumber = o.vatnumber; }
  if ("ordernumber" in o) { if (!amount(o.ordernumber)) return BAD; out.ordernumber = o.ordernumber; }
  if ("ordernumber_full" in o) { if (!text(o.ordernumber_full)) return BAD; out.ordernumber_full = o.ordernumber_full; }
  if ("status" in o) { if (!amount(o.status)) return BAD; out.status = o.status; }
  if ("is_completed" in o) { if (!flag(o.is_completed)) return BAD; out.is_completed = o.is_completed; }
  if ("paid" in o) { if (!flag(o.paid)) return BAD; out.paid = o.paid; }
  if ("order_row_taxes_included" in o) { if (!flag(o.order_row_taxes_included)) return BAD; out.order_row_taxes_included = o.order_row_taxes_included; }
  const rows = readRows(o.orderrows);
  if (rows === BAD) return BAD;
  out.orderrows = rows;
  return out;
}
