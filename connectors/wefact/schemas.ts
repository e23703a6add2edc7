import { z } from "zod";

/**
 * WeFact API v2 answers, only the fields we read. WeFact is loose with types: ids, enums and
 * amounts arrive as strings or as numbers, so they are read as strings either way (amounts are
 * parsed into Decimal where used, never through a JS number).
 */
const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** Every answer: `status` says success or error; HTTP is 200 either way. */
export const envelopeSchema = z.looseObject({
  controller: z.string().optional(),
  action: z.string().optional(),
  status: z.enum(["success", "error"]),
  date: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
  warning: z.array(z.unknown()).optional(),
  totalresults: optionalText,
  currentresults: optionalText,
  offset: optionalText,
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const debtorSchema = z.looseObject({
  Identifier: text,
  DebtorCode: optionalText,
  CompanyName: optionalText,
  SurName: optionalText,
  EmailAddress: optionalText,
});
export type Debtor = z.infer<typeof debtorSchema>;

export const productSchema = z.looseObject({
  Identifier: text,
  ProductCode: text,
  ProductName: optionalText,
});
export type Product = z.infer<typeof productSchema>;

export const invoiceSchema = z.looseObject({
  Identifier: text,
  InvoiceCode: optionalText,
  Status: optionalText,
  Sent: optionalText,
  ReferenceNumber: optionalText,
  Comment: optionalText,
  AmountExcl: optionalText,
  AmountTax: optionalText,
  AmountIncl: optionalText,
  AmountPaid: optionalText,
  AmountOutstanding: optionalText,
});
export type Invoice = z.infer<typeof invoiceSchema>;

const taxCodeSchema = z.looseObject({ TaxCode: text, Name: optionalText, Rate: optionalText, IsDefault: optionalText });
/** PHP arrays come back as JSON objects when keyed, as arrays when not: accept both. */
const listOrMap = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), z.record(z.string(), item)]).transform((v) => (Array.isArray(v) ? v : Object.values(v)) as z.infer<T>[]);

export const corporateIdentitySchema = z.looseObject({ LanguageCode: text, Name: optionalText, Default: optionalText });

export const settingsSchema = z.looseObject({
  CorporateIdentity: listOrMap(corporateIdentitySchema).optional().default([]),
  Tax: z.looseObject({
    Codes: z.looseObject({ Sale: listOrMap(taxCodeSchema).optional().default([]) }).optional(),
  }).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;
export type TaxCode = z.infer<typeof taxCodeSchema>;
