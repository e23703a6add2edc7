import { env } from "../config/env";
import { createOAuthState } from "./oauth-state";

/**
 * Magento 1.9's yellow Connect button. The wizard keeps what the merchant entered (admin URL,
 * consumer key and secret of System > Web Services > REST - OAuth Consumers) as the source
 * connection's credentials under these names; the callback adds the admin's access token.
 */
export type Magento1Entered = { adminUrl: string; consumerKey: string; consumerSecret: string };

export const MAGENTO1_ENTERED_FIELDS = ["adminUrl", "consumerKey", "consumerSecret"] as const;

export function enteredMagento1Keys(credentials: Record<string, unknown> | null): Magento1Entered | null {
  const value = (name: string) => (typeof credentials?.[name] === "string" ? (credentials[name] as string).trim() : "");
  const [adminUrl, consumerKey, consumerSecret] = MAGENTO1_ENTERED_FIELDS.map(value);
  return adminUrl && consumerKey && consumerSecret ? { adminUrl, consumerKey, consumerSecret } : null;
}

/** Where the Connect button starts (a link the wizard shows). */
export const magento1StartUrl = (licenseKey: string, appUrl = env().APP_URL) =>
  `${appUrl}/api/install/magento1/start?licenseKey=${encodeURIComponent(licenseKey)}`;

/** Our callback, as the consumer's Callback URL in Magento may name it (the state follows as a query). */
export const magento1CallbackBase = (appUrl = env().APP_URL) => `${appUrl}/api/install/magento1/callback`;

export const magento1CallbackUrl = (licenseKey: string, appUrl = env().APP_URL) =>
  `${magento1CallbackBase(appUrl)}?state=${encodeURIComponent(createOAuthState(licenseKey))}`;

/** What the start keeps (sealed) for the callback: the request token's secret signs the exchange. */
export type Magento1Pending = Magento1Entered & { requestTokenSecret: string };
