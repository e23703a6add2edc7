import { z } from "zod";

/**
 * The REST API's JSON, only the fields we read (reference §2.A, the spec's models). Ids are
 * integers; amounts are JSON numbers and are read as their decimal text, never as floats we compute with.
 */
const id = z.number().int();
const text = z.string().nullish().transform((v) => v ?? undefined);
/** A JSON number as decimal text (JSON.parse gives the shortest exact text back through String()). */
const amount = z.number().nullish().transform((v) => (v === null || v === undefined ? undefined : String(v)));

export const sessionSchema = z.object({ token: z.string().min(1), expiresIn: z.number().int().positive() });

export const errorSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  code: z.string().nullish(),
  propertyName: z.string().nullish(),
  message: z.string().nullish(),
  errors: z.array(z.string()).nullish(),
  securityType: z.number().nullish(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), count: z.number().int().nonnegative() });

export const administrationSchema = z.object({ guid: z.unknown().transform((v) => String(v ?? "")), company: text });
export const relationListItemSchema = z.object({ id, type: text, code: text });
export const ledgerSchema = z.object({ id, code: z.string(), description: text, category: text, group: text });
export const templateSchema = z.object({ id, name: z.string(), active: z.boolean().nullish(), type: text });
export const productSchema = z.object({ id, code: text, description: text, active: z.boolean().nullish() });
export const createdSchema = z.object({ id });
export const createdRelationSchema = z.object({ id, code: text });
export const createdInvoiceSchema = z.object({ id, invoiceNumber: text });

export const mutationListItemSchema = z.object({ id, type: z.union([z.number(), z.string()]).transform(Number), date: z.unknown(), invoiceNumber: text, ledgerId: id.nullish(), amount, entryNumber: text });
export const mutationSchema = z.object({
  id,
  type: z.union([z.number(), z.string()]).transform(Number),
  date: text,
  invoiceNumber: text,
  relationId: id.nullish(),
  inExVat: text,
  rows: z.array(z.object({ amount, vatAmount: amount, vatCode: text, ledgerId: id.nullish() })).nullish().transform((v) => v ?? []),
});

export const invoiceListItemSchema = z.object({ id, invoiceNumber: text, relationId: id.nullish(), date: z.unknown(), reference: text, totalAmount: amount });
export const outstandingSchema = z.object({ mutationId: id.nullish(), invoiceNumber: text, relationId: id.nullish(), relationCode: text, totalAmount: amount, paidAmount: amount, outstandingAmount: amount });

export type Ledger = z.infer<typeof ledgerSchema>;
