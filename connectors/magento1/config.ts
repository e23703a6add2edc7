import { z } from "zod";
import { magento2SettingsSchema } from "../magento2/config";

const key = (what: string) => z.string({ error: `the ${what} is missing` }).trim().min(1, `the ${what} is missing`);

/**
 * Magento 1.9: the REST OAuth consumer's key and secret (System > Web Services > REST - OAuth
 * Consumers) and, after the Connect button's 3-legged flow, the admin's access token and secret.
 */
export const magento1ConsumerSchema = z.object({ consumerKey: key("consumer key"), consumerSecret: key("consumer secret") });
export const magento1CredentialsSchema = magento1ConsumerSchema.extend({ accessToken: key("access token"), accessTokenSecret: key("access token secret") });
export type Magento1Credentials = z.infer<typeof magento1CredentialsSchema>;

/**
 * The settings of the Magento 1.9 source: the Magento 2 ones that apply (same field tables), plus
 * the manual's "credit invoices are not processed by default; you can request this option".
 */
export const magento1SettingsSchema = magento2SettingsSchema.omit({ authMode: true, signatureMethod: true, storeCode: true }).extend({
  creditInvoices: z.boolean().default(false),
});
export type Magento1Settings = z.infer<typeof magento1SettingsSchema>;
export type Magento1SettingsInput = z.input<typeof magento1SettingsSchema>;
