import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { AdminError, patchDocument, storeDocument, type Json, type Kind } from "../../magento2/sandbox/documents";
import { magento1Dialect } from "./dialect";
import type { Magento1State } from "./state";

const kind = z.enum(["order", "invoice", "creditnote"]);
const documentBody = z.object({ kind, payload: z.record(z.string(), z.unknown()).default({}) });
const bulkBody = z.object({ kind, payloads: z.array(z.record(z.string(), z.unknown())).max(20_000), complete: z.boolean().default(true) });
const optionsBody = z.strictObject({ repeatLastPage: z.boolean().optional() });

const error = (status: number, message: string) => Response.json({ error: message }, { status });

/**
 * The webshop admin hooks of contracts/sandbox.md (`documents`, `PATCH documents/<id>`) plus the
 * sandbox-only `documents/bulk`, `options` (the last-page quirk) and `revoke` (the admin revokes
 * every token under System > Web Services > REST - OAuth Authorized Tokens).
 */
export async function magento1Admin(ctx: SandboxContext<Magento1State>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  try {
    if (resource === "documents" && method === "POST" && !id) {
      const body = documentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payload": {…}}.');
      const stored = await ctx.update((s) => storeDocument(s, magento1Dialect, body.data.kind as Kind, body.data.payload as Json));
      return Response.json({ id: String(stored.entity_id) }, { status: 201 });
    }
    if (resource === "documents" && method === "POST" && id === "bulk") {
      const body = bulkBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payloads": [{…}, …]}.');
      const ids = await ctx.update((s) => body.data.payloads.map((p) => String(storeDocument(s, magento1Dialect, body.data.kind as Kind, p as Json, { complete: body.data.complete }).entity_id)));
      return Response.json({ ids }, { status: 201 });
    }
    if (resource === "documents" && method === "PATCH" && id) {
      const changes = await ctx.req.json().catch(() => null);
      if (!changes || typeof changes !== "object" || Array.isArray(changes)) return error(400, "Body must be a JSON object of fields to change.");
      return Response.json(await ctx.update((s) => patchDocument(s, magento1Dialect, id, changes as Json)));
    }
    if (resource === "options" && !id && method === "GET") return Response.json((await ctx.read()).options);
    if (resource === "options" && !id && method === "PATCH") {
      const body = optionsBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, "Body may set repeatLastPage (boolean).");
      return Response.json(await ctx.update((s) => Object.assign(s.options, body.data)));
    }
    if (resource === "revoke" && method === "POST" && !id) {
      await ctx.update((s) => s.tokens.forEach((t) => { t.revoked = true; }));
      return new Response(null, { status: 204 });
    }
  } catch (err) {
    if (err instanceof AdminError) return error(err.status, err.message);
    throw err;
  }
  return undefined;
}
