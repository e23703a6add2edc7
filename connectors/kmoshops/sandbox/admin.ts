import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { scheduleDeliveries } from "./deliver";
import { AdminError, patchOrder, storeOrder, storeRefund, type Fired } from "./orders";
import type { Json, KmoState } from "./state";

const documentBody = z.object({ kind: z.enum(["order", "invoice", "creditnote"]), payload: z.record(z.string(), z.unknown()).default({}) });
const bulkBody = z.object({
  count: z.number().int().min(1).max(100_000),
  payload: z.record(z.string(), z.unknown()).default({}),
  /** created_at/updated_at of the first order (default now); each next one `spread_seconds` later. */
  updated_at: z.iso.datetime({ offset: true }).optional(),
  spread_seconds: z.number().min(0).default(0),
});

const error = (status: number, message: string) => Response.json({ error: message }, { status });

/**
 * The webshop admin hooks of contracts/sandbox.md, KMO-style: `documents` (an order, or a refund
 * as kind "creditnote"; KMO has no invoices), `PATCH documents/<id>`, plus `bulk-orders` (many
 * orders in one go, no webhooks, as an import would) and `GET deliveries`.
 */
export async function kmoAdmin(ctx: SandboxContext<KmoState>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  try {
    if (resource === "documents" && method === "POST" && !id) {
      const body = documentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"kind": "order" | "creditnote", "payload": {…}}.');
      const { kind, payload } = body.data;
      if (kind === "invoice") return error(400, "KMO Shops has no invoices: post an order, or a refund as kind \"creditnote\" with payload {\"order_id\": …}.");
      const result = await mutate(ctx, (s) => (kind === "order" ? storeOrder(s, payload) : storeRefund(s, payload)));
      return Response.json({ id: result.id }, { status: 201 });
    }
    if (resource === "documents" && method === "PATCH" && id) {
      const changes = await ctx.req.json().catch(() => null);
      if (!changes || typeof changes !== "object" || Array.isArray(changes)) return error(400, "Body must be a JSON object of fields to change.");
      const result = await mutate(ctx, (s) => patchOrder(s, id, changes as Json));
      return Response.json(result.order);
    }
    if (resource === "bulk-orders" && method === "POST" && !id) {
      const body = bulkBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"count": n, "payload": {…}, "updated_at"?: ISO, "spread_seconds"?: n}.');
      const { count, payload, updated_at, spread_seconds } = body.data;
      const first = updated_at ? Date.parse(updated_at) : Date.now();
      const stamp = (i: number) => new Date(first + i * spread_seconds * 1000).toISOString();
      const ids = await ctx.update((s) => Array.from({ length: count }, (_, i) => storeOrder(s, { ...payload }, stamp(i)).id));
      return Response.json({ count: ids.length, first: ids[0], last: ids[ids.length - 1] }, { status: 201 });
    }
    if (resource === "deliveries" && method === "GET" && !id) return Response.json((await ctx.read()).deliveries);
  } catch (err) {
    if (err instanceof AdminError) return error(err.status, err.message);
    throw err;
  }
  return undefined;
}

/** Applies a change, then (after it is saved) delivers the webhooks it fired. */
async function mutate<T extends { fired: Fired[] }>(ctx: SandboxContext<KmoState>, change: (s: KmoState) => T): Promise<T> {
  const { result, state } = await ctx.update((s) => ({ result: change(s), state: { webhooks: s.webhooks.map((w) => ({ ...w })), credentials: { ...s.credentials } } }));
  scheduleDeliveries(ctx, state, result.fired);
  return result;
}
