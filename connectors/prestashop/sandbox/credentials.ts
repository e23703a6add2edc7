import { createHash } from "node:crypto";

/**
 * A sandbox shop's webservice key, derived from its tenant slug so the demo seed and tests know it:
 * 32 upper-case letters and digits, like the keys PrestaShop generates.
 */
export const sandboxApiKey = (tenant: string) => createHash("sha256").update(`prestashop-sandbox:${tenant}`).digest("hex").slice(0, 32).toUpperCase();
