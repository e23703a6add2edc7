import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { magentoError, notFound, routeNotFound } from "./http";
import { OAuthProblem, restCaller, restProblem } from "./oauth";
import { parseCriteria, parseFields, project, search } from "./search";
import { visible, type Json, type Magento2State } from "./state";

/** The ACL resource Magento names when a caller may not read a route. */
const ACL = { invoices: "Magento_Sales::sales_invoice", creditmemos: "Magento_Sales::sales_creditmemo", creditmemo: "Magento_Sales::sales_creditmemo", orders: "Magento_Sales::actions_view" } as const;
type Resource = keyof typeof ACL;

/**
 * The admin REST API under /rest[/<store code>]/V1 (webshop-apis.md §1.4–1.6): routes first (an
 * unknown one is 404 "Request does not match any route."), then OAuth / bearer auth, then the
 * resource. Lists take searchCriteria in both spellings and answer {items, search_criteria, total_count}.
 */
export async function restApi(ctx: SandboxContext<Magento2State>): Promise<Response> {
  const rest = ctx.path[1] === "V1" ? ctx.path.slice(2) : ctx.path[2] === "V1" && /^[a-z0-9_]+$/.test(ctx.path[1] ?? "") ? ctx.path.slice(3) : null;
  if (!rest) return routeNotFound();
  const [resource, id, ...extra] = rest.filter((s) => s !== "");
  if (!resource || !(resource in ACL) || extra.length || ctx.req.method !== "GET") return routeNotFound();
  // GET /creditmemos lists; one credit memo is GET /creditmemo/{id} (singular), as in Magento.
  if ((resource === "creditmemo" && !id) || (resource === "creditmemos" && id)) return routeNotFound();

  const state = await ctx.read();
  try {
    if (!restCaller(ctx, state)) return magentoError(401, "The consumer isn't authorized to access %resources.", { resources: ACL[resource as Resource] });
  } catch (err) {
    if (err instanceof OAuthProblem) return restProblem(err);
    throw err;
  }

  const collection = resource === "orders" ? state.orders : resource === "invoices" ? state.invoices : state.creditmemos;
  const fields = parseFields(ctx.url.searchParams.get("fields"));
  if (id) {
    const found = collection.find((d) => String(d.entity_id) === id);
    return found ? Response.json(project(present(found), fields)) : notFound();
  }
  const criteria = parseCriteria(ctx.url.searchParams);
  if (typeof criteria === "string") return magentoError(400, criteria);
  if (!criteria.given) return magentoError(400, '"%fieldName" is required. Enter and try again.', { fieldName: "searchCriteria" });
  const { page, total } = search(collection, criteria, state.options.repeatLastPage);
  const body = {
    items: page.map(present),
    search_criteria: {
      filter_groups: criteria.groups.map((filters) => ({ filters: filters.map((f) => ({ field: f.field, value: f.value, condition_type: f.condition })) })),
      ...(criteria.sorts.length ? { sort_orders: criteria.sorts } : {}),
      ...(criteria.pageSize ? { page_size: criteria.pageSize } : {}),
      current_page: criteria.currentPage,
    },
    total_count: total,
  };
  return Response.json(project(body, fields));
}

function present(doc: Json): Json {
  const out = visible(doc);
  if (Array.isArray(out.items)) out.items = (out.items as Json[]).map(visible);
  return out;
}
