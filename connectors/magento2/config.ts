import { z } from "zod";
import { configuredPaymentMethodSchema } from "@/lib/domain/payment-method";

/**
 * The four OAuth 1.0a credentials of a Magento 2 integration: from the activation handshake
 * (install.ts) or, on 2.4.4+, pasted by the merchant from the integration's "Integration Details".
 */
const key = (what: string) => z.string({ error: `the ${what} is missing` }).trim().min(1, `the ${what} is missing`);

export const magento2CredentialsSchema = z.object({
  consumerKey: key("consumer key"),
  consumerSecret: key("consumer secret"),
  accessToken: key("access token"),
  accessTokenSecret: key("access token secret"),
});
export type Magento2Credentials = z.infer<typeof magento2CredentialsSchema>;

/** Polling: hourly by default (the manual: "at least once per hour"), down to every 5 minutes. */
export const pollIntervalSchema = z.number().int().min(5).max(24 * 60).default(60);

/**
 * The settings of the Magento 2 source (the manual's "on request" options are settings here).
 * The Configuration tab shows them; the defaults are the manual's behaviour.
 */
export const magento2SettingsSchema = z.object({
  /** The webshop's home country: ICP is another EU country, international is outside the EU. */
  shopCountry: z.string().regex(/^[A-Z]{2}$/).default("NL"),
  /** Store view code in the REST path (/rest/<code>/V1/…); empty = the default store (/rest/V1/…). */
  storeCode: z.string().regex(/^[a-z0-9_]*$/).default(""),
  /**
   * How API calls authenticate: OAuth 1.0a signatures (works on every 2.x), or the access token as a
   * bearer token (only when the shop allows it: Stores > Configuration > Services > OAuth on 2.4.4+).
   */
  authMode: z.enum(["oauth1", "bearer"]).default("oauth1"),
  /** Magento accepts both; HMAC-SHA256 is what its documentation asks for. */
  signatureMethod: z.enum(["HMAC-SHA256", "HMAC-SHA1"]).default("HMAC-SHA256"),
  /** Minutes between polls (hourly by default, at least every 5 minutes). */
  pollIntervalMinutes: pollIntervalSchema,
  /** "The order number is leading": a credit memo's order number gets the manual's C_ prefix. */
  orderNumberLeading: z.boolean().default(false),
  /** A merchant with a margin-scheme contract never books ICP (the manual's first ICP condition). */
  marginScheme: z.boolean().default(false),
  /** The manual's [taxes_included] when the shop does not send it: Dutch shops show prices incl. VAT. */
  pricesIncludeVat: z.boolean().default(true),
  /**
   * Credit memo adjustments (adjustment refund / fee) carry no VAT in Magento. The manual cannot
   * book them ("reject": the credit memo goes to Errors with the reason); "book-without-vat" books
   * each as a 0% line (needs a 0% row in the VAT grid).
   */
  creditAdjustments: z.enum(["reject", "book-without-vat"]).default("reject"),
  /** Payment methods configured on the dashboard, compared after cleanUp (lower case, no hyphens). */
  paymentMethods: z.array(configuredPaymentMethodSchema).default([]),
});
export type Magento2Settings = z.infer<typeof magento2SettingsSchema>;
export type Magento2SettingsInput = z.input<typeof magento2SettingsSchema>;
