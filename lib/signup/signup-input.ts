import { z } from "zod";
import { sourceSystemSchema, targetSystemSchema } from "@/connectors/types";
import { locales } from "../i18n/locale";
import { isCountryCode } from "./countries";

/**
 * What the sign-up form sends, validated. Every issue carries the key of its translated message
 * (lib/i18n/messages/signup.ts), so the page shows a specific error in the visitor's language.
 */
export const signUpFields = ["source", "target", "name", "company", "email", "country", "locale", "terms"] as const;
export type SignUpField = (typeof signUpFields)[number];

export const signUpErrorKeys = [
  "sourceRequired", "targetRequired", "nameRequired", "nameTooLong", "companyRequired", "companyTooLong",
  "emailRequired", "emailInvalid", "emailTooLong", "countryRequired", "countryUnknown", "localeInvalid", "termsRequired",
] as const;
export type SignUpErrorKey = (typeof signUpErrorKeys)[number];

const text = (required: SignUpErrorKey, tooLong: SignUpErrorKey, max: number) =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

export const signUpSchema = z.object({
  source: z.enum(sourceSystemSchema.options, { error: "sourceRequired" }),
  target: z.enum(targetSystemSchema.options, { error: "targetRequired" }),
  name: text("nameRequired", "nameTooLong", 100),
  company: text("companyRequired", "companyTooLong", 120),
  email: z
    .string({ error: "emailRequired" })
    .trim()
    .toLowerCase()
    .min(1, { error: "emailRequired" })
    .max(254, { error: "emailTooLong" })
    .pipe(z.email({ error: "emailInvalid" })),
  country: z
    .string({ error: "countryRequired" })
    .trim()
    .toUpperCase()
    .min(1, { error: "countryRequired" })
    .refine(isCountryCode, { error: "countryUnknown" }),
  locale: z.enum(locales, { error: "localeInvalid" }),
  // A checkbox sends "on" when ticked and nothing otherwise.
  terms: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "termsRequired" })),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignUpErrors = Partial<Record<SignUpField, SignUpErrorKey>>;

const isErrorKey = (message: string): message is SignUpErrorKey => (signUpErrorKeys as readonly string[]).includes(message);

/** The first problem of each field, as a message key. */
export function parseSignUp(raw: Record<string, unknown>): { ok: true; data: SignUpInput } | { ok: false; errors: SignUpErrors } {
  const result = signUpSchema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: SignUpErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SignUpField;
    if (!errors[field] && isErrorKey(issue.message)) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** A form post's text fields (what the form shows again after an error; never the checkbox state of a secret). */
export const formValues = (form: FormData): Record<string, string> =>
  Object.fromEntries(signUpFields.map((f) => [f, String(form.get(f) ?? "")]));
