import type { SourceSystem } from "@/connectors/types";
import { kmoshopsInstallLink } from "./kmoshops-install-link";
import { magento2CallbackUrl, magento2IdentityLink } from "./magento2-identity";

/**
 * How the merchant connects each webshop in the wizard's "Connections" step (the manuals'
 * installation chapters):
 * - CCV Shop, KMO Shops: install our app from the shop's app store; its handshake connects the shop.
 * - Magento 2: the integration's Callback and Identity link URLs to copy into Magento's admin
 *   (2.1–2.4.3), or the four keys pasted into our form (2.4.4+).
 * - Magento 1.9: the form (admin URL, consumer key and secret), then the yellow Connect button.
 * - PrestaShop: the form (shop URL and webservice key).
 */
export type SourceConnect =
  | { kind: "app-store"; store: string; steps: string; installLink?: string }
  | { kind: "magento2"; callbackUrl: string; identityUrl: string }
  | { kind: "magento1"; startUrl: string }
  | { kind: "form" };

type Input = {
  system: SourceSystem;
  licenseKey: string;
  /** The source connection's baseUrl: the shop, when known before the install (sandbox tenants). */
  baseUrl: string | null;
  appUrl: string;
  sandbox: boolean;
};

/** The CCV sandbox's app store page; `install_url` stands for the URL registered in CCV's App Center. */
const CCV_APP_STORE_PATH = "/onderhoud/AdminItems/AppStore/AppStore.Install.php";

const isSandboxShop = (baseUrl: string | null, system: string): baseUrl is string => !!baseUrl && baseUrl.includes(`/sandbox/${system}/`);

export function sourceConnect({ system, licenseKey, baseUrl, appUrl, sandbox }: Input): SourceConnect {
  const key = encodeURIComponent(licenseKey);
  switch (system) {
    case "ccvshop": {
      const installLink = sandbox && isSandboxShop(baseUrl, system)
        ? `${baseUrl}${CCV_APP_STORE_PATH}?install_url=${encodeURIComponent(`${appUrl}/api/install/ccvshop`)}`
        : undefined;
      return { kind: "app-store", store: "CCV Shop", steps: "In your CCV Shop backend open the App Store, choose the category Accounting, open our app and click Install App.", installLink };
    }
    case "kmoshops": {
      // Only a sandbox shop is known before the install; a real shop's address comes with the handshake.
      const installLink = sandbox && isSandboxShop(baseUrl, system) ? (kmoshopsInstallLink(baseUrl, licenseKey) ?? undefined) : undefined;
      return { kind: "app-store", store: "KMO Shops", steps: "In your KMO Shops backend open Apps, find our app and click Install app.", installLink };
    }
    case "magento2":
      return { kind: "magento2", callbackUrl: magento2CallbackUrl(licenseKey, appUrl), identityUrl: magento2IdentityLink(appUrl) };
    case "magento1":
      return { kind: "magento1", startUrl: `/api/install/magento1/start?licenseKey=${key}` };
    case "prestashop":
      return { kind: "form" };
  }
}

/**
 * Magento 1.9's form saves the consumer only; the shop is connected once the admin authorized it
 * (the yellow Connect button leaves an access token).
 */
export const awaitsAuthorization = (system: string, credentials: Record<string, unknown>) =>
  system === "magento1" && !credentials.accessToken;
