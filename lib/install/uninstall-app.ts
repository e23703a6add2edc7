import type { Db } from "../db/client";
import { isOwnSandboxShop, type AppStoreSystem } from "./app-secrets";
import { forgetAppStoreShop } from "./app-store-shop";
import { findPendingInstall, forgetPendingInstall } from "./pending-installs";

const shopNames: Record<AppStoreSystem, string> = { kmoshops: "KMO Shops", ccvshop: "CCV Shop" };

/**
 * A verified uninstall call: the shop's unused handshake and the keys its integrations hold are
 * forgotten. Signed with the sandbox secret, it reaches sandbox shops only. Returns how many
 * integrations lost their webshop.
 */
export async function uninstallAppStoreShop(db: Db, system: AppStoreSystem, shopId: string, sandbox: boolean): Promise<number> {
  const pending = await findPendingInstall<{ baseUrl?: string }>(db, { system, shopKey: shopId });
  if (pending && (!sandbox || isOwnSandboxShop(system, pending.payload.baseUrl))) await forgetPendingInstall(db, pending.id);
  return forgetAppStoreShop(db, system, shopId, { shopName: shopNames[system], sandboxOnly: sandbox });
}
