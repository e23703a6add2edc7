/**
 * Where VIES lives. The EU's VIES REST service ("VIES on-the-Web") answers under
 * https://ec.europa.eu/taxation_customs/vies/rest-api/; a sandbox tenant answers under
 * http://<app>/sandbox/vies/<tenant>/taxation_customs/vies/rest-api/, so only the base differs.
 */
export const VIES_SYSTEM = "vies" as const;
export const VIES_PRODUCTION_BASE_URL = "https://ec.europa.eu";
export const VIES_REST_PATH = "/taxation_customs/vies/rest-api";
export const CHECK_VAT_NUMBER_PATH = `${VIES_REST_PATH}/check-vat-number`;

/** VIES waits on the member state's register, which can take a while; past this we retry later. */
export const VIES_DEFAULT_TIMEOUT_MS = 20_000;

export const viesSandboxBaseUrl = (appUrl: string, tenant: string) => `${appUrl.replace(/\/+$/, "")}/sandbox/vies/${tenant}`;

/** The member-state codes VIES knows: the 27 (Greece as EL) and XI for Northern Ireland. */
export const VIES_COUNTRY_CODES = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
  "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
] as const;
