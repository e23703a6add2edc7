import { env } from "../config/env";

/** Our Identity link URL as the merchant enters it in Magento (Magento adds its own parameters). */
export const magento2IdentityLink = (appUrl = env().APP_URL) => `${appUrl}/install/magento2/identity`;

/** Our Callback URL as the merchant enters it in Magento. */
export const magento2CallbackUrl = (licenseKey: string, appUrl = env().APP_URL) =>
  `${appUrl}/api/install/magento2/callback?cikey=${encodeURIComponent(licenseKey)}`;

/** The identity link page again, with Magento's parameters (and, by the caller, an error to show). */
export function identityPageUrl(consumerKey: string, successCallback: string, appUrl = env().APP_URL): URL {
  const url = new URL(magento2IdentityLink(appUrl));
  url.searchParams.set("oauth_consumer_key", consumerKey);
  url.searchParams.set("success_call_back", successCallback);
  return url;
}
