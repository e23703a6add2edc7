import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { documentHooks, optionsHook } from "./admin-documents";
import { magento2Dialect } from "./dialect";
import type { Magento2State } from "./state";

const optionsBody = z.strictObject({ consumerKeyExpirySeconds: z.number().int().min(0).optional(), bearerTokens: z.boolean().optional(), repeatLastPage: z.boolean().optional() });

/**
 * The webshop admin hooks of contracts/sandbox.md (`documents`, `PATCH documents/<id>`, with the
 * sandbox-only `documents/bulk`), plus `options` (Magento settings: consumer key expiry, bearer
 * tokens, the last-page quirk) and `revoke` (the merchant deletes the integration's tokens).
 * Magento has no payments resource to post.
 */
export async function magentoAdmin(ctx: SandboxContext<Magento2State>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  if (resource === "documents") return documentHooks(ctx, magento2Dialect, method, id);
  if (resource === "options" && !id) return optionsHook(ctx, method, optionsBody, "Body may set consumerKeyExpirySeconds (seconds), bearerTokens and repeatLastPage (booleans).");
  if (resource === "revoke" && method === "POST" && !id) {
    await ctx.update((s) => s.integrations.forEach((i) => { if (i.token) i.token.revoked = true; }));
    return new Response(null, { status: 204 });
  }
  return undefined;
}
