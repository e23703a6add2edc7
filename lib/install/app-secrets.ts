import { SANDBOX_APP_SECRET } from "@/connectors/ccvshop/sandbox/credentials";
import { SANDBOX_APP } from "@/connectors/kmoshops/sandbox/credentials";
import { ConnectorError } from "@/connectors/types";
import { env, isSandbox, sandboxUrl, type Env } from "../config/env";

/**
 * The app secrets an App Store signs its calls to us with. Production: the secret from the
 * store's developer portal (env). Sandbox mode: also the sandbox app store's published secret,
 * but only for shops that are our own sandbox tenants, so that secret can never vouch for a
 * real shop.
 */
export type AppStoreSystem = "kmoshops" | "ccvshop";

type AppSecret = { secret: string; sandbox: boolean };

const envSecret: Record<AppStoreSystem, (e: Env) => string | undefined> = {
  kmoshops: (e) => e.KMOSHOPS_APP_SECRET,
  ccvshop: (e) => e.CCVSHOP_APP_SECRET,
};
const sandboxSecret: Record<AppStoreSystem, string> = { kmoshops: SANDBOX_APP.secret, ccvshop: SANDBOX_APP_SECRET };
const envName: Record<AppStoreSystem, string> = { kmoshops: "KMOSHOPS_APP_SECRET", ccvshop: "CCVSHOP_APP_SECRET" };

export function appSecrets(system: AppStoreSystem, e: Env = env()): AppSecret[] {
  const secrets: AppSecret[] = [];
  const configured = envSecret[system](e);
  if (configured) secrets.push({ secret: configured, sandbox: false });
  if (isSandbox(e)) secrets.push({ secret: sandboxSecret[system], sandbox: true });
  return secrets;
}

/** A shop served by this app's own sandbox (`<APP_URL or SANDBOX_URL>/sandbox/<system>/<tenant>`). */
export const isOwnSandboxShop = (system: AppStoreSystem, baseUrl: string | null | undefined, e: Env = env()) =>
  !!baseUrl && baseUrl.startsWith(`${sandboxUrl(e)}/sandbox/${system}/`);

/**
 * Runs a connector's verify function with each secret we hold until one accepts the signature.
 * Anything but a signature problem (a bad body, a stale timestamp) is the answer as it is.
 * Returns the result and whether the sandbox secret was the one that matched.
 */
export function verifyWithAppSecret<T>(system: AppStoreSystem, verify: (secret: string) => T, e: Env = env()): { result: T; sandbox: boolean } {
  const secrets = appSecrets(system, e);
  if (secrets.length === 0) {
    throw new ConnectorError("not_configured", `App Store installs are not set up on this server: ${envName[system]} is missing.`, false);
  }
  let refusal: unknown;
  for (const { secret, sandbox } of secrets) {
    try {
      return { result: verify(secret), sandbox };
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== "invalid_signature") throw err;
      refusal = err;
    }
  }
  throw refusal;
}

/** The sandbox secret vouches only for sandbox shops. */
export function requireShopMatchesSecret(system: AppStoreSystem, sandbox: boolean, baseUrl: string | null | undefined, e: Env = env()): void {
  if (sandbox && !isOwnSandboxShop(system, baseUrl, e)) {
    throw new ConnectorError("invalid_signature", "This call is signed with the sandbox app secret, which is only valid for sandbox shops.", false);
  }
}
