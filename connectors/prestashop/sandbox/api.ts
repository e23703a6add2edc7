import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { authenticate } from "./auth";
import { emptyNotFound, errorResponse, formatOf, listResponse, objectResponse, resourcesResponse } from "./output";
import { RESOURCE_DEFS, present } from "./present";
import { applyList, didYouMean } from "./query";
import { LANGUAGES } from "./seed";
import { RESOURCES, type PsState, type Resource } from "./state";

/** Hidden in the webservice (OrderDetail's hidden_fields): stored, never served nor filterable. */
const HIDDEN = new Set(["tax_rate", "tax_name"]);

/** The webservice under /api/: checks in PrestaShop's order, then read-only resources. */
export async function webserviceApi(ctx: SandboxContext<PsState>): Promise<Response> {
  const format = formatOf(ctx.url);
  const state = await ctx.read();
  const checked = authenticate(ctx.req, ctx.url, state);
  if ("errors" in checked) return errorResponse(format, checked.errors, checked.headers);
  const { key } = checked;
  const method = ctx.req.method;
  const [resourceName = "", id, ...extra] = ctx.path.slice(1);
  const apiUrl = `${ctx.baseUrl}/api`;

  if (resourceName === "") return resourcesResponse(format, key.permissions, apiUrl);
  if (!(RESOURCES as readonly string[]).includes(resourceName)) {
    return errorResponse(format, [{ status: 400, code: 27, message: didYouMean(`Resource of type "${resourceName}" does not exists`, resourceName, [...RESOURCES]) }]);
  }
  const resource = resourceName as Resource;
  if (!key.permissions[resource]) {
    return errorResponse(format, [{ status: 401, code: 26, message: `Resource of type "${resource}" is not allowed with this authentication key` }]);
  }
  if (!["GET", "POST", "PUT", "DELETE", "HEAD"].includes(method)) return errorResponse(format, [{ status: 405, code: 23, message: `Method ${method} is not valid` }]);
  if (!key.permissions[resource]!.includes(method)) {
    return errorResponse(format, [{ status: 405, code: 25, message: `Method ${method} is not allowed for the resource ${resource} with this authentication key` }]);
  }
  if (method !== "GET" && method !== "HEAD") {
    return errorResponse(format, [{ status: 405, code: 101, message: `Method ${method} is not allowed for the resource ${resource}` }]); // the sandbox shop is read-only
  }

  const def = RESOURCE_DEFS[resource];
  const languages = languagesOf(ctx.url.searchParams.get("language"));
  if (!languages) return errorResponse(format, [{ status: 400, code: 79, message: "language value is wrong" }]);
  if ((id !== undefined && id !== "") || extra.length) {
    const record = state.data[resource].find((r) => String(r.id) === String(parseInt(id ?? "", 10)));
    if (!record || extra.length) return emptyNotFound(format);
    return objectResponse(format, resource, def.singular, displayed(present(resource, record, state, languages), ctx.url.searchParams.get("display")), ctx.url.searchParams.has("display"), method);
  }

  // Filters and sorting see the scalar fields; associations are added to the page that is served only.
  const filterable = def.fields.map(([n]) => n).filter((n) => !HIDDEN.has(n) && !(def.i18n ?? []).includes(n));
  const stored = new Map(state.data[resource].map((r) => [String(r.id), r]));
  const result = applyList(state.data[resource].map((r) => present(resource, r, undefined, languages)), ctx.url.searchParams, filterable, def.i18n);
  if ("error" in result) return errorResponse(format, [result.error]);
  const items =
    result.display === "ids" ? result.items
    : result.display === "full" ? result.items.map((i) => present(resource, stored.get(String(i.id))!, state, languages))
    : result.items.map((i) => pickFields(i, result.display as string[]));
  return listResponse(format, resource, def.singular, items, result.display === "ids", apiUrl, method);
}

function displayed(item: Record<string, unknown>, display: string | null) {
  const fields = display && display !== "full" ? /^\[(.*)\]$/.exec(display)?.[1]?.split(",").map((s) => s.trim()) : undefined;
  return fields ? pickFields(item, fields) : item;
}

const pickFields = (item: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]]));

/** `language=1`, `[1|2]`, `[1,2]`; none = every installed language. */
function languagesOf(value: string | null): number[] | null {
  const installed = LANGUAGES.map((l) => l.id);
  if (value === null) return installed;
  const m = /^\[?([\d|,]+)\]?$/.exec(value.trim());
  if (!m) return null;
  const ids = m[1]!.includes(",") ? rangeOf(m[1]!) : m[1]!.split("|").map(Number);
  return ids.filter((id) => installed.includes(id));
}

function rangeOf(text: string): number[] {
  const [a, b] = text.split(",").map(Number) as [number, number];
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
}
