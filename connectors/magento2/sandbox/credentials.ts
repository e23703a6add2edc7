import { createHash, randomBytes } from "node:crypto";

/** Magento's keys, tokens and verifiers are 32 characters of digits and lower-case letters. */
const token32 = (seed: string) => createHash("sha256").update(seed).digest("hex").slice(0, 32);
export const randomToken = () => randomBytes(16).toString("hex");

/**
 * The keys of the integration every sandbox shop starts with, already active (as after the 2.4.4+
 * "no callback" activation): derived from the tenant slug so the demo seed and tests know them.
 */
export const sandboxCredentials = (tenant: string) => ({
  consumerKey: token32(`magento2-sandbox:${tenant}:consumer-key`),
  consumerSecret: token32(`magento2-sandbox:${tenant}:consumer-secret`),
  accessToken: token32(`magento2-sandbox:${tenant}:access-token`),
  accessTokenSecret: token32(`magento2-sandbox:${tenant}:access-token-secret`),
});
