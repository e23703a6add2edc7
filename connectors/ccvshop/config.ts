import { z } from "zod";
import { configuredPaymentMethodSchema } from "@/lib/domain/payment-method";

/** CCV's API key pair: what the App Store handshake hands over (api_public / api_secret). */
export const ccvCredentialsSchema = z.object({
  publicKey: z.string().min(1, "the CCV Shop public API key is missing"),
  secretKey: z.string().min(1, "the CCV Shop secret API key is missing"),
});
export type CcvCredentials = z.infer<typeof ccvCredentialsSchema>;

/** The settings this source reads (see the manual, chapter "How the integration works"). */
export const ccvSettingsSchema = z.object({
  /** Paid orders (no credit notes) or invoices (debit and credit). */
  documentTrigger: z.enum(["paid-orders", "invoices"]).default("paid-orders"),
  /** The webshop's home country: decides "international" (0% VAT outside it, not ICP). */
  shopCountry: z.string().regex(/^[A-Z]{2}$/).default("NL"),
  /** Payment methods configured on the dashboard, compared after cleanUp (lower case, no hyphens). */
  paymentMethods: z.array(configuredPaymentMethodSchema).default([]),
});
export type CcvSettings = z.infer<typeof ccvSettingsSchema>;
/** What callers may pass: every field has a default. */
export type CcvSettingsInput = z.input<typeof ccvSettingsSchema>;

const shopCountryCode = /^[A-Z]{2}$/;

/**
 * `ccvSettingsSchema.parse`, which the mapping runs for every document: the usual settings (no
 * payment methods, or only names) are read directly into what zod returns (the same keys in the
 * same order, defaults filled in, a fresh array); anything else, and every invalid input, goes to
 * zod. config.test.ts compares both on generated settings.
 */
export function readCcvSettings(input: unknown): CcvSettings {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    const { documentTrigger = "paid-orders", shopCountry = "NL", paymentMethods = [] } = input as Record<string, unknown>;
    const names = Array.isArray(paymentMethods) && allNames(paymentMethods);
    if ((documentTrigger === "paid-orders" || documentTrigger === "invoices") && typeof shopCountry === "string" && shopCountryCode.test(shopCountry) && names) {
      return { documentTrigger, shopCountry, paymentMethods: Array.from(paymentMethods as string[]) };
    }
  }
  return ccvSettingsSchema.parse(input);
}

/** Every entry a non-empty string (index by index: a hole is undefined to zod too). */
function allNames(list: unknown[]): list is string[] {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== "string" || (list[i] as string).length < 1) return false;
  return true;
}
