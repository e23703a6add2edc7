import { env } from "@/lib/config/env";
import { isSandboxBaseUrl, sandboxOAuthApp, type OAuthApp } from "./config";

/** Our Rompslomp OAuth client: the sandbox's for sandbox tenants, else ROMPSLOMP_CLIENT_ID/SECRET. */
export function rompslompOAuthApp(baseUrl = ""): OAuthApp {
  if (isSandboxBaseUrl(baseUrl)) return sandboxOAuthApp;
  const { ROMPSLOMP_CLIENT_ID, ROMPSLOMP_CLIENT_SECRET } = env();
  if (!ROMPSLOMP_CLIENT_ID || !ROMPSLOMP_CLIENT_SECRET) {
    throw new Error("ROMPSLOMP_CLIENT_ID and ROMPSLOMP_CLIENT_SECRET must be set to connect real Rompslomp administrations.");
  }
  return { clientId: ROMPSLOMP_CLIENT_ID, clientSecret: ROMPSLOMP_CLIENT_SECRET };
}
