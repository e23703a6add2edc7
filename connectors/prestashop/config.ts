import { z } from "zod";

/**
 * A PrestaShop webservice key (Advanced Parameters > Webservice): 32 characters, used as the
 * HTTP Basic user name with an empty password (webshop-apis.md §3.1). `shopUrl` is what the
 * merchant typed; `auth` is what the connect check found to work ("ws_key" when the server drops
 * the Authorization header, as some Apache/CGI setups do).
 */
export const prestashopCredentialsSchema = z.object({
  apiKey: z.string().trim().min(1, "the PrestaShop webservice key is missing"),
  shopUrl: z.string().optional(),
  auth: z.enum(["basic", "ws_key"]).optional(),
});
export type PrestaShopCredentials = z.infer<typeof prestashopCredentialsSchema>;

/** "Payment accepted" or later in a fresh PrestaShop: the states with the paid flag (install data order_state.xml). */
export const DEFAULT_STATUSES = ["2", "3", "4", "5", "9", "11"];

/** The settings of the manual ("How the integration works", "Day-to-day: From PrestaShop"); "on request" items are settings here. */
export const prestashopSettingsSchema = z.object({
  /** Order states (ids of /api/order_states) whose orders are booked; the Configuration tab lists the shop's own states. */
  statuses: z.array(z.union([z.string(), z.number()]).transform(String)).min(1).default(DEFAULT_STATUSES),
  /** The webshop's home country: ICP and international are deliveries to another country. */
  shopCountry: z.string().regex(/^[A-Z]{2}$/).default("NL"),
  /** The shop's time zone (PS_TIMEZONE): PrestaShop dates carry none. Used for the poll's start and the re-check window. */
  shopTimezone: z.string().default("Europe/Amsterdam"),
  /**
   * Which address decides the VAT country (ICP, international, VAT grid row). The manual: "the
   * country of delivery is NOT used here", so the invoice address by default.
   */
  vatCountryFrom: z.enum(["invoice-address", "delivery-address"]).default("invoice-address"),
  /** The booking date: the order date ([date_add], the manual's default) or the invoice date when the order has one. */
  bookingDate: z.enum(["order-date", "invoice-date"]).default("order-date"),
  /** Override of the connect check's finding: Basic auth, or the ws_key query parameter. */
  auth: z.enum(["basic", "ws_key"]).optional(),
  /** Nightly re-check: how many months back orders are looked at again (the manual's 3; no count cap here). */
  recheckMonths: z.number().int().min(1).max(24).default(3),
  /** Payments are processed for paid orders (the state's paid flag); "on request" always, whatever the state. */
  paymentsRegardlessOfStatus: z.boolean().default(false),
  /** ISO codes of the shop's currency ids, so a request for /api/currencies is only made for an unknown id. */
  currencies: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/)).default({ "1": "EUR" }),
});
export type PrestaShopSettings = z.infer<typeof prestashopSettingsSchema>;
export type PrestaShopSettingsInput = z.input<typeof prestashopSettingsSchema>;
