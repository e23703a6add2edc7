import { createHash } from "node:crypto";

const token32 = (seed: string) => createHash("sha256").update(seed).digest("hex").slice(0, 32);

/**
 * The REST OAuth consumer every sandbox shop starts with, and the admin access token it was
 * already granted (as after the Connect button): derived from the tenant slug so tests know them.
 */
export const sandboxCredentials = (tenant: string) => ({
  consumerKey: token32(`magento1-sandbox:${tenant}:consumer-key`),
  consumerSecret: token32(`magento1-sandbox:${tenant}:consumer-secret`),
  accessToken: token32(`magento1-sandbox:${tenant}:access-token`),
  accessTokenSecret: token32(`magento1-sandbox:${tenant}:access-token-secret`),
});
