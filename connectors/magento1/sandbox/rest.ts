import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import type { Json } from "../../magento2/sandbox/documents";
import { compare } from "../../magento2/sandbox/search";
import { apiError } from "./http";
import { OAuthProblem, processRequest } from "./oauth";
import type { Magento1State } from "./state";

/**
 * /api/rest (Mage_Api2): authentication first (OAuth header, else the guest, who may read nothing:
 * 403 "Access denied"), then the route, then the resource. Core `orders` (with addresses,
 * order_items and payment_method), and the invoice extension's `invoices` and `creditmemos` (rows
 * under invoice_items / creditmemo_items). Lists: page, limit (default 10, max 100), order/dir,
 * filter[n][attribute] with one condition each (AND-ed); the answer is keyed by entity id, and a page
 * past the end is the last page again (Varien collections clamp the page).
 */
const RESOURCES = ["invoices", "creditmemos", "orders"] as const;
type Resource = (typeof RESOURCES)[number];
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const CONDITIONS = ["eq", "neq", "gt", "lt", "from", "to", "in", "nin"] as const;

export async function restApi(ctx: SandboxContext<Magento1State>): Promise<Response> {
  const state = await ctx.read();
  if (/^oauth/i.test(ctx.req.headers.get("authorization") ?? "")) {
    try {
      processRequest(ctx, state, "resource");
    } catch (err) {
      if (err instanceof OAuthProblem) return apiError(401, err.report);
      throw err;
    }
  } else {
    return apiError(403, "Access denied");
  }
  const [resource, id, ...extra] = ctx.path.slice(2).filter((s) => s !== "");
  if (!resource || !RESOURCES.includes(resource as Resource) || extra.length) return apiError(404, "Request does not match any route.");
  if (ctx.req.method !== "GET") return apiError(405, "Resource does not support method.");
  const collection = state[resource as Resource];
  if (id) {
    const found = collection.find((d) => String(d.entity_id) === id);
    return found ? Response.json(found) : apiError(404, "Resource not found.");
  }
  const q = ctx.url.searchParams;
  const limit = q.has("limit") ? Number(q.get("limit")) : DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit <= 0 || limit > MAX_LIMIT) return apiError(400, "The paging limit exceeds the allowed number.");
  const page = q.has("page") ? Number(q.get("page")) : 1;
  if (!Number.isInteger(page) || page <= 0) return apiError(400, "Resource collection paging error.");
  const filters = parseFilters(q);
  if (!filters) return apiError(400, "Resource collection filtering error.");

  const found = collection.filter((d) => filters.every((f) => matches(d[f.attribute], f.condition, f.value)));
  const order = q.get("order");
  if (order) {
    const sign = q.get("dir") === "dsc" ? -1 : 1;
    found.sort((a, b) => sign * compare(a[order], b[order]));
  }
  const lastPage = Math.max(1, Math.ceil(found.length / limit));
  const current = page > lastPage && state.options.repeatLastPage ? lastPage : page;
  const items = found.slice((current - 1) * limit, current * limit).map((d) => listed(resource as Resource, d));
  if (items.length === 0) return Response.json([]);
  // PHP keeps the order of an array keyed by id; build the JSON by hand so JavaScript does not sort the keys.
  const body = `{${items.map((d) => `${JSON.stringify(String(d.entity_id))}:${JSON.stringify(d)}`).join(",")}}`;
  return new Response(body, { headers: { "content-type": "application/json; charset=UTF-8" } });
}

/** Lists of the extension carry the header only; core orders carry everything. */
function listed(resource: Resource, doc: Json): Json {
  if (resource === "orders") return doc;
  const { invoice_items: _i, creditmemo_items: _c, ...head } = doc;
  return head;
}

type Filter = { attribute: string; condition: (typeof CONDITIONS)[number]; value: string };

function parseFilters(q: URLSearchParams): Filter[] | null {
  const byIndex = new Map<string, Record<string, string>>();
  for (const [key, value] of q.entries()) {
    const m = /^filter\[(\d+)\]\[([a-z_]+)\](?:\[\d*\])?$/.exec(key);
    if (!m) continue;
    const entry = byIndex.get(m[1]!) ?? {};
    entry[m[2]!] = entry[m[2]!] ? `${entry[m[2]!]},${value}` : value;
    byIndex.set(m[1]!, entry);
  }
  const filters: Filter[] = [];
  for (const entry of byIndex.values()) {
    const { attribute, ...conditions } = entry;
    if (!attribute) return null;
    for (const [condition, value] of Object.entries(conditions)) {
      if (!CONDITIONS.includes(condition as Filter["condition"])) return null;
      filters.push({ attribute, condition: condition as Filter["condition"], value });
    }
  }
  return filters;
}

function matches(value: unknown, condition: Filter["condition"], target: string): boolean {
  const set = () => target.split(",").map((v) => v.trim());
  switch (condition) {
    case "eq": return compare(value, target) === 0;
    case "neq": return compare(value, target) !== 0;
    case "gt": return compare(value, target) > 0;
    case "lt": return compare(value, target) < 0;
    case "from": return compare(value, target) >= 0;
    case "to": return compare(value, target) <= 0;
    case "in": return set().some((v) => compare(value, v) === 0);
    case "nin": return !set().some((v) => compare(value, v) === 0);
  }
}
