import { z } from "zod";

/**
 * The Factuursturen payloads we read, with only the fields we use. The API returns most values
 * stringified ("30", "true", "0.00") and is loose about it, so ids and flags accept either.
 */
const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? undefined : String(v)));
const flag = z.union([z.boolean(), z.string(), z.number()]).nullish().transform((v) => v === true || v === 1 || (typeof v === "string" && /^(true|1|yes)$/i.test(v.trim())));

/** Invoice layouts (GET /profiles). */
export const profileSchema = z.looseObject({ id: text, name: z.string().nullish().transform((v) => v ?? ""), default: flag });

/** The account's VAT rates (GET /taxes): the percentages an invoice line may carry. */
export const taxSchema = z.looseObject({ percentage: text, default: flag });

/** Reference lines, on clients and invoices; an empty reference may come back as "" or []. */
const referenceLines = z.looseObject({ line1: optionalText, line2: optionalText, line3: optionalText });
export const referenceSchema = z
  .union([referenceLines, z.string(), z.array(z.unknown())])
  .nullish()
  .transform((v): z.infer<typeof referenceLines> => (v && typeof v === "object" && !Array.isArray(v) ? v : { line1: undefined, line2: undefined, line3: undefined }));

export const clientSchema = z.looseObject({
  clientnr: text,
  email: optionalText,
  company: optionalText,
  contact: optionalText,
  /** How prices on this customer's invoices are read: incl. (`intax`) or excl. VAT (`extax`). */
  tax_type: z.string().nullish().transform((v) => (v?.trim().toLowerCase() === "intax" ? ("intax" as const) : ("extax" as const))),
});

export const invoiceSchema = z.looseObject({
  id: optionalText,
  invoicenr: optionalText,
  invoicenr_full: optionalText,
  clientnr: optionalText,
  reference: referenceSchema,
  invoicenote: optionalText,
  totalintax: optionalText,
  open: optionalText,
});

/** A saved draft (GET /invoices_saved): no number yet, found again by its save name or reference. */
export const savedInvoiceSchema = z.looseObject({ id: text, savename: optionalText, reference: referenceSchema });

export type SavedInvoice = z.infer<typeof savedInvoiceSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Tax = z.infer<typeof taxSchema>;
export type Client = z.infer<typeof clientSchema>;
export type Invoice = z.infer<typeof invoiceSchema>;
export type TaxType = Client["tax_type"];
