import type { InstallHandshake as CcvHandshake } from "@/connectors/ccvshop/install";
import type { KmoInstallHandshake } from "@/connectors/kmoshops/install";
import type { AppStoreSystem } from "./app-secrets";

/** What an App Store handshake left pending, per store, as the pages and the claim read it. */
export type AppStoreHandshake = CcvHandshake | KmoInstallHandshake;

export type AppStoreShopView = { shopId: string; shopName: string; baseUrl: string; returnUrl?: string; credentials: Record<string, unknown> };

export function appStoreShopOf(system: AppStoreSystem, handshake: AppStoreHandshake): AppStoreShopView {
  const host = URL.canParse(handshake.baseUrl) ? new URL(handshake.baseUrl).host : handshake.baseUrl;
  if (system === "ccvshop") {
    const h = handshake as CcvHandshake;
    return { shopId: h.credentials.publicKey, shopName: host, baseUrl: h.baseUrl, returnUrl: h.returnUrl, credentials: h.credentials };
  }
  const h = handshake as KmoInstallHandshake;
  return { shopId: h.credentials.shopId, shopName: h.shopName ?? host, baseUrl: h.baseUrl, returnUrl: h.returnUrl, credentials: h.credentials };
}
