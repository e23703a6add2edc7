import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { API_PREFIX, WEBHOOK_TOPICS } from "../contract";
import { kmoError, parseJson } from "./http";
import { orderPage } from "./paging";
import { rateLimit } from "./rate-limit";
import type { Json, KmoState } from "./state";

/** Topics a KMO shop accepts a registration for: ours, and a few a real platform would have too. */
const TOPICS = new Set<string>([...WEBHOOK_TOPICS, "order.deleted", "product.created", "product.updated", "product.deleted", "customer.created"]);
const createWebhook = z.object({ topic: z.string(), address: z.url() });

/** The REST API of contract.ts under /api/v1: bearer auth, the rate limit, resources, KMO's error shape. */
export async function kmoRestApi(ctx: SandboxContext<KmoState>): Promise<Response> {
  const method = ctx.req.method;
  const state = await ctx.read();
  const auth = ctx.req.headers.get("authorization");
  if (!auth?.trim()) return kmoError(401, "Missing API key: send Authorization: Bearer <api key>.");
  if (!/^Bearer\s+/i.test(auth) || auth.replace(/^Bearer\s+/i, "").trim() !== state.credentials.apiKey) return kmoError(401, "Invalid API key.");
  if (!state.app.installed) return kmoError(401, "The app is not installed in this shop; its API key is revoked.");
  const limited = rateLimit(ctx.tenant);
  if (limited) return limited;

  const [resource = "", id, ...extra] = ctx.path.slice(API_PREFIX.split("/").filter(Boolean).length).filter((s) => s !== "");
  const notFound = (what: string) => kmoError(404, `${what} does not exist.`);
  const notAllowed = () => kmoError(405, `${method} is not allowed on /${resource}${id ? "/{id}" : ""}.`);
  if (extra.length) return notFound(`The resource ${ctx.path.join("/")}`);

  switch (resource) {
    case "shop":
      if (method !== "GET" || id) return id ? notFound("This resource") : notAllowed();
      return Response.json({ id: state.credentials.shopId, name: state.shop.name, url: ctx.baseUrl, country: state.shop.country, currency: state.shop.currency });
    case "orders": {
      if (method !== "GET") return notAllowed();
      if (!id) {
        const page = orderPage(state.orders, ctx.url.searchParams);
        return typeof page === "string" ? kmoError(400, page) : Response.json(page);
      }
      const order = state.orders.find((o) => String(o.id) === id);
      return order ? Response.json(order) : notFound(`Order ${id}`);
    }
    case "refunds": {
      if (method !== "GET" || !id) return id ? notAllowed() : notFound("A refund list");
      const refund = state.refunds.find((r) => String(r.id) === id);
      return refund ? Response.json(refund) : notFound(`Refund ${id}`);
    }
    case "webhooks":
      return webhooks(ctx, method, id);
    default:
      return notFound(`The resource /${resource}`);
  }
}

async function webhooks(ctx: SandboxContext<KmoState>, method: string, id: string | undefined): Promise<Response> {
  if (!id) {
    if (method === "GET") return Response.json({ data: (await ctx.read()).webhooks });
    if (method !== "POST") return kmoError(405, `${method} is not allowed on /webhooks.`);
    const input = createWebhook.safeParse(parseJson(await ctx.req.text()));
    if (!input.success) return kmoError(422, "A webhook needs a topic and an absolute http(s) address.");
    if (!["http:", "https:"].includes(new URL(input.data.address).protocol)) return kmoError(422, "The address must be an http(s) URL.");
    if (!TOPICS.has(input.data.topic)) return kmoError(422, `Unknown topic "${input.data.topic}"; known: ${[...TOPICS].join(", ")}.`);
    const created = await ctx.update((s) => {
      const webhook = { id: s.seq.webhook++, topic: input.data.topic, address: input.data.address, created_at: new Date().toISOString() };
      s.webhooks.push(webhook);
      return webhook;
    });
    return Response.json(created satisfies Json, { status: 201 });
  }
  if (method !== "DELETE") return kmoError(405, `${method} is not allowed on /webhooks/{id}.`);
  const removed = await ctx.update((s) => {
    const before = s.webhooks.length;
    s.webhooks = s.webhooks.filter((w) => String(w.id) !== id);
    return s.webhooks.length < before;
  });
  return removed ? new Response(null, { status: 204 }) : kmoError(404, `Webhook ${id} does not exist.`);
}
