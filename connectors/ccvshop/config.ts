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
