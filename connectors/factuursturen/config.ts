import { z } from "zod";

/**
 * What we store per connection: the login name and an API key made under Instellingen →
 * Verbindingen (the manual's chapter 3). Both go into HTTP Basic auth, as the real API wants.
 */
export const factuursturenCredentialsSchema = z.object({
  username: z.string().trim().min(1, "the Factuursturen username is missing"),
  apiKey: z.string().trim().min(1, "the Factuursturen API key is missing"),
});

/**
 * The merchant's settings for Factuursturen (Configuration tab). Factuursturen has one
 * administration per account, no VAT codes (the document's own rates are used) and no ledgers.
 */
export const factuursturenSettingsSchema = z.object({
  /** The wizard's administration step; Factuursturen has exactly one per login, so it is informational. */
  companyId: z.string().optional(),
  /** Invoice layout ("profile" id from /profiles); blank = the account's default layout. */
  templateId: z.string().regex(/^\d{1,18}$/, "must be a Factuursturen profile id (digits)").optional(),
  /**
   * The manual: "Invoices are not automatically sent by Factuursturen. Please contact us if you
   * would like invoices to be sent automatically." → `mail` (the merchant sends or prints them
   * from Factuursturen, the default) or `email` (Factuursturen e-mails each invoice to the customer).
   * The same choice sets a new customer's send method ("debtorsend").
   */
  sendMethod: z.enum(["mail", "email"]).default("mail"),
  /**
   * `sent`: the invoice is created final, numbered and sent as `sendMethod` says (the manual).
   * `draft`: it is saved as a draft ("action save") for the merchant to check and send from
   * Factuursturen; nothing is sent.
   */
  invoiceStatus: z.enum(["sent", "draft"]).default("sent"),
});

export type FactuursturenCredentials = z.infer<typeof factuursturenCredentialsSchema>;
export type FactuursturenSettings = z.infer<typeof factuursturenSettingsSchema>;
export type FactuursturenSettingsInput = z.input<typeof factuursturenSettingsSchema>;

/** Production host; the API lives under /api/v1 (reference §4). */
export const FACTUURSTUREN_BASE_URL = "https://www.factuursturen.nl";

/** A sandbox tenant's base URL: the API paths follow it exactly as they follow the real host. */
export const sandboxBaseUrl = (appUrl: string, tenant: string) => `${appUrl.replace(/\/+$/, "")}/sandbox/factuursturen/${tenant}`;
