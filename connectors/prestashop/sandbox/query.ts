import type { Json } from "./state";

/**
 * The list parameters of WebserviceRequest::manageFilters, on presented records: filter[field]
 * (`[a|b]` any of, `[x,y]` interval, `[x]` equal, `>[x]`, `<[x]`, `![a|b]` none of, `%[x]`/`[x]%`
 * LIKE, a bare value equal), date_add/date_upd only with date=1, sort=[f_ASC,g_DESC], limit=n or
 * offset,n, display=full|[f,g] (without display: ids only). Errors carry PrestaShop's codes.
 */
export type WsError = { status: number; code: number; message: string };
export type ListResult = { items: Json[]; display: "ids" | "full" | string[] } | { error: WsError };

const DATE_FIELDS = new Set(["date_add", "date_upd"]);
const numeric = (s: string) => /^-?\d+(\.\d+)?$/.test(s.trim());

/** MySQL-like comparison: numbers as numbers, text case-insensitively. */
function compare(a: unknown, b: string): number {
  const left = String(a ?? "");
  if (numeric(left) && numeric(b)) return Number(left) - Number(b);
  const l = left.toLowerCase();
  const r = b.toLowerCase();
  return l < r ? -1 : l > r ? 1 : 0;
}

function like(a: unknown, pattern: string): boolean {
  const re = new RegExp(`^${pattern.split("%").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
  return re.test(String(a ?? ""));
}

/** getSQLRetrieveFilter as a predicate. */
export function filterPredicate(value: string): (field: unknown) => boolean {
  const m = /^(.*)\[(.*)\](.*)$/s.exec(value);
  if (!m) return (x) => compare(x, value) === 0;
  const [, before, inner, after] = m as unknown as [string, string, string, string];
  if (before === "%" || after === "%") return (x) => like(x, before + inner + after);
  if (before === "" && after === "") {
    if (inner.indexOf("|") > 0) {
      const values = inner.split("|");
      return (x) => values.some((v) => compare(x, v) === 0);
    }
    const interval = /^([\d.:\-\s]+),([\d.:\-\s]+)$/.exec(inner);
    if (interval) {
      const [low, high] = [interval[1]!, interval[2]!].sort();
      return (x) => compare(x, low!) >= 0 && compare(x, high!) <= 0;
    }
    return (x) => compare(x, inner) === 0;
  }
  if (before === ">") return (x) => compare(x, inner) > 0;
  if (before === "<") return (x) => compare(x, inner) < 0;
  if (before === "!") {
    const values = inner.split("|");
    return (x) => values.every((v) => compare(x, v) !== 0);
  }
  return () => true; // PrestaShop adds no condition for other shapes
}

export const didYouMean = (label: string, wrong: string, available: string[]) => {
  const closest = [...available].sort((a, b) => distance(wrong, a) - distance(wrong, b))[0] ?? "";
  return `${label}. Did you mean: "${closest}"?${available.length > 1 ? ` The full list is: "${available.join('", "')}"` : ""}`;
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** Filters, sorts, limits; `fields` are the resource's filterable (non-hidden, non-multilang) fields. */
export function applyList(records: Json[], params: URLSearchParams, fields: string[], i18n: string[] = []): ListResult {
  const withDates = !!params.get("date") && params.get("date") !== "0";
  const available = fields.filter((f) => withDates || !DATE_FIELDS.has(f));
  let items = records;

  for (const [key, value] of params) {
    const m = /^filter\[([^\]]+)\]$/.exec(key);
    if (!m) continue;
    const field = m[1]!;
    if (!available.includes(field)) return { error: { status: 400, code: 32, message: didYouMean("This filter does not exist", field, available) } };
    if (value === "") return { error: { status: 400, code: 33, message: `The filter "${field}" is malformed.` } };
    const test = filterPredicate(value);
    items = items.filter((r) => test(r[field]));
  }

  const display = params.get("display");
  let shown: "ids" | "full" | string[] = "ids";
  if (display === "full") shown = "full";
  else if (display !== null) {
    const m = /^\[(.*)\]$/.exec(display);
    if (!m) return { error: { status: 400, code: 36, message: `The 'display' syntax is wrong. You can set 'full' or '[field_1,field_2,field_3,...]'. These are available: ${fields.join(", ")}` } };
    shown = m[1]!.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = shown.find((s) => !fields.includes(s) && !i18n.includes(s) && s !== "associations");
    if (unknown) return { error: { status: 400, code: 35, message: `Unable to display this field "${unknown}". However, these are available: ${fields.join(", ")}` } };
  }

  const sort = params.get("sort");
  if (sort !== null) {
    const parts = (/^\[(.*)\]$/.exec(sort)?.[1] ?? sort).split(",");
    const keys: [string, number][] = [];
    for (const part of parts) {
      const at = part.lastIndexOf("_");
      const direction = at > 0 ? part.slice(at + 1).toUpperCase() : "";
      const field = at > 0 ? part.slice(0, at) : part;
      if (direction !== "ASC" && direction !== "DESC") {
        return { error: { status: 400, code: 37, message: `The "sort" value has to be formed as this example: "field_ASC" or '[field_1_DESC,field_2_ASC,field_3_ASC,...]' ("field" has to be an available field)` } };
      }
      if (!available.includes(field) && !i18n.includes(field)) {
        return { error: { status: 400, code: 38, message: `Unable to filter by this field. However, these are available: ${available.join(", ")}, for i18n fields:${i18n.join(", ")}` } };
      }
      keys.push([field, direction === "ASC" ? 1 : -1]);
    }
    items = [...items].sort((a, b) => {
      for (const [field, dir] of keys) {
        const c = compare(a[field], String(b[field] ?? ""));
        if (c !== 0) return c * dir;
      }
      return 0;
    });
  }

  const limit = params.get("limit");
  if (limit !== null) {
    const args = limit.split(",");
    if (args.length > 2) return { error: { status: 400, code: 39, message: `The "limit" value has to be formed as this example: "5,25" or "10"` } };
    const [offset, count] = args.length === 2 ? [parseInt(args[0]!, 10) || 0, parseInt(args[1]!, 10) || 0] : [0, parseInt(args[0]!, 10) || 0];
    items = items.slice(offset, offset + count);
  }
  return { items, display: shown };
}
