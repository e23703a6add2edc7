import { z } from "zod";
import { methodKey } from "../domain/payment-method";
import { fieldsFor, knownFieldNames, type ConfigGroup, type FieldDef } from "./configuration-fields";
import type { FieldValue, MethodAccount } from "./configuration-values";

/**
 * Validation of one group of the Configuration tab. Errors are codes (translated by the tab, see
 * lib/i18n/messages/configuration.ts) with the parameters their message needs, keyed by field.
 */
export const errorCodes = [
  "required", "number", "whole", "min", "max", "choice", "date", "country", "vatNumber", "tooLong",
  "statusesEmpty", "statusUnknown", "accountUnknown", "accountFormat", "templateUnknown", "templateFormat",
  "methodMissing", "methodAccountMissing", "methodDuplicate", "methodReserved",
  "paymentAccountMissing", "conceptNoEmail", "notApplicable", "notFound",
] as const;
export type ErrorCode = (typeof errorCodes)[number];
export type FieldError = { code: ErrorCode; params?: Record<string, string | number> };

/** What the administration and the shop offer (the wizard keeps them: catalog, orderStates). */
export type ConfigLists = {
  statuses: { id: string; name: string }[];
  templates: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
};

/** The submitted form, as plain values: one string per field, several for lists. */
export type Submitted = Record<string, string | string[]>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);

/** Ledger codes and ids as each accounting system writes them, for when no list was read. */
const accountFormat: Record<string, RegExp> = { rompslomp: /^\d{1,18}$/, eboekhouden: /^\S{1,10}$/ };
const templateFormat: Record<string, RegExp> = { rompslomp: /^\d{1,18}$/, factuursturen: /^\d{1,18}$/ };

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The zod schema of one field's submitted text (or texts) → the value to store. Messages are error codes. */
export function fieldSchema(field: FieldDef, lists: ConfigLists, target: string): z.ZodType<FieldValue> {
  switch (field.kind) {
    case "switch":
      return z.boolean();
    case "choice":
      return z.string().refine((v) => field.options.includes(v), "choice");
    case "number":
      return z.string().min(1, "required").refine((v) => /^-?\d+([.,]\d+)?$/.test(v), "number").transform((v) => Number(v.replace(",", ".")))
        .pipe(z.number().int("whole").min(field.min, "min").max(field.max, "max")).transform(String);
    case "date":
      return z.string().min(1, "required").refine(isCalendarDate, "date");
    case "country":
      return z.string().transform((v) => v.toUpperCase()).pipe(z.string().min(1, "required").regex(/^[A-Z]{2}$/, "country"));
    case "vatNumber":
      return z.string().transform((v) => v.toUpperCase().replace(/[\s.-]/g, "")).pipe(z.string().regex(/^([A-Z]{2}[0-9A-Z]{2,13})?$/, "vatNumber"));
    case "text":
      return z.string().max(field.maxLength, "tooLong").refine((v) => field.optional || v.length > 0, "required");
    case "statuses": {
      const known = field.fixed ?? lists.statuses.map((s) => s.id);
      return z.array(z.string()).min(1, "statusesEmpty").refine((ids) => known.length === 0 || ids.every((id) => known.includes(id)), "statusUnknown").transform((ids) => [...new Set(ids)]);
    }
    case "account": {
      const known = lists.accounts.map((a) => a.id);
      return z.string()
        .refine((v) => field.optional || v.length > 0, "required")
        .refine((v) => !v || known.length > 0 || (accountFormat[target] ?? /^\S+$/).test(v), "accountFormat")
        .refine((v) => !v || known.length === 0 || known.includes(v), "accountUnknown");
    }
    case "template": {
      const known = lists.templates.map((t) => t.id);
      const required = field.default !== undefined; // e-Boekhouden names a layout; the others fall back to the default one
      return z.string()
        .refine((v) => !required || v.length > 0, "required")
        .refine((v) => !v || known.length > 0 || (templateFormat[target] ?? /^.{1,100}$/).test(v), "templateFormat")
        .refine((v) => !v || known.length === 0 || known.includes(v), "templateUnknown");
    }
    case "methodAccounts":
      return z.array(z.object({ method: z.string(), account: z.string() })) as z.ZodType<FieldValue>;
  }
}

/** Rows method_0/account_0, method_1/account_1, … → the accounts per method; empty rows are dropped. */
export function readMethodAccounts(form: Submitted): MethodAccount[] {
  const rows: MethodAccount[] = [];
  for (let i = 0; `method_${i}` in form || `account_${i}` in form; i++) {
    const row = { method: one(form[`method_${i}`]), account: one(form[`account_${i}`]) };
    if (row.method || row.account) rows.push(row);
  }
  return rows;
}

function checkMethodAccounts(rows: MethodAccount[], lists: ConfigLists, target: string): FieldError | null {
  const seen = new Set<string>();
  const account = fieldSchema({ name: "x", group: "payments", setting: "payments", path: "x", kind: "account", optional: false }, lists, target);
  for (const row of rows) {
    if (!row.method) return { code: "methodMissing", params: { account: row.account } };
    if (methodKey(row.method) === "default") return { code: "methodReserved", params: { method: row.method } };
    if (!row.account) return { code: "methodAccountMissing", params: { method: row.method } };
    const parsed = account.safeParse(row.account);
    if (!parsed.success) return { code: parsed.error.issues[0]!.message as ErrorCode, params: { method: row.method, value: row.account } };
    if (seen.has(methodKey(row.method))) return { code: "methodDuplicate", params: { method: row.method } };
    seen.add(methodKey(row.method));
  }
  return null;
}

/** What a field's error message needs: its limits and what was typed. */
const paramsOf = (field: FieldDef, typed: string): Record<string, string | number> => ({
  value: typed,
  ...(field.kind === "number" ? { min: field.min, max: field.max } : {}),
  ...(field.kind === "text" ? { max: field.maxLength } : {}),
});

export type GroupParse = { ok: true; values: Record<string, FieldValue> } | { ok: false; errors: Record<string, FieldError>; values: Record<string, FieldValue> };

/**
 * Parses one group's form for an integration of `source` → `target`: every field of the group
 * that applies is read (an absent checkbox is off); a field of another system is refused.
 */
export function parseGroup(group: ConfigGroup, source: string, target: string, form: Submitted, lists: ConfigLists): GroupParse {
  const fields = fieldsFor(group, source, target);
  const names = new Set(fields.map((f) => f.name));
  const errors: Record<string, FieldError> = {};
  const values: Record<string, FieldValue> = {};
  for (const name of Object.keys(form)) {
    if (knownFieldNames.has(name) && !names.has(name)) errors[name] = { code: "notApplicable", params: { value: name } };
  }
  for (const field of fields) {
    const raw = form[field.name];
    const input: unknown =
      field.kind === "switch" ? one(raw) === "on" || one(raw) === "true"
      : field.kind === "statuses" ? many(raw)
      : field.kind === "methodAccounts" ? readMethodAccounts(form)
      : one(raw);
    values[field.name] = input as FieldValue;
    const parsed = fieldSchema(field, lists, target).safeParse(input);
    if (!parsed.success) {
      errors[field.name] = { code: parsed.error.issues[0]!.message as ErrorCode, params: paramsOf(field, typeof input === "string" ? input : "") };
      continue;
    }
    if (field.kind === "methodAccounts") {
      const problem = checkMethodAccounts(parsed.data as MethodAccount[], lists, target);
      if (problem) { errors[field.name] = problem; continue; }
    }
    values[field.name] = parsed.data;
  }
  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, values };
}
