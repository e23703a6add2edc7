import { z } from "zod";
import { ConnectorError } from "../types";

/**
 * The PrestaShop webservice JSON we read (webshop-apis.md §3.3–3.5), only the fields used.
 * Lenient on purpose: 1.6/1.7 send every scalar as a string, 8.x sends integers as numbers;
 * prices are strings with six decimals either way and become Decimal through `money()`.
 */
const num = z.union([z.number(), z.string()]);
const id = num.transform(String);
/** A reference to another resource; 0 is PrestaShop's "none". */
const optionalId = num.nullish().transform((v) => (v === null || v === undefined || String(v) === "" || String(v) === "0" ? undefined : String(v)));
const amount = num.nullish();
const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? undefined : String(v)));
/** A multilang field: a plain string (one language asked) or [{id, value}]. */
const multilang = z
  .union([z.string(), z.array(z.object({ id: num, value: z.string().nullish() }))])
  .nullish()
  .transform((v) => (Array.isArray(v) ? (v.find((x) => x.value)?.value ?? undefined) : (v ?? undefined)));
const flag = z.union([z.boolean(), num]).nullish().transform((v) => v === true || String(v) === "1");
const idList = z.array(z.object({ id: id })).nullish().transform((v) => v ?? []);

export const orderDetailSchema = z.object({
  id: id,
  id_order: optionalId,
  product_id: optionalId,
  product_attribute_id: optionalId,
  id_customization: optionalId,
  product_name: text,
  product_reference: text,
  product_quantity: num,
  unit_price_tax_incl: amount,
  unit_price_tax_excl: amount,
  total_price_tax_incl: amount,
  total_price_tax_excl: amount,
  associations: z.object({ taxes: idList }).nullish(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const taxSchema = z.object({ id: id, rate: amount, name: multilang });
export type Tax = z.infer<typeof taxSchema>;

export const addressSchema = z.object({
  id: id,
  id_customer: optionalId,
  id_country: optionalId,
  company: text,
  firstname: text,
  lastname: text,
  vat_number: text,
  address1: text,
  address2: text,
  postcode: text,
  city: text,
  phone: text,
  phone_mobile: text,
  deleted: flag,
});
export type PsAddress = z.infer<typeof addressSchema>;

export const customerSchema = z.object({ id: id, email: text, firstname: text, lastname: text, company: text });
export const countrySchema = z.object({ id: id, iso_code: z.string().min(2) });
export const productSchema = z.object({ id: id, reference: text });
export const currencySchema = z.object({ id: id, iso_code: z.string().regex(/^[A-Za-z]{3}$/) });

export const orderStateSchema = z.object({
  id: id,
  name: multilang,
  paid: flag,
  invoice: flag,
  logable: flag,
  shipped: flag,
  delivery: flag,
  deleted: flag,
});
export type OrderState = z.infer<typeof orderStateSchema>;

export const orderPaymentSchema = z.object({
  id: id,
  order_reference: text,
  amount: num,
  payment_method: text,
  transaction_id: text,
  date_add: z.string(),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

/** The order head (`/api/orders/{id}`), §3.4. */
export const orderHeadSchema = z.object({
  id: id,
  reference: text,
  id_customer: optionalId,
  id_address_invoice: optionalId,
  id_address_delivery: optionalId,
  id_currency: optionalId,
  current_state: optionalId,
  module: text,
  payment: text,
  invoice_number: text,
  invoice_date: text,
  date_add: z.string(),
  date_upd: text,
  total_discounts_tax_incl: amount,
  total_discounts_tax_excl: amount,
  total_paid_tax_incl: amount,
  total_paid_tax_excl: amount,
  total_products: amount,
  total_products_wt: amount,
  total_shipping_tax_incl: amount,
  total_shipping_tax_excl: amount,
  carrier_tax_rate: amount,
  total_wrapping_tax_incl: amount,
  total_wrapping_tax_excl: amount,
});
export type OrderHead = z.infer<typeof orderHeadSchema>;

/**
 * What fetchDocument stores as the document's payload: the order as PrestaShop sent it, with the
 * related resources it fetched embedded under their own resource names.
 */
export const orderPayloadSchema = orderHeadSchema.extend({
  order_details: z.array(orderDetailSchema),
  taxes: z.array(taxSchema).default([]),
  customer: customerSchema.nullish(),
  addresses: z.array(addressSchema).default([]),
  countries: z.array(countrySchema).default([]),
  products: z.array(productSchema).default([]),
  order_state: orderStateSchema.nullish(),
  order_payments: z.array(orderPaymentSchema).default([]),
  currency: currencySchema.nullish(),
});
export type OrderPayload = z.infer<typeof orderPayloadSchema>;

/** The start of an answer for More info: one too deeply nested to serialize (or none) is described, never thrown on. */
function excerpt(body: unknown): string {
  try {
    return (JSON.stringify(body) ?? String(body)).slice(0, 500);
  } catch {
    return "(an answer nested too deeply to show)";
  }
}

/** A list answer: `{"<resource>": [...]}`, or a bare `[]` when nothing matched (§3.3). */
export function listItems(body: unknown, resource: string): unknown[] {
  if (Array.isArray(body)) {
    if (body.length === 0) return [];
  } else if (body && typeof body === "object") {
    const items = (body as Record<string, unknown>)[resource];
    if (Array.isArray(items)) return items;
  }
  throw new ConnectorError("invalid_response", `PrestaShop's list of ${resource} is not in the webservice's JSON shape ({"${resource}": [...]}).`, false, { body: excerpt(body) });
}

/** A single resource answer: `{"<singular>": {...}}`. */
export function singleItem(body: unknown, singular: string): unknown {
  const item = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[singular] : undefined;
  if (item && typeof item === "object") return item;
  throw new ConnectorError("invalid_response", `PrestaShop's answer has no "${singular}" object.`, false, { body: excerpt(body) });
}

/** Parses or throws ConnectorError("invalid_payload") naming the first bad field. */
export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "(body)";
  throw new ConnectorError("invalid_payload", `The PrestaShop ${what} has a missing or unexpected field "${field}": ${issue?.message ?? "invalid"}.`, false);
}
