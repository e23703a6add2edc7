import { sha256Hex } from "../signing";

/**
 * A sandbox shop's API keys, derived from its tenant slug so the demo seed (and tests) know them
 * without asking: the App Store handshake of the sandbox hands over exactly these.
 */
export const sandboxCredentials = (tenant: string) => ({
  publicKey: `pk_${tenant}`,
  secretKey: sha256Hex(`ccvshop-sandbox:${tenant}`),
});

/**
 * The "App Secret Key" the sandbox App Store signs handshakes, install links and uninstall calls
 * with: in sandbox mode the app verifies with this instead of the key from CCV's App Center.
 */
export const SANDBOX_APP_SECRET = "ccvshop-sandbox-app-secret";
