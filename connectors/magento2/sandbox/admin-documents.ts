import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { AdminError, patchDocument, storeDocument, type Dialect, type DocumentStore, type Json, type Kind } from "./documents";

const kind = z.enum(["order", "invoice", "creditnote"]);
const documentBody = z.object({ kind, payload: z.record(z.string(), z.unknown()).default({}) });
const bulkBody = z.object({ kind, payloads: z.array(z.record(z.string(), z.unknown())).max(20_000), complete: z.boolean().default(true) });

export const adminError = (status: number, message: string) => Response.json({ error: message }, { status });

/**
 * The document hooks both Magento sandboxes share: contracts/sandbox.md's `POST documents` and
 * `PATCH documents/<id>`, plus the sandbox-only `POST documents/bulk` (many documents in one write,
 * for volume tests; `"complete": false` stores them as given, so ten thousand stay light).
 * Undefined when the route is not one of these.
 */
export async function documentHooks<S extends DocumentStore>(ctx: SandboxContext<S>, dialect: Dialect, method: string, id: string | undefined): Promise<Response | undefined> {
  try {
    if (method === "POST" && !id) {
      const body = documentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return adminError(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payload": {…}}.');
      const stored = await ctx.update((s) => storeDocument(s, dialect, body.data.kind as Kind, body.data.payload as Json));
      return Response.json({ id: String(stored.entity_id) }, { status: 201 });
    }
    if (method === "POST" && id === "bulk") {
      const body = bulkBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return adminError(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payloads": [{…}, …]}.');
      const ids = await ctx.update((s) => body.data.payloads.map((p) => String(storeDocument(s, dialect, body.data.kind as Kind, p as Json, { complete: body.data.complete }).entity_id)));
      return Response.json({ ids }, { status: 201 });
    }
    if (method === "PATCH" && id) {
      const changes = await ctx.req.json().catch(() => null);
      if (!changes || typeof changes !== "object" || Array.isArray(changes)) return adminError(400, "Body must be a JSON object of fields to change.");
      return Response.json(await ctx.update((s) => patchDocument(s, dialect, id, changes as Json)));
    }
  } catch (err) {
    if (err instanceof AdminError) return adminError(err.status, err.message);
    throw err;
  }
  return undefined;
}

/** `GET|PATCH options`: the simulated shop's settings, validated by `schema`. */
export async function optionsHook<S extends { options: object }>(ctx: SandboxContext<S>, method: string, schema: z.ZodType<object>, help: string): Promise<Response | undefined> {
  if (method === "GET") return Response.json((await ctx.read()).options);
  if (method !== "PATCH") return undefined;
  const body = schema.safeParse(await ctx.req.json().catch(() => null));
  if (!body.success) return adminError(400, help);
  return Response.json(await ctx.update((s) => Object.assign(s.options, body.data)));
}
