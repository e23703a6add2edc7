import { env } from "../config/env";

/**
 * Our app's URLs as registered in CCV's Developer App Center. CCV signs with the URL exactly as
 * registered, so these are what the hashes are checked against. Handshake (POST) and install
 * (GET) share one address.
 */
export const ccvshopInstallUrl = (appUrl = env().APP_URL) => `${appUrl}/api/install/ccvshop`;
export const ccvshopUninstallUrl = (appUrl = env().APP_URL) => `${appUrl}/api/install/ccvshop/uninstall`;
