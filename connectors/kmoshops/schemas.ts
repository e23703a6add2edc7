import { z } from "zod";
import { ConnectorError } from "../types";

/**
 * OUR ASSUMED KMO SHOPS JSON (with contract.ts, the one place to correct against the partner
 * documentation). Field names follow the bracketed names of the webwinkelfacturen manual
 * ([firstname], [address1], [house_number], [telnr], [vatnumber], [priceincltax] …), the only
 * public trace of KMO's data. Amounts are decimal strings ("249.00"); numbers are accepted too and
 * go through `money()`, never through arithmetic on numbers. Lenient: unknown fields are kept,
 * optional ones may be null.
 */
const amount = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.number(), z.string().min(1)]).transform(String);
const text = z.string().nullish();

/** [firstname] [lastname] [company] [address1] [address2] [house_number] [zipcode] [city] [country] [countryname] [telnr] [mobile]. */
export const addressSchema = z.looseObject({
  firstname: text,
  lastname: text,
  company: text,
  address1: text,
  address2: text,
  house_number: z.union([z.string(), z.number()]).nullish(),
  zipcode: text,
  city: text,
  /** An ISO code (2 or 3 letters, "BE" / "BEL") or a name ("België"); the manual then reads [countryname]. */
  country: text,
  countryname: text,
  telnr: text,
  mobile: text,
  email: text,
  vatnumber: text,
});
export type KmoAddress = z.infer<typeof addressSchema>;

export const customerSchema = z.looseObject({
  id: id.nullish(),
  email: text,
  firstname: text,
  lastname: text,
  company: text,
  vatnumber: text,
  telnr: text,
  mobile: text,
});

export const lineSchema = z.looseObject({
  id: id.nullish(),
  /** product (default), discount, payment_fee, surcharge (contract.ts LINE_TYPES). */
  type: text,
  sku: z.union([z.string(), z.number()]).nullish(),
  name: text,
  quantity: z.union([z.string(), z.number()]),
  /** Unit prices after discount. [priceincltax] present = the shop works incl. VAT (the manual's tax_type "intax"). */
  priceincltax: amount,
  priceexcltax: amount,
  /** VAT percentage, e.g. "21.00". */
  tax_rate: amount,
});
export type KmoLine = z.infer<typeof lineSchema>;

export const shippingSchema = z.looseObject({
  name: text,
  priceincltax: amount,
  priceexcltax: amount,
  tax_rate: amount,
});

/** A refund as listed on its order. */
export const refundRefSchema = z.looseObject({ id, amount: amount, created_at: text });

export const orderSchema = z.looseObject({
  id,
  order_number: z.union([z.string(), z.number()]).nullish(),
  created_at: z.string().min(1),
  updated_at: text,
  status: text,
  payment_status: text,
  payment_method: z.looseObject({ code: text, name: text }).nullish(),
  currency: text,
  prices_include_tax: z.boolean().nullish(),
  customer: customerSchema.nullish(),
  billing_address: addressSchema.nullish(),
  shipping_address: addressSchema.nullish(),
  lines: z.array(lineSchema),
  shipping: shippingSchema.nullish(),
  total_excl: amount,
  total_tax: amount,
  total_incl: amount,
  refunds: z.array(refundRefSchema).nullish(),
});
export type KmoOrder = z.infer<typeof orderSchema>;

/** GET /refunds/{id}. `amount` is what was paid back, incl. VAT. */
export const refundSchema = z.looseObject({
  id,
  order_id: id,
  order_number: z.union([z.string(), z.number()]).nullish(),
  created_at: z.string().min(1),
  amount: amount,
  currency: text,
  reason: text,
});
export type KmoRefund = z.infer<typeof refundSchema>;

/** What the poll reads of a listed order. */
export const listedOrderSchema = z.looseObject({
  id,
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  refunds: z.array(z.looseObject({ id })).nullish(),
});

/** GET /orders: `{"data": [...], "next_page_token": "…" | null}`. */
export const orderPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  next_page_token: z.string().nullish(),
});

export const shopSchema = z.looseObject({ id, name: text, country: text, currency: text });

export const webhookSchema = z.looseObject({ id, topic: z.string(), address: z.string() });
export type KmoWebhook = z.infer<typeof webhookSchema>;
export const webhookListSchema = z.looseObject({ data: z.array(webhookSchema) });

/** A webhook delivery: the order it concerns, with its refunds' ids (a refund is an order change). */
export const webhookBodySchema = z.looseObject({
  id: text,
  topic: z.string(),
  shop_id: z.union([z.string(), z.number()]).nullish(),
  created_at: text,
  order: z.looseObject({
    id,
    order_number: z.union([z.string(), z.number()]).nullish(),
    status: text,
    payment_status: text,
    updated_at: text,
    refunds: z.array(z.looseObject({ id })).nullish(),
  }),
});
export type KmoWebhookBody = z.infer<typeof webhookBodySchema>;

/** The install handshake KMO POSTs to our handshake URL. */
export const handshakeSchema = z.looseObject({
  shop_id: z.union([z.string().min(1), z.number()]).transform(String),
  shop_name: text,
  /** The shop's API root, e.g. https://acme.kmoshops.be; apiPaths follow it. */
  api_root: z.url(),
  api_key: z.string().min(1),
  /** Per-installation secret that signs webhook deliveries. */
  webhook_secret: z.string().min(1),
  /** Passed through from the install link our wizard built; null when the merchant started in the shop backend. */
  state: text,
  /** The shop backend's app page, to send the merchant back to. */
  return_url: z.url().nullish(),
});

export const uninstallSchema = z.looseObject({ shop_id: z.union([z.string().min(1), z.number()]).transform(String) });

/** The error body of contract.ts ERROR_CODES. */
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Parses or throws ConnectorError("invalid_payload") naming the first bad field. */
export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "(body)";
  throw new ConnectorError("invalid_payload", `The KMO Shops ${what} has an unexpected field "${field}": ${issue?.message ?? "invalid"}.`, false);
}
