import { z } from "zod";

/** WeFact API v2 has one endpoint; the base URL is the host, `/v2/` follows it (as in the sandbox). */
export const WEFACT_BASE_URL = "https://api.mijnwefact.nl";

/** A sandbox tenant's base URL; `/v2/` follows it exactly as it follows the real host. */
export const sandboxBaseUrl = (appUrl: string, tenant: string) => `${appUrl.replace(/\/+$/, "")}/sandbox/wefact/${tenant}`;

/** One API key belongs to one administration; it is all we store (sealed like every credential). */
export const wefactCredentialsSchema = z.object({
  apiKey: z.string().trim().min(1, "WeFact API key missing: enter it in the Configuration tab"),
});

/**
 * The manual's settings ("on request" = a setting here), with the manual's defaults:
 * - invoiceStatus: draft (default); "processed" sends WeFact status 4 as the manual's table says;
 *   "sent" (status 2) records it as sent without emailing it.
 * - sendByEmail: after creating the invoice, ask WeFact to email it to the debtor (off by default).
 * - invoiceCode: empty (WeFact numbers it), or on request the order or invoice number.
 * - descriptionSource: the invoice description is the order number, or on request the invoice number.
 * - templateId: the invoice layout (a WeFact corporate identity, by its LanguageCode).
 * - costCenter: a default cost centre the revenue is posted to.
 * - createProducts: create missing products in WeFact (off by default, "please contact us").
 */
export const wefactSettingsSchema = z.object({
  /** The administration the wizard shows; WeFact has one per key, so it only labels the connection. */
  companyId: z.string().optional(),
  templateId: z.string().trim().min(1).optional(),
  descriptionSource: z.enum(["order-number", "invoice-number"]).default("order-number"),
  invoiceStatus: z.enum(["draft", "sent", "processed"]).default("draft"),
  sendByEmail: z.boolean().default(false),
  invoiceCode: z.enum(["none", "order-number", "invoice-number"]).default("none"),
  costCenter: z.string().trim().min(1).optional(),
  createProducts: z.boolean().default(false),
});

export type WefactCredentials = z.infer<typeof wefactCredentialsSchema>;
export type WefactSettings = z.infer<typeof wefactSettingsSchema>;
export type WefactSettingsInput = z.input<typeof wefactSettingsSchema>;

/** WeFact's invoice status codes for the choices above (reference: 0 draft, 2 sent, 4 paid/processed). */
export const invoiceStatusCode: Record<WefactSettings["invoiceStatus"], string> = { draft: "0", sent: "2", processed: "4" };

/** The manual: "Term 14 — not editable". */
export const PAYMENT_TERM_DAYS = 14;

/**
 * Our outgoing IP addresses, which the merchant must whitelist under Instellingen → API in WeFact.
 * Read from OUTGOING_IPS (comma-separated) at the moment the connect form is shown.
 */
export function outgoingIps(env: Record<string, string | undefined> = process.env): string[] {
  return (env.OUTGOING_IPS ?? "").split(",").map((ip) => ip.trim()).filter(Boolean);
}
