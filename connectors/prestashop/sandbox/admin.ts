import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { AdminError, patchOrder, recordPayment, storeOrder } from "./documents";
import { present } from "./present";
import type { Json, PsState } from "./state";

const documentBody = z.object({ kind: z.literal("order", { message: 'PrestaShop documents are orders: kind must be "order"' }), payload: z.record(z.string(), z.unknown()).default({}) });
const paymentBody = z.object({ documentId: z.union([z.string(), z.number()]).transform(String), payload: z.record(z.string(), z.unknown()).default({}) });
const webserviceBody = z.strictObject({
  enabled: z.boolean().optional(),
  dropsAuthorizationHeader: z.boolean().optional(),
  keyActive: z.boolean().optional(),
  /** resource → methods allowed for the key; a resource left out is not allowed at all. */
  permissions: z.record(z.string(), z.array(z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]))).optional(),
});

const error = (status: number, message: string) => Response.json({ error: message }, { status });

/**
 * The webshop admin hooks of contracts/sandbox.md: `POST documents` (also a JSON array of them,
 * answered `{"ids": […]}`), `PATCH documents/<id>`, `POST payments`; plus `GET|PATCH webservice`
 * (the webservice switch, the key's permissions, a server that drops the Authorization header).
 */
export async function prestashopAdmin(ctx: SandboxContext<PsState>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  try {
    if (resource === "documents" && method === "POST" && !id) {
      const raw: unknown = await ctx.req.json().catch(() => null);
      const many = Array.isArray(raw);
      const bodies = (many ? raw : [raw]).map((b) => documentBody.safeParse(b));
      const bad = bodies.find((b) => !b.success);
      if (bad && !bad.success) return error(400, `Body must be {"kind": "order", "payload": {…}} (or an array of those): ${bad.error.issues[0]?.message}.`);
      const ids = await ctx.update((s) => bodies.map((b) => String(storeOrder(s, b.data!.payload as Json).id)));
      return Response.json(many ? { ids } : { id: ids[0] }, { status: 201 });
    }
    if (resource === "documents" && method === "PATCH" && id) {
      const changes: unknown = await ctx.req.json().catch(() => null);
      if (!changes || typeof changes !== "object" || Array.isArray(changes)) return error(400, "Body must be a JSON object of order fields to change.");
      const order = await ctx.update((s) => present("orders", patchOrder(s, id, changes as Json), s));
      return Response.json({ order });
    }
    if (resource === "payments" && method === "POST" && !id) {
      const body = paymentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"documentId": "…", "payload": {…}}.');
      const result = await ctx.update((s) => recordPayment(s, body.data.documentId, body.data.payload as Json));
      return Response.json({ id: String(result.id) }, { status: 201 });
    }
    if (resource === "webservice" && !id && (method === "GET" || method === "PATCH")) {
      if (method === "PATCH") {
        const body = webserviceBody.safeParse(await ctx.req.json().catch(() => null));
        if (!body.success) return error(400, "Body may hold enabled, dropsAuthorizationHeader, keyActive (booleans) and permissions ({resource: [methods]}).");
        await ctx.update((s) => {
          const { enabled, dropsAuthorizationHeader, keyActive, permissions } = body.data;
          if (enabled !== undefined) s.webservice.enabled = enabled;
          if (dropsAuthorizationHeader !== undefined) s.webservice.dropsAuthorizationHeader = dropsAuthorizationHeader;
          if (keyActive !== undefined) s.keys[0]!.active = keyActive;
          if (permissions) s.keys[0]!.permissions = permissions;
        });
      }
      const s = await ctx.read();
      return Response.json({ ...s.webservice, key: s.keys[0] });
    }
  } catch (err) {
    if (err instanceof AdminError) return error(err.status, err.message);
    throw err;
  }
  return undefined;
}
