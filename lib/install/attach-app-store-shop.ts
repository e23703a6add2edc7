import { createCcvClient } from "@/connectors/ccvshop/client";
import { markAppInstalled } from "@/connectors/ccvshop/install";
import type { Db } from "../db/client";
import type { AppStoreSystem } from "./app-secrets";
import { appStoreShopOf, type AppStoreHandshake } from "./app-store-handshake";
import { rememberAppStoreShop } from "./app-store-shop";
import { connectSource } from "./connect-source";
import { completePendingInstall, type PendingInstall } from "./pending-installs";

/**
 * The end of an App Store install that started in the shop's backend, once we know the
 * integration it belongs to (picked by a signed-in merchant, or created for a new one): the
 * pending handshake is used up, the shop remembered (for the app's removal), its keys go to the
 * webshop connection, and CCV is told the app is installed (the mandatory end of its install, and
 * a signed call proving the keys). Returns null when the shop is connected, else the reason.
 */
export async function attachAppStoreShop(db: Db, system: AppStoreSystem, pending: PendingInstall<AppStoreHandshake>, integrationId: string): Promise<string | null> {
  const shop = appStoreShopOf(system, pending.payload);
  await completePendingInstall(db, pending.id);
  await rememberAppStoreShop(db, integrationId, { system, shopId: shop.shopId, shopName: shop.shopName, returnUrl: shop.returnUrl });
  const connection = { credentials: shop.credentials, baseUrl: shop.baseUrl };
  const check = system === "ccvshop" ? () => markAppInstalled(createCcvClient(connection)) : null;
  return connectSource(db, integrationId, system, connection, check);
}
