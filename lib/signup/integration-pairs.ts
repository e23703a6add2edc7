import { randomBytes } from "node:crypto";
import { APP_STORE_INSTALL_PATH } from "@/connectors/kmoshops/contract";
import { SANDBOX_APP } from "@/connectors/kmoshops/sandbox/credentials";
import { sourceSystemSchema, targetSystemSchema, type SourceSystem, type TargetSystem } from "@/connectors/types";
import { ccvshopInstallUrl, ccvshopUninstallUrl } from "../install/ccvshop-app-urls";

/**
 * How each webshop gets the integration (the manuals' "Install integration"): most by signing up
 * here and opening the installation URL from the mail; CCV Shop and KMO Shops by installing our
 * app from the app store in the shop's backend, whose handshake connects the shop.
 */
export type InstallMethod = "installation-link" | "app-store";

const appStoreShops = new Set<SourceSystem>(["ccvshop", "kmoshops"]);

export const installMethodOf = (source: SourceSystem): InstallMethod => (appStoreShops.has(source) ? "app-store" : "installation-link");

export type IntegrationPair = { source: SourceSystem; target: TargetSystem; method: InstallMethod };

/** Every supported webshop × accounting pair: any source works with any target. */
export const integrationPairs = (): IntegrationPair[] =>
  sourceSystemSchema.options.flatMap((source) => targetSystemSchema.options.map((target) => ({ source, target, method: installMethodOf(source) })));

/**
 * In sandbox mode: the app store page of a fresh sandbox shop (its own tenant, so a visitor never
 * walks into someone else's shop), where "Install app" starts the same handshake a real store
 * does. Null for shops without an app store.
 */
export function sandboxAppStoreLink(source: SourceSystem, appUrl: string, sandboxOrigin = appUrl, tenant = `shop-${randomBytes(4).toString("hex")}`): string | null {
  const shop = `${sandboxOrigin}/sandbox/${source}/${tenant}`;
  if (source === "ccvshop") {
    const url = new URL(`${shop}/onderhoud/AdminItems/AppStore/AppStore.Install.php`);
    url.searchParams.set("install_url", ccvshopInstallUrl(appUrl));
    url.searchParams.set("uninstall_url", ccvshopUninstallUrl(appUrl));
    return url.toString();
  }
  if (source === "kmoshops") {
    const url = new URL(`${shop}${APP_STORE_INSTALL_PATH}`);
    url.searchParams.set("app", SANDBOX_APP.id);
    return url.toString();
  }
  return null;
}
