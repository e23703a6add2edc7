import type { Json } from "./state";

/**
 * Magento 2's searchCriteria as the REST layer reads it (webshop-apis.md §1.6): snake_case and
 * camelCase spellings both, filters within a group OR-ed, groups AND-ed, sort orders (descending
 * when no direction is given), pageSize/currentPage, and the `fields` projection.
 */
type Filter = { field: string; value: string; condition: string };
export type Criteria = { groups: Filter[][]; sorts: { field: string; direction: "ASC" | "DESC" }[]; pageSize?: number; currentPage: number; given: boolean };

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The searchCriteria[…] parameters as a nested object, keys in camelCase. */
export function parseCriteria(params: URLSearchParams): Criteria | string {
  const root: Record<string, unknown> = {};
  let given = false;
  for (const [key, value] of params.entries()) {
    if (key === "searchCriteria") { given = true; continue; }
    if (!key.startsWith("searchCriteria[")) continue;
    given = true;
    const path = [...key.slice("searchCriteria".length).matchAll(/\[([^\]]*)\]/g)].map((m) => camel(m[1]!));
    let at = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) at[segment] = value;
      else at = (at[segment] ??= {}) as Record<string, unknown>;
    });
  }
  const list = (value: unknown) => (value && typeof value === "object" ? Object.keys(value).sort((a, b) => +a - +b).map((k) => (value as Record<string, unknown>)[k] as Record<string, unknown>) : []);
  const groups = list(root.filterGroups).map((g) => list(g.filters).map((f) => ({ field: String(f.field ?? ""), value: String(f.value ?? ""), condition: String(f.conditionType ?? "eq") })));
  const sorts = list(root.sortOrders).map((s) => ({ field: String(s.field ?? ""), direction: String(s.direction ?? "DESC").toUpperCase() === "ASC" ? "ASC" as const : "DESC" as const }));
  const int = (value: unknown, name: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    return Number.isInteger(n) && n >= 0 ? n : `Invalid value of "${String(value)}" provided for the ${name} field.`;
  };
  const pageSize = int(root.pageSize, "pageSize");
  const currentPage = int(root.currentPage, "currentPage");
  if (typeof pageSize === "string") return pageSize;
  if (typeof currentPage === "string") return currentPage;
  return { groups, sorts, pageSize: pageSize || undefined, currentPage: currentPage || 1, given };
}

const numeric = (v: unknown) => typeof v === "number" || (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)));

/** Magento compares numbers as numbers and everything else as text (timestamps sort as text). */
export function compare(a: unknown, b: unknown): number {
  if (numeric(a) && numeric(b)) return Number(a) - Number(b);
  const x = a === null || a === undefined ? "" : String(a);
  const y = b === null || b === undefined ? "" : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function matches(item: Json, f: Filter): boolean {
  const value = item[f.field];
  const list = () => f.value.split(",").map((v) => v.trim());
  switch (f.condition) {
    case "eq": return compare(value, f.value) === 0;
    case "neq": return compare(value, f.value) !== 0;
    case "gt": return value !== null && value !== undefined && compare(value, f.value) > 0;
    case "gteq": case "from": case "moreq": return value !== null && value !== undefined && compare(value, f.value) >= 0;
    case "lt": return value !== null && value !== undefined && compare(value, f.value) < 0;
    case "lteq": case "to": return value !== null && value !== undefined && compare(value, f.value) <= 0;
    case "in": return list().some((v) => compare(value, v) === 0);
    case "nin": return !list().some((v) => compare(value, v) === 0);
    case "null": return value === null || value === undefined;
    case "notnull": return value !== null && value !== undefined;
    case "like": case "nlike": {
      const re = new RegExp(`^${f.value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".")}$`, "i");
      return re.test(String(value ?? "")) === (f.condition === "like");
    }
    default: return false;
  }
}

/** Filters and sorts; then the page. Past the end: the last page again (before 2.4) or nothing. */
export function search(items: Json[], criteria: Criteria, repeatLastPage: boolean): { page: Json[]; total: number } {
  const found = items.filter((item) => criteria.groups.every((group) => group.length === 0 || group.some((f) => matches(item, f))));
  if (criteria.sorts.length) {
    found.sort((a, b) => {
      for (const s of criteria.sorts) {
        const c = compare(a[s.field], b[s.field]);
        if (c !== 0) return s.direction === "ASC" ? c : -c;
      }
      return 0;
    });
  }
  if (!criteria.pageSize) return { page: found, total: found.length };
  const lastPage = Math.max(1, Math.ceil(found.length / criteria.pageSize));
  const page = criteria.currentPage > lastPage && repeatLastPage ? lastPage : criteria.currentPage;
  return { page: found.slice((page - 1) * criteria.pageSize, page * criteria.pageSize), total: found.length };
}

/** `fields=items[entity_id,created_at],total_count`: keeps only the named fields, nested. */
type Projection = Map<string, Projection | true>;

export function parseFields(spec: string | null): Projection | null {
  if (!spec?.trim()) return null;
  let i = 0;
  const parse = (): Projection => {
    const out: Projection = new Map();
    let name = "";
    const flush = (value: Projection | true) => { if (name.trim()) out.set(name.trim(), value); name = ""; };
    while (i < spec.length) {
      const c = spec[i++]!;
      if (c === "[") { flush(parse()); if (spec[i] === ",") i++; }
      else if (c === "]") { flush(true); return out; }
      else if (c === ",") flush(true);
      else name += c;
    }
    flush(true);
    return out;
  };
  return parse();
}

export function project(value: unknown, projection: Projection | null): unknown {
  if (!projection) return value;
  if (Array.isArray(value)) return value.map((v) => project(v, projection));
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, sub] of projection) {
    if (key in (value as Json)) out[key] = sub === true ? (value as Json)[key] : project((value as Json)[key], sub);
  }
  return out;
}
