import { createHash } from "node:crypto";

/**
 * The login every sandbox tenant accepts: username = the tenant slug, API key derived from it
 * (so tests and the demo can compute it; the sandbox is a simulator, not a secret store).
 */
export function sandboxCredentials(tenant: string): { username: string; apiKey: string } {
  return { username: tenant, apiKey: createHash("sha256").update(`factuursturen-sandbox:${tenant}`).digest("hex").slice(0, 32) };
}
