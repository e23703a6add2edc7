import { z } from "zod";
import { ConnectorError } from "../types";

/**
 * The CCV Shop payloads we read (webshop-apis.md §2.4–2.5), only the fields the mapping uses.
 * CCV sends amounts as JSON numbers; they stay `number | string` here and become Decimal through
 * `money()` in map.ts, never through arithmetic on numbers.
 */
const amount = z.union([z.number(), z.string()]).nullish();
const id = z.union([z.number(), z.string().min(1)]).transform(String);
const text = z.string().nullish();
const flag = z.boolean().nullish();
const link = z.object({ href: z.string() }).nullish();

export const addressSchema = z.object({
  first_name: text,
  last_name: text,
  company: text,
  telephone: text,
  mobile: text,
  kvk: text,
  street: text,
  address_line1: text,
  address_line2: text,
  /** The manual's spelling; the API's is address_line2. */
  address_line_2: text,
  housenumber: z.union([z.number(), z.string()]).nullish(),
  housenumber_suffix: text,
  zipcode: text,
  city: text,
  country_code: text,
});
export type CcvAddress = z.infer<typeof addressSchema>;

export const customerSchema = z.object({
  email: text,
  btw: text,
  kvk: text,
  billingaddress: addressSchema.nullish(),
  deliveryaddress: addressSchema.nullish(),
});

/** One order row (`/orders/{id}/orderrows`) or invoice row (`/invoices/{id}/invoicerows`). */
export const rowSchema = z.object({
  id: id.optional(),
  product_type: text,
  product_name: text,
  product_number: z.union([z.string(), z.number()]).nullish(),
  sub_product_number: z.union([z.string(), z.number()]).nullish(),
  count: z.union([z.number(), z.string()]),
  tax: amount,
  selling_price: amount,
  price_without_discount: amount,
  price_with_attributes: amount,
  price_without_discount_with_attributes: amount,
  total_price: amount,
});
export type CcvRow = z.infer<typeof rowSchema>;

/** Header fields orders and invoices share. */
const documentFields = {
  id,
  create_date: z.string().min(1),
  currency: text,
  taxes_included: flag,
  is_intra_community_order: flag,
  shipping_tax_percentage: amount,
  total_shipping: amount,
  total_price: amount,
  total_tax: amount,
  paymethod_costs: amount,
  extra_payment_option_price: amount,
  extra_costs: amount,
  extra_costs_description: text,
  credit_point_discount: amount,
  paymethod: text,
  paymethod_id: z.union([z.number(), z.string()]).nullish(),
  transaction_id: z.union([z.string(), z.number()]).nullish(),
  customer: customerSchema.nullish(),
  /** The manual's field names, in case a shop version puts them on the document. */
  email: text,
  vatnumber: text,
};

export const orderSchema = z.object({
  ...documentFields,
  ordernumber: z.union([z.number(), z.string()]).nullish(),
  ordernumber_full: text,
  status: z.union([z.number(), z.string()]).nullish(),
  is_completed: flag,
  paid: flag,
  order_row_taxes_included: flag,
  /** Embedded by fetchDocument from GET /orders/{id}/orderrows. */
  orderrows: z.array(rowSchema),
});
export type CcvOrder = z.infer<typeof orderSchema>;

export const invoiceSchema = z.object({
  ...documentFields,
  invoicenumber: z.union([z.number(), z.string()]).nullish(),
  invoicenumber_full: text,
  ordernumber_full: text,
  status: z.union([z.number(), z.string()]).nullish(),
  type: z.enum(["debit", "credit"]).nullish(),
  invoice_row_taxes_included: flag,
  /** Link to the order, e.g. https://shop/api/rest/v1/orders/123 (the manual takes the order id from it). */
  order: z.union([z.string(), link]).nullish(),
  /** Embedded by fetchDocument from GET /invoices/{id}/invoicerows. */
  invoicerows: z.array(rowSchema),
  /** The invoice's order, embedded by fetchDocument when the invoice lacks the payment method. */
  linked_order: z.object({ paymethod: text, paymethod_id: z.union([z.number(), z.string()]).nullish(), transaction_id: z.union([z.string(), z.number()]).nullish(), customer: customerSchema.nullish() }).nullish(),
});
export type CcvInvoice = z.infer<typeof invoiceSchema>;

/** A collection page (§2.3). */
export const pageSchema = z.object({
  items: z.array(z.unknown()).default([]),
  next: z.string().nullish(),
});

/** A webhook resource (§2.7); `key` is the per-webhook secret. */
export const webhookSchema = z.object({
  id: id,
  event: z.string(),
  address: z.string(),
  key: z.string().nullish(),
  is_active: z.boolean().nullish(),
});
export type CcvWebhook = z.infer<typeof webhookSchema>;

export const appSchema = z.object({ id, is_installed: z.boolean().nullish() });

/** Parses or throws ConnectorError("invalid_payload") naming the first bad field. */
export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "(body)";
  throw new ConnectorError(
    "invalid_payload",
    `The CCV Shop ${what} has an unexpected field "${field}": ${issue?.message ?? "invalid"}.`,
    false,
  );
}
