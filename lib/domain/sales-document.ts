import { z } from "zod";
import { decimalString } from "./money";

/**
 * The one normalized model of an order, invoice or credit note, whatever shop it came from.
 * Source connectors map into it (connectors/<shop>/map.ts); target connectors map out of it.
 * Amounts are decimal strings (parse with `money()`); a credit document carries negative
 * amounts and creditFactor -1.
 */
const amount = z.string().regex(decimalString, "must be a decimal string");
const country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");

export const addressSchema = z.object({
  company: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  street: z.string().optional(),
  houseNumber: z.string().optional(),
  addressLine2: z.string().optional(),
  zipcode: z.string().optional(),
  city: z.string().optional(),
  country: country.optional(),
  phone: z.string().optional(),
});

export const lineKindSchema = z.enum(["product", "shipping", "payment", "surcharge", "discount"]);

export const salesLineSchema = z.object({
  kind: lineKindSchema,
  /** Product code (SKU) as the shop gives it; absent for cost lines. */
  code: z.string().optional(),
  description: z.string(),
  quantity: amount,
  /** VAT percentage, e.g. "21" or "9". */
  vatRate: amount,
  unitPriceExcl: amount,
  unitPriceIncl: amount,
  /** Discount on this line (all units), excl. and incl. VAT; positive = price reduction. */
  discountExcl: amount.default("0"),
  discountIncl: amount.default("0"),
  /** Line totals after discount, rounded to cents. */
  totalExcl: amount,
  totalIncl: amount,
  vatAmount: amount,
});

export const paymentMethodClassSchema = z.enum(["banktransfer", "ideal", "paypal", "afterpay", "mistercash", "creditcard", "default"]);

export const salesDocumentSchema = z.object({
  kind: z.enum(["order", "invoice", "creditnote"]),
  source: z.object({
    system: z.string(),
    id: z.string(),
    /** The number the merchant knows (order number, invoice number). */
    number: z.string(),
    orderId: z.string().optional(),
    orderNumber: z.string().optional(),
    invoiceNumber: z.string().optional(),
    /** Affiliate / sales channel the shop attributes the document to (Magento: channel_id). */
    affiliate: z.string().optional(),
  }),
  /** Document (booking) date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  shopCountry: country,
  deliveryCountry: country.optional(),
  /** Whether the shop's amounts were given incl. VAT (affects how cents are reproduced). */
  pricesIncludeVat: z.boolean(),
  /** As the source defines them (see the manual of each source). */
  icp: z.boolean(),
  international: z.boolean(),
  marginScheme: z.boolean().default(false),
  paid: z.boolean().optional(),
  customer: z.object({
    email: z.string().optional(),
    vatNumber: z.string().optional(),
    coc: z.string().optional(),
    billing: addressSchema,
    delivery: addressSchema.optional(),
  }),
  paymentMethod: z.object({
    raw: z.string().optional(),
    id: z.string().optional(),
    classification: paymentMethodClassSchema,
  }),
  lines: z.array(salesLineSchema).min(1),
  totals: z.object({
    excl: amount,
    incl: amount,
    vat: amount,
    /** VAT per rate as the shop reports it, when it does (its own rounding on each rate's total). */
    vatPerRate: z.array(z.object({ rate: amount, vat: amount })).optional(),
  }),
  creditFactor: z.union([z.literal(1), z.literal(-1)]),
});

export type Address = z.infer<typeof addressSchema>;
export type SalesLine = z.infer<typeof salesLineSchema>;
export type SalesDocument = z.infer<typeof salesDocumentSchema>;
export type PaymentMethodClass = z.infer<typeof paymentMethodClassSchema>;
