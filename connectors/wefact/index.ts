/**
 * WeFact target connector (API v2, API key + IP whitelist). Entry points:
 * - Booking: createWefactTarget(ctx, settings).
 * - Wizard: wefactSetup (credential form with the IP-whitelist help, the one administration, catalog).
 */
export { createWefactTarget } from "./target";
export { wefactSetup, WEFACT_ADMINISTRATION_ID } from "./setup";
export { createWefactClient, type WefactClient } from "./client";
export {
  WEFACT_BASE_URL, sandboxBaseUrl, outgoingIps, wefactCredentialsSchema, wefactSettingsSchema,
  type WefactCredentials, type WefactSettings, type WefactSettingsInput,
} from "./config";
