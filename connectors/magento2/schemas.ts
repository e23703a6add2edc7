import { z } from "zod";
import { ConnectorError } from "../types";

/**
 * The Magento 2 REST JSON this connector reads (webshop-apis.md §1.7–1.9, 1.12): only the fields
 * used, lenient where Magento is loose (numbers may arrive as strings, optional fields as null).
 * The manual's webshop-side extension fields (payment costs, surcharges, 4-decimal VAT) are read
 * from the document itself or from its extension_attributes.
 */
const amount = z.union([z.number(), z.string()]).nullish();
const id = z.union([z.number(), z.string()]).transform(String);
const text = z.string().nullish();

/** The manual's "programmed on the webshop side" fields; the 4-decimal VAT workaround lives here too. */
const extensionAttributes = z.looseObject({
  tax_amount4_decimals: amount,
  base_row_total4_decimals: amount,
}).nullish();

export const itemSchema = z.looseObject({
  entity_id: id.nullish(),
  order_item_id: id.nullish(),
  sku: text,
  name: text,
  qty: amount,
  base_price: amount,
  base_price_incl_tax: amount,
  base_row_total: amount,
  base_row_total_incl_tax: amount,
  base_tax_amount: amount,
  base_discount_amount: amount,
  base_discount_tax_compensation_amount: amount,
  extension_attributes: extensionAttributes,
});
export type MagentoItem = z.infer<typeof itemSchema>;

/** Fields invoices and credit memos share (the same base_/order-currency pattern). */
const salesDocumentFields = {
  entity_id: id,
  increment_id: text,
  order_id: id,
  created_at: z.string().min(1),
  updated_at: text,
  state: z.union([z.number(), z.string()]).nullish(),
  base_currency_code: text,
  base_grand_total: z.union([z.number(), z.string()]),
  base_tax_amount: amount,
  base_subtotal: amount,
  base_subtotal_incl_tax: amount,
  base_shipping_amount: amount,
  base_shipping_incl_tax: amount,
  base_shipping_tax_amount: amount,
  base_shipping_discount_tax_compensation_amnt: amount,
  base_discount_amount: amount,
  base_discount_tax_compensation_amount: amount,
  items: z.array(itemSchema),
  extension_attributes: z.looseObject({}).nullish(),
};

export const invoiceSchema = z.looseObject(salesDocumentFields);
export const creditmemoSchema = z.looseObject({
  ...salesDocumentFields,
  invoice_id: id.nullish(),
  base_adjustment_positive: amount,
  base_adjustment_negative: amount,
});
export type MagentoInvoice = z.infer<typeof invoiceSchema>;
export type MagentoCreditmemo = z.infer<typeof creditmemoSchema>;

export const addressSchema = z.looseObject({
  firstname: text,
  lastname: text,
  company: text,
  street: z.union([z.array(z.string()), z.string()]).nullish(),
  postcode: text,
  city: text,
  country_id: text,
  telephone: text,
  vat_id: text,
  email: text,
});
export type MagentoAddress = z.infer<typeof addressSchema>;

export const orderSchema = z.looseObject({
  entity_id: id,
  increment_id: text,
  customer_email: text,
  customer_firstname: text,
  customer_lastname: text,
  customer_taxvat: text,
  billing_address: addressSchema.nullish(),
  payment: z.looseObject({ method: text, entity_id: id.nullish(), additional_information: z.array(z.unknown()).nullish() }).nullish(),
  items: z.array(z.looseObject({ item_id: id.nullish(), parent_item_id: id.nullish(), product_type: text, tax_percent: amount, sku: text })).nullish(),
  extension_attributes: z.looseObject({
    payment_additional_info: z.array(z.looseObject({ key: z.string(), value: z.unknown() })).nullish(),
    shipping_assignments: z.array(z.looseObject({ shipping: z.looseObject({ address: addressSchema.nullish() }).nullish() })).nullish(),
  }).nullish(),
});
export type MagentoOrder = z.infer<typeof orderSchema>;

/** `GET /V1/invoices|creditmemos|orders?searchCriteria…`: the items and the total that ends paging. */
export const listSchema = z.looseObject({
  items: z.array(z.unknown()).nullish().transform((items) => items ?? []),
  total_count: z.number().int().nonnegative(),
});

/** What the poller lists (the projection asked for with `fields=`). */
export const listedSchema = z.looseObject({ entity_id: id, created_at: z.string().min(1) });

/** Magento's error body: {"message": "…%1…", "parameters": [...] | {name: value}}. */
export const errorSchema = z.looseObject({
  message: z.string(),
  parameters: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).nullish(),
});

/** Parses `value` or throws a permanent ConnectorError naming the first field that is wrong. */
export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || "(the whole answer)";
  const missing = issue !== undefined && valueAt(value, issue.path) === undefined;
  throw new ConnectorError(
    "invalid_payload",
    `The Magento ${what} ${missing ? `has no "${field}"` : `has an invalid "${field}": ${issue?.message ?? "not what Magento sends"}`}.`,
    false,
  );
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
