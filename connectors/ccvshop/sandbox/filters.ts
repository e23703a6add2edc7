import type { Json } from "./state";

/** Date bounds of min_/max_create_date: a bare date covers its whole (UTC) day. */
function bound(value: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T${end ? "23:59:59.999" : "00:00:00"}Z`);
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
}

const created = (d: Json) => Date.parse(String(d.create_date).replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));

/** Equality filters compare as strings ("7" matches 7); booleans accept true/false/1/0. */
const same = (value: unknown, wanted: string) =>
  typeof value === "boolean" ? value === (wanted === "true" || wanted === "1") : String(value ?? "") === wanted;

/** The filters of webshop-apis.md §2.3, then orderby (field or field_desc). */
export function applyFilters(items: Json[], q: URLSearchParams, equality: Record<string, string[]>, sortable: string[]): Json[] | string {
  let result = items;
  for (const [param, fields] of Object.entries(equality)) {
    const wanted = q.get(param);
    if (wanted !== null) result = result.filter((d) => fields.some((f) => same(d[f], wanted)));
  }
  const min = q.get("min_create_date");
  const max = q.get("max_create_date");
  if (min) result = result.filter((d) => created(d) >= bound(min, false));
  if (max) result = result.filter((d) => created(d) <= bound(max, true));
  const orderby = q.get("orderby");
  if (orderby) {
    const desc = orderby.endsWith("_desc");
    const field = desc ? orderby.slice(0, -5) : orderby;
    if (!sortable.includes(field)) return `orderby must be one of ${sortable.join(", ")} (optionally with _desc).`;
    const key = (d: Json) => (field === "create_date" ? created(d) : d[field]);
    result = [...result].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""), "en", { numeric: true });
      return desc ? -cmp : cmp;
    });
  }
  return result;
}
