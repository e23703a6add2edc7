import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { documentHooks, optionsHook } from "../../magento2/sandbox/admin-documents";
import { magento1Dialect } from "./dialect";
import type { Magento1State } from "./state";

const optionsBody = z.strictObject({ repeatLastPage: z.boolean().optional() });

/**
 * The webshop admin hooks of contracts/sandbox.md (`documents`, `PATCH documents/<id>`, with the
 * sandbox-only `documents/bulk`), plus `options` (the last-page quirk) and `revoke` (the admin
 * revokes every token under System > Web Services > REST - OAuth Authorized Tokens).
 */
export async function magento1Admin(ctx: SandboxContext<Magento1State>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  if (resource === "documents") return documentHooks(ctx, magento1Dialect, method, id);
  if (resource === "options" && !id) return optionsHook(ctx, method, optionsBody, "Body may set repeatLastPage (boolean).");
  if (resource === "revoke" && method === "POST" && !id) {
    await ctx.update((s) => s.tokens.forEach((t) => { t.revoked = true; }));
    return new Response(null, { status: 204 });
  }
  return undefined;
}
