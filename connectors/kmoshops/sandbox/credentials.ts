import { createHash } from "node:crypto";

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * A sandbox shop's credentials, derived from its tenant slug so the demo seed and tests know them
 * without an install: the sandbox app store's handshake hands over exactly these.
 */
export const sandboxCredentials = (tenant: string) => ({
  shopId: tenant,
  apiKey: `kmo_${sha256Hex(`kmoshops-sandbox-key:${tenant}`).slice(0, 32)}`,
  webhookSecret: sha256Hex(`kmoshops-sandbox-webhook:${tenant}`),
});

/**
 * Our app as registered in the sandbox's app store: its id and secret, and the app routes KMO
 * calls (on the origin the sandbox is served from, i.e. the app itself). A query parameter of the
 * install page (install_url, handshake_url, uninstall_url) overrides a route, e.g. in tests.
 */
export const SANDBOX_APP = {
  id: "boekkoppeling",
  name: "Boekkoppeling",
  secret: "kmoshops-sandbox-app-secret",
  handshakePath: "/api/install/kmoshops/handshake",
  installPath: "/api/install/kmoshops/install",
  uninstallPath: "/api/install/kmoshops/uninstall",
} as const;
