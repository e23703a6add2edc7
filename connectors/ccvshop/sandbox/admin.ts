import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { scheduleDeliveries } from "./deliver";
import { AdminError, patchDocument, recordPayment, storeInvoice, storeOrder, type Fired } from "./documents";
import { presentInvoice, presentOrder } from "./present";
import type { CcvState, Json, Webhook } from "./state";

const documentBody = z.object({ kind: z.enum(["order", "invoice", "creditnote"]), payload: z.record(z.string(), z.unknown()).default({}) });
const paymentBody = z.object({ documentId: z.union([z.string(), z.number()]).transform(String), payload: z.record(z.string(), z.unknown()).default({}) });

const error = (status: number, message: string) => Response.json({ error: message }, { status });

/** The webshop admin hooks of contracts/sandbox.md: documents (POST, PATCH), payments, plus GET deliveries. */
export async function ccvAdmin(ctx: SandboxContext<CcvState>, method: string, sub: string[]): Promise<Response | undefined> {
  const [resource, id, ...rest] = sub;
  if (rest.length) return undefined;
  try {
    if (resource === "documents" && method === "POST" && !id) {
      const body = documentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"kind": "order" | "invoice" | "creditnote", "payload": {…}}.');
      const { kind, payload } = body.data;
      const result = await mutate(ctx, (s) => (kind === "order" ? storeOrder(s, payload, ctx.baseUrl) : storeInvoice(s, payload, kind === "creditnote", ctx.baseUrl)));
      return Response.json({ id: result.id }, { status: 201 });
    }
    if (resource === "documents" && method === "PATCH" && id) {
      const changes = await ctx.req.json().catch(() => null);
      if (!changes || typeof changes !== "object" || Array.isArray(changes)) return error(400, "Body must be a JSON object of fields to change.");
      const result = await mutate(ctx, (s) => {
        const fired = patchDocument(s, id, changes as Json, ctx.baseUrl);
        const order = s.orders.find((o) => String(o.id) === id);
        const resource = order ? presentOrder(order, ctx.baseUrl) : presentInvoice(s.invoices.find((i) => String(i.id) === id)!, ctx.baseUrl);
        return { id, fired, resource };
      });
      return Response.json(result.resource);
    }
    if (resource === "payments" && method === "POST" && !id) {
      const body = paymentBody.safeParse(await ctx.req.json().catch(() => null));
      if (!body.success) return error(400, 'Body must be {"documentId": "…", "payload": {…}}.');
      const result = await mutate(ctx, (s) => recordPayment(s, body.data.documentId, body.data.payload, ctx.baseUrl));
      return Response.json({ id: result.id }, { status: 201 });
    }
    if (resource === "deliveries" && method === "GET" && !id) return Response.json((await ctx.read()).deliveries);
  } catch (err) {
    if (err instanceof AdminError) return error(err.status, err.message);
    throw err;
  }
  return undefined;
}

/** Applies a change, then (after it is saved) delivers the webhooks it fired. */
async function mutate<T extends { fired: Fired[] }>(ctx: SandboxContext<CcvState>, change: (s: CcvState) => T): Promise<T> {
  const { result, webhooks } = await ctx.update((s) => ({ result: change(s), webhooks: s.webhooks.map((w): Webhook => ({ ...w })) }));
  scheduleDeliveries(ctx, webhooks, result.fired);
  return result;
}
