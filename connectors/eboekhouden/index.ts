/**
 * e-Boekhouden target connector (manual 002, chapters 4, 5 and 7). Entry points:
 * - Booking: createEboekhoudenTarget(ctx, settings) → mutations (default) or invoices, plus addPayment.
 * - Wizard: eboekhoudenSetup (credential form with a token / legacy mode, administrations, catalog).
 * - Two APIs behind one `Books` interface: REST (API token) and the legacy SOAP API (username + codes).
 */
export { createEboekhoudenTarget, parseSettings, type EboekhoudenTarget, type PaymentResult } from "./target";
export { eboekhoudenSetup, credentialForm, credentialsFrom, vatCodeChoices } from "./setup";
export {
  EBOEKHOUDEN_BASE_URL, VAT_OSS, PAYMENT_TERM_DAYS, endpoints, sandboxBaseUrl,
  eboekhoudenCredentialsSchema, eboekhoudenSettingsSchema,
  type EboekhoudenCredentials, type EboekhoudenSettings, type EboekhoudenSettingsInput,
} from "./config";
export type { PaymentInput } from "./payment";
