import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { magento2Dialect } from "./dialect";
import { AdminError, patchDocument, storeDocument, type Json, type Kind } from "./documents";
import type { Magento2State } from "./state";

const kind = z.enum(["order", "invoice", "creditnote"]);
const documentBody = z.object({ kind, payload: z.record(z.string(), z.unknown()).default({}) });
const bulkBody = z.object({ kind, payloads: z.array(z.record(z.string(), z.unknown())).max(20_000), complete: z.boolean().default(true) });
const optionsBody = z.strictObject({ consumerKeyExpirySeconds: z.number().int().min(0).optional(), bearerTokens: z.boolean().optional(), repeatLastPage: z.boolean().optional() });

const error = (status: number, message: string) => Response.json({ error: message }, { status });

/**
 * The webshop admin hooks of contracts/sandbox.md (`documents`, `PATCH documents/<id>`) plus
 * sandbox-only ones: `documents/bulk` (many documents in one write, for volume tests; with
 * `"complete": false` stored as given, so ten thousand stay light), `options`
 * (Magento settings: consumer key expiry, bearer tokens, the last-page quirk) and `revoke`
 * (the merchant deletes the integration's tokens). Magento has no payments resource to post.
 */
export async function magentoAdmin(ctx: SandboxContext<Magento2State>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  try {
    if (resource === "documents" && method === "POST" && !id) {
      const body = documentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payload": {…}}.');
      const stored = await ctx.update((s) => storeDocument(s, magento2Dialect, body.data.kind as Kind, body.data.payload as Json));
      return Response.json({ id: String(stored.entity_id) }, { status: 201 });
    }
    if (resource === "documents" && method === "POST" && id === "bulk") {
      const body = bulkBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payloads": [{…}, …]}.');
      const ids = await ctx.update((s) => body.data.payloads.map((p) => String(storeDocument(s, magento2Dialect, body.data.kind as Kind, p as Json, { complete: body.data.complete }).entity_id)));
      return Response.json({ ids }, { status: 201 });
    }
    if (resource === "documents" && method === "PATCH" && id) {
      const changes = await ctx.req.json().catch(() => null);
      if (!changes || typeof changes !== "object" || Array.isArray(changes)) return error(400, "Body must be a JSON object of fields to change.");
      return Response.json(await ctx.update((s) => patchDocument(s, magento2Dialect, id, changes as Json)));
    }
    if (resource === "options" && !id && (method === "PATCH" || method === "GET")) {
      if (method === "GET") return Response.json((await ctx.read()).options);
      const body = optionsBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, "Body may set consumerKeyExpirySeconds (seconds), bearerTokens and repeatLastPage (booleans).");
      return Response.json(await ctx.update((s) => Object.assign(s.options, body.data)));
    }
    if (resource === "revoke" && method === "POST" && !id) {
      await ctx.update((s) => s.integrations.forEach((i) => { if (i.token) i.token.revoked = true; }));
      return new Response(null, { status: 204 });
    }
  } catch (err) {
    if (err instanceof AdminError) return error(err.status, err.message);
    throw err;
  }
  return undefined;
}
