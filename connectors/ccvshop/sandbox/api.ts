import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { ccvDate } from "../signing";
import { authenticate, signedUri } from "./auth";
import { applyFilters } from "./filters";
import { signedJson } from "./http";
import { collection } from "./paging";
import { API, presentInvoice, presentOrder, presentRow, presentWebhook } from "./present";
import { rateLimit } from "./rate-limit";
import type { CcvState, Json } from "./state";

/** Webhook events a CCV shop accepts (webshop-apis.md §2.7; invoices.created as the manuals describe it). */
const EVENTS = new Set([
  "orders.created", "orders.updated.ispaid", "orders.updated.status", "orders.updated.trackandtrace", "orders.deleted",
  "invoices.created", "invoices.updated.status",
  "products.created", "products.updated", "products.deleted", "returns.created", "returns.updated", "returns.deleted",
  "categories.created", "categories.updated", "categories.deleted",
]);

const PAYMETHODS = [
  { id: 1, name: "Bank transfer", type: "banktransfer" }, { id: 12, name: "iDEAL", type: "ideal" }, { id: 7, name: "PayPal", type: "paypal" },
  { id: 9, name: "Credit card", type: "creditcard" }, { id: 21, name: "AfterPay", type: "afterpay" }, { id: 30, name: "Bancontact / Mister Cash", type: "mistercash" },
];

const createWebhook = z.object({ event: z.string(), address: z.url(), is_active: z.boolean().optional() });
const patchWebhook = z.strictObject({ address: z.url().optional(), is_active: z.boolean().optional() });
const patchApp = z.object({ is_installed: z.boolean() });

/** The signed REST API under /api/rest/v1: auth, rate limits, resources, CCV's error shape, signed answers. */
export async function ccvRestApi(ctx: SandboxContext<CcvState>): Promise<Response> {
  const method = ctx.req.method;
  const uri = signedUri(ctx.url, ctx.tenant);
  const body = await ctx.req.text();
  const state = await ctx.read();
  const denied = authenticate(ctx.req, uri, body, state);
  if (denied) return denied;
  const [resource = "", id, sub, ...extra] = ctx.path.slice(3).filter((s) => s !== ""); // "orders/1/" is "orders/1"
  const limited = rateLimit(ctx.tenant, resource, method);
  if (limited) return limited;

  const sign = { publicKey: state.credentials.publicKey, secretKey: state.credentials.secretKey, method, uri };
  const ok = (data: unknown, status = 200) => signedJson(data, status, sign);
  const fail = (status: number, code: string, message: string) => signedJson({ status, code, developermessage: message }, status, sign);
  const notFound = () => fail(404, "404.10", `No ${resource} with id ${id}.`); // code inferred: CCV documents 404.20 only for resource names
  const notAllowed = () => fail(405, "405.10", `Method ${method} is not allowed on this resource.`);
  const list = (items: Json[], path: string) => ok(collection(items, ctx.url, `${ctx.baseUrl}${API}/${path}`));
  const base = ctx.baseUrl;
  if (extra.length) return fail(404, "404.20", "Invalid resource name.");

  switch (resource) {
    case "orders": {
      if (method !== "GET") return notAllowed();
      if (!id) {
        const completed = ctx.url.searchParams.get("is_completed") ?? "true"; // hidden baskets unless asked for
        const q = new URLSearchParams(ctx.url.searchParams);
        q.set("is_completed", completed);
        const found = applyFilters(state.orders, q, { ordernumber: ["ordernumber", "ordernumber_full"], status: ["status"], is_paid: ["paid"], is_completed: ["is_completed"], paymethod_id: ["paymethod_id"], transaction_id: ["transaction_id"] }, ["id", "ordernumber", "create_date", "deliver_date"]);
        return typeof found === "string" ? fail(400, "400.10", found) : list(found.map((o) => presentOrder(o, base)), "orders");
      }
      const order = state.orders.find((o) => String(o.id) === id);
      if (!order) return notFound();
      if (!sub) return ok(presentOrder(order, base));
      if (sub === "orderrows") return list(state.orderrows.filter((r) => String(r.order_id) === id).map((r) => presentRow(r, base, "orderrows")), `orders/${id}/orderrows`);
      if (sub === "invoices") return list(state.invoices.filter((i) => String(i._order_id) === id).map((i) => presentInvoice(i, base)), `orders/${id}/invoices`);
      return fail(404, "404.20", "Invalid resource name.");
    }
    case "invoices": {
      if (method !== "GET") return notAllowed();
      if (!id) {
        const found = applyFilters(state.invoices, ctx.url.searchParams, { invoicenumber: ["invoicenumber"], invoicenumber_full: ["invoicenumber_full"], ordernumber: ["ordernumber"], ordernumber_full: ["ordernumber_full"], status: ["status"] }, ["id", "invoicenumber", "ordernumber", "invoicenumber_full", "ordernumber_full", "create_date", "status", "total_price"]);
        return typeof found === "string" ? fail(400, "400.10", found) : list(found.map((i) => presentInvoice(i, base)), "invoices");
      }
      const invoice = state.invoices.find((i) => String(i.id) === id);
      if (!invoice) return notFound();
      if (!sub) return ok(presentInvoice(invoice, base));
      if (sub === "invoicerows") return list(state.invoicerows.filter((r) => String(r.invoice_id) === id).map((r) => presentRow(r, base, "invoicerows")), `invoices/${id}/invoicerows`);
      return fail(404, "404.20", "Invalid resource name.");
    }
    case "orderrows":
    case "invoicerows": {
      if (method !== "GET") return notAllowed();
      if (!id || sub) return fail(404, "404.20", "Invalid resource name.");
      const row = state[resource].find((r) => String(r.id) === id);
      return row ? ok(presentRow(row, base, resource)) : notFound();
    }
    case "webhooks":
      return webhooks(ctx, id, sub, method, body, { ok, fail, notFound, notAllowed, list });
    case "apps": {
      if (sub) return fail(404, "404.20", "Invalid resource name.");
      const app = { ...state.app, href: `${base}${API}/apps/${state.app.id}` };
      const visible = { id: app.id, href: app.href, name: app.name, is_installed: app.is_installed };
      if (!id) return method === "GET" ? list([visible], "apps") : notAllowed();
      if (id !== String(state.app.id)) return notFound();
      if (method === "GET") return ok(visible);
      if (method !== "PATCH") return notAllowed();
      const patch = patchApp.safeParse(parseJson(body));
      if (!patch.success) return fail(400, "400.10", "Only is_installed (boolean) can be changed.");
      await ctx.update((s) => void (s.app = { ...s.app, is_installed: patch.data.is_installed, installed_at: patch.data.is_installed ? new Date().toISOString() : s.app.installed_at }));
      return ok(null, 204);
    }
    case "paymethods":
      if (method !== "GET") return notAllowed();
      return id ? (PAYMETHODS.find((p) => String(p.id) === id) ? ok(PAYMETHODS.find((p) => String(p.id) === id)) : notFound()) : list(PAYMETHODS, "paymethods");
    default:
      return fail(404, "404.20", "Invalid resource name.");
  }
}

type Replies = {
  ok: (data: unknown, status?: number) => Response;
  fail: (status: number, code: string, message: string) => Response;
  notFound: () => Response;
  notAllowed: () => Response;
  list: (items: Json[], path: string) => Response;
};

async function webhooks(ctx: SandboxContext<CcvState>, id: string | undefined, sub: string | undefined, method: string, body: string, r: Replies): Promise<Response> {
  const base = ctx.baseUrl;
  if (sub) return r.fail(404, "404.20", "Invalid resource name.");
  if (!id) {
    if (method === "GET") return r.list((await ctx.read()).webhooks.map((w) => presentWebhook(w, base)), "webhooks");
    if (method !== "POST") return r.notAllowed();
    const input = createWebhook.safeParse(parseJson(body));
    if (!input.success) return r.fail(400, "400.10", "A webhook needs an event and an absolute address URL.");
    if (!EVENTS.has(input.data.event)) return r.fail(400, "400.11", `Unknown webhook event "${input.data.event}".`);
    const webhook = await ctx.update((s) => {
      const created = { id: s.seq.webhook++, createdate: ccvDate(new Date()), event: input.data.event, address: input.data.address, key: randomBytes(24).toString("base64url"), is_active: input.data.is_active ?? true };
      s.webhooks.push(created);
      return created;
    });
    return r.ok(presentWebhook(webhook, base), 201);
  }
  const existing = (await ctx.read()).webhooks.find((w) => String(w.id) === id);
  if (!existing) return r.notFound();
  if (method === "GET") return r.ok(presentWebhook(existing, base));
  if (method === "DELETE") {
    await ctx.update((s) => void (s.webhooks = s.webhooks.filter((w) => String(w.id) !== id)));
    return r.ok(null, 204);
  }
  if (method !== "PATCH") return r.notAllowed();
  const patch = patchWebhook.safeParse(parseJson(body));
  if (!patch.success) return r.fail(400, "400.10", "Only address and is_active can be changed.");
  await ctx.update((s) => {
    const w = s.webhooks.find((x) => String(x.id) === id);
    if (w) Object.assign(w, patch.data);
  });
  return r.ok(null, 204);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
