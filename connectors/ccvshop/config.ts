import { z } from "zod";
import { paymentMethodClassSchema } from "@/lib/domain/sales-document";

/** CCV's API key pair: what the App Store handshake hands over (api_public / api_secret). */
export const ccvCredentialsSchema = z.object({
  publicKey: z.string().min(1, "the CCV Shop public API key is missing"),
  secretKey: z.string().min(1, "the CCV Shop secret API key is missing"),
});
export type CcvCredentials = z.infer<typeof ccvCredentialsSchema>;

/**
 * A configured payment method: its name as the shop shows it, optionally with the class the
 * merchant picked on the Configuration tab (otherwise the manual's keyword rules decide).
 */
export const configuredPaymentMethodSchema = z.union([
  z.string().min(1),
  z.object({ method: z.string().min(1), classification: paymentMethodClassSchema.optional() }),
]);
export type ConfiguredPaymentMethod = z.infer<typeof configuredPaymentMethodSchema>;

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
