import { appStoreInstallLink } from "@/connectors/kmoshops/install";
import { SANDBOX_APP } from "@/connectors/kmoshops/sandbox/credentials";
import { env, isSandbox, type Env } from "../config/env";
import { isOwnSandboxShop } from "./app-secrets";
import { createOAuthState } from "./oauth-state";

/**
 * Where the wizard's Connect button sends a KMO Shops merchant: their shop's app-store page for
 * our app, with a signed state naming the license key, so the handshake and the redirect attach
 * the shop to this integration without asking. Null when no app id is known for that shop.
 */
export function kmoshopsInstallLink(shopUrl: string, licenseKey: string, e: Env = env()): string | null {
  const sandboxShop = isSandbox(e) && isOwnSandboxShop("kmoshops", shopUrl, e);
  const appId = sandboxShop ? SANDBOX_APP.id : e.KMOSHOPS_APP_ID;
  if (!appId) return null;
  return appStoreInstallLink(shopUrl, { appId, state: createOAuthState(licenseKey) });
}
