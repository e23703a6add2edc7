import { cancelIntegration } from "../billing/cancel-integration";
import type { Db } from "../db/client";
import { setSetting } from "../integrations/settings";
import { isOwnSandboxShop, type AppStoreSystem } from "./app-secrets";

/**
 * Which App Store installation an integration came from, kept as the integration setting
 * `appStore` (nothing secret): the shop's id to find the integration when the app is removed, and
 * the store's return page for a "back to your shop" link.
 */
export const APP_STORE_SETTING = "appStore";

export type AppStoreShop = { system: AppStoreSystem; shopId: string; shopName?: string; returnUrl?: string; installedAt: string };

export async function rememberAppStoreShop(db: Db, integrationId: string, shop: Omit<AppStoreShop, "installedAt">, now = new Date()): Promise<void> {
  await setSetting(db, integrationId, APP_STORE_SETTING, { ...shop, installedAt: now.toISOString() } satisfies AppStoreShop);
}

/** The integrations the shop installed the app for (usually one; a reinstall may have moved it). */
export async function integrationsOfAppStoreShop(db: Db, system: AppStoreSystem, shopId: string): Promise<string[]> {
  const rows = await db.integrationSetting.findMany({
    where: { key: APP_STORE_SETTING, AND: [{ value: { path: ["system"], equals: system } }, { value: { path: ["shopId"], equals: shopId } }] },
    select: { integrationId: true },
  });
  return rows.map((r) => r.integrationId);
}

/**
 * The merchant removed the app in the shop: its keys stop working, so they are forgotten and the
 * webshop dot turns red with the reason. The manuals make removing the app the way to stop the
 * integration, so an installed integration is cancelled; one still installing stays open for a
 * new install.
 */
export async function forgetAppStoreShop(db: Db, system: AppStoreSystem, shopId: string, options: { shopName: string; sandboxOnly: boolean }): Promise<number> {
  let ids = await integrationsOfAppStoreShop(db, system, shopId);
  if (options.sandboxOnly) {
    // Signed with the sandbox secret: it may only remove the app from sandbox shops.
    const sources = await db.connection.findMany({ where: { integrationId: { in: ids }, side: "source" }, select: { integrationId: true, baseUrl: true } });
    ids = sources.filter((c) => isOwnSandboxShop(system, c.baseUrl)).map((c) => c.integrationId);
  }
  for (const integrationId of ids) {
    await db.connection.updateMany({
      where: { integrationId, side: "source" },
      data: { credentialsEnc: null, status: "error", statusDetail: `The app was removed from your ${options.shopName} backend. Install it again to reconnect the webshop.`, lastCheckedAt: new Date() },
    });
    // The same cancel as on the Profile tab (invoice, held documents, mail); the shop removed our webhooks itself.
    const installed = await db.integration.count({ where: { id: integrationId, status: { in: ["active", "paused"] } } });
    if (installed) await cancelIntegration(db, integrationId, { reason: "app-removed" });
  }
  return ids.length;
}
