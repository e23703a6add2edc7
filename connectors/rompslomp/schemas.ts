import { z } from "zod";

/**
 * The Rompslomp payloads we read, with only the fields we use. Ids are integers in Rompslomp's
 * JSON and become digit strings here; amounts stay decimal strings ("75.0").
 */
const id = z.number().int().transform(String);
const nullableString = z.string().nullish().transform((v) => v ?? undefined);
const amount = z.string().regex(/^-?\d+(\.\d+)?$/);

export const companySchema = z.object({
  id,
  name: z.string(),
  access_control: z.object({ api_accessible: z.boolean().nullish(), allowed_scopes: z.array(z.string()).nullish() }).nullish(),
});

export const vatTypeSchema = z.object({
  id,
  name: z.string(),
  friendly_name: z.string(),
  /** Rate as a fraction ("0.21"); null for vat_custom. */
  value: amount.nullish().transform((v) => v ?? undefined),
});

export const accountSchema = z.object({
  id,
  name: z.string(),
  path_name: nullableString,
  path: nullableString,
  reference: nullableString,
  type: nullableString,
});

export const templateSchema = z.object({ id, name: z.string(), is_default: z.boolean().nullish().transform((v) => v ?? false) });

export const contactSchema = z.object({
  id,
  name: nullableString,
  contact_person_email_address: nullableString,
  contact_number: nullableString,
});

export const productSchema = z.object({
  id,
  invoice_line: z.object({ product_code: nullableString, description: nullableString }).nullish(),
});

export const salesInvoiceSchema = z.object({
  id,
  status: z.string(),
  invoice_number: nullableString,
  api_reference: nullableString,
  payment_status: nullableString,
  open_amount: amount.nullish().transform((v) => v ?? undefined),
  price_with_vat: amount.nullish().transform((v) => v ?? undefined),
  price_without_vat: amount.nullish().transform((v) => v ?? undefined),
  date: nullableString,
});

export const meSchema = z.object({ first_name: nullableString, last_name: nullableString, email: nullableString });

/** `{"error": {"type": "client.parameters.validation", "message": "Factuur is invalid: …"}}` */
export const apiErrorSchema = z.object({ error: z.object({ type: z.string(), message: z.string().optional() }) });

/** OAuth token endpoint (Doorkeeper). */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
  created_at: z.number().optional(),
});

export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export type Company = z.infer<typeof companySchema>;
export type VatType = z.infer<typeof vatTypeSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Template = z.infer<typeof templateSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Product = z.infer<typeof productSchema>;
export type SalesInvoice = z.infer<typeof salesInvoiceSchema>;
export type Me = z.infer<typeof meSchema>;
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
