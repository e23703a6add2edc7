/**
 * Factuursturen target connector (API v1, username + API key). Entry points:
 * - Wizard: factuursturenSetup (credential form, the one administration, layouts; no VAT grid).
 * - Booking: createFactuursturenTarget(ctx, settings).
 */
export { createFactuursturenTarget, type FactuursturenTarget } from "./target";
export { factuursturenSetup, factuursturenCredentialForm } from "./setup";
export { createFactuursturenClient, type FactuursturenClient } from "./client";
export {
  FACTUURSTUREN_BASE_URL, sandboxBaseUrl, factuursturenCredentialsSchema, factuursturenSettingsSchema,
  type FactuursturenCredentials, type FactuursturenSettings, type FactuursturenSettingsInput,
} from "./config";
