import { z } from "zod";

/** Rompslomp's own ids are integers; we carry them as digit strings (settings, VAT grid, links). */
export const rompslompIdSchema = z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(/^\d{1,18}$/, "must be a Rompslomp id (digits)"));

/**
 * What we store per connection: the OAuth2 tokens. `expiresAt` is an ISO timestamp of when the
 * access token stops working (computed from `expires_in` when it was issued). An empty access
 * token with a past expiry is valid input: the connector then refreshes before its first call.
 */
export const rompslompCredentialsSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().min(1, "Rompslomp refresh token missing: reconnect Rompslomp"),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const rompslompSettingsSchema = z.object({
  /** The administration ("company") chosen in the wizard. */
  companyId: rompslompIdSchema,
  /** Invoice layout; blank = the administration's default template. */
  templateId: rompslompIdSchema.optional(),
  /** The manual: the invoice description is the order number, or on request the invoice number. */
  descriptionSource: z.enum(["order-number", "invoice-number"]).default("order-number"),
  /** Published (final, numbered; the manual's behaviour) or kept as a concept for the merchant to check and publish. */
  invoiceStatus: z.enum(["published", "concept"]).default("published"),
  /** Rompslomp emails each published invoice to its contact (the manual: "on request"; off by default). */
  sendByEmail: z.boolean().default(false),
  /** Clearing account (Rompslomp "payment" account) that payments are booked on. */
  paymentClearingAccountId: rompslompIdSchema.optional(),
});

/** The OAuth app (client) registered with Rompslomp; comes from app configuration, never from the merchant. */
export const oauthAppSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });

export type RompslompCredentials = z.infer<typeof rompslompCredentialsSchema>;
export type RompslompSettings = z.infer<typeof rompslompSettingsSchema>;
export type RompslompSettingsInput = z.input<typeof rompslompSettingsSchema>;
export type OAuthApp = z.infer<typeof oauthAppSchema>;

/** Production host of both the API (`/api/v1/…`) and the OAuth server (`/oauth/…`), per the reference. */
export const ROMPSLOMP_BASE_URL = "https://api.rompslomp.nl";

/** A sandbox tenant's base URL; API and OAuth paths follow it exactly as they follow the real host. */
export const sandboxBaseUrl = (appUrl: string, tenant: string) => `${appUrl.replace(/\/+$/, "")}/sandbox/rompslomp/${tenant}`;

export const isSandboxBaseUrl = (baseUrl: string) => /\/sandbox\/rompslomp\/[a-z0-9-]+\/?$/.test(baseUrl);

/**
 * The OAuth app the sandbox knows. Fixed and public on purpose: the sandbox is a simulator, and
 * the wizard needs a client id/secret that works against it without any setup.
 */
export const sandboxOAuthApp: OAuthApp = {
  clientId: "boekkoppeling-sandbox-client",
  clientSecret: "boekkoppeling-sandbox-secret",
};

/** Scopes we ask for: everything the integration reads or writes, nothing more. */
export const ROMPSLOMP_SCOPES = [
  "public",
  "manage:contacts",
  "manage:products",
  "manage:sales_invoices",
  "manage:payments",
  "read:accounts",
] as const;
