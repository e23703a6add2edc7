/**
 * Rompslomp target connector. Entry points:
 * - OAuth (wizard Connect button): authorizeUrl → Rompslomp consent → callback: parseCallback +
 *   exchangeCode → store the credentials.
 * - Booking: createRompslompTarget(ctx, settings, { oauthApp, onTokens }).
 * - Wizard drop-downs: listCompanies, listVatTypes, listAccounts, listTemplates, testConnection.
 */
export { createRompslompTarget, type RompslompTarget, type RompslompInvoice } from "./target";
export { listCompanies, listVatTypes, listAccounts, listTemplates, testConnection, type ConnectionTest } from "./wizard";
export { authorizeUrl, exchangeCode, refresh, needsRefresh, parseCallback, REFRESH_MARGIN_MS, type OAuthOptions } from "./oauth";
export type { RompslompAuthOptions } from "./session";
export {
  ROMPSLOMP_BASE_URL, ROMPSLOMP_SCOPES, sandboxBaseUrl, sandboxOAuthApp, isSandboxBaseUrl,
  rompslompCredentialsSchema, rompslompSettingsSchema, oauthAppSchema,
  type RompslompCredentials, type RompslompSettings, type OAuthApp,
} from "./config";
