import { randomUUID } from "node:crypto";
import Decimal from "decimal.js";
import { D } from "@/lib/domain/money";

/**
 * HTTP conventions of the REST API (reference §2.A): ProblemDetails-like errors
 * `{type, title, status, code, propertyName, message, traceId}`, `{items, count}` lists with
 * `limit` (1–2000, default 100) and `offset`, and `?param[op]=value` filters.
 */

const TYPES: Record<number, string> = {
  400: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
  401: "https://tools.ietf.org/html/rfc9110#section-15.5.2",
  403: "https://tools.ietf.org/html/rfc9110#section-15.5.4",
  404: "https://tools.ietf.org/html/rfc9110#section-15.5.5",
  405: "https://tools.ietf.org/html/rfc9110#section-15.5.6",
};

export function problem(status: number, code: string | undefined, title: string, extra: { propertyName?: string; message?: string; securityType?: number } = {}, headers?: HeadersInit): Response {
  return Response.json(
    { type: TYPES[status] ?? "https://tools.ietf.org/html/rfc9110#section-15.6.1", title, status, ...(code ? { code } : {}), ...extra, traceId: `00-${randomUUID().replace(/-/g, "")}-01` },
    { status, headers: { "Content-Type": "application/problem+json", ...headers } },
  );
}

export const notFound = (title = "Not Found") => problem(404, undefined, title);
export const methodNotAllowed = () => problem(405, undefined, "Method Not Allowed");

/** A list page, or a PAGE_00x error. */
export function page(url: URL, items: unknown[]): Response {
  const limitText = url.searchParams.get("limit");
  const offsetText = url.searchParams.get("offset");
  const limit = limitText === null ? 100 : Number(limitText);
  const offset = offsetText === null ? 0 : Number(offsetText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 2000) return problem(400, "PAGE_001", "Limit must be between 1 and 2000.", { propertyName: "limit" });
  if (!Number.isInteger(offset) || offset < 0) return problem(400, "PAGE_002", "Offset must be greater than or equal to 0.", { propertyName: "offset" });
  return Response.json({ items: items.slice(offset, offset + limit), count: items.length });
}

// ─── Filters ────────────────────────────────────────────────────────────────

type Filter = { op: string; value: string };

/** `?code[like]=Klaas%25` → { code: { op: "like", value: "Klaas%" } }; `?code=x` is `eq`. */
export function filters(url: URL): Map<string, Filter> {
  const out = new Map<string, Filter>();
  for (const [key, value] of url.searchParams) {
    const m = /^([A-Za-z]+)(?:\[([a-z_]+)\])?$/.exec(key);
    if (m && m[1] !== "limit" && m[1] !== "offset") out.set(m[1]!, { op: m[2] ?? "eq", value });
  }
  return out;
}

/** `%` any characters, `?` one character; case-insensitive as the API's database is. */
const likePattern = (value: string) => new RegExp(`^${value.split("").map((c) => (c === "%" ? ".*" : c === "?" ? "." : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("")}$`, "is");

function compare(actual: string | number | boolean | null | undefined, f: Filter, kind: "string" | "number" | "date" | "boolean"): boolean {
  if (actual === null || actual === undefined) return f.op === "not_eq" || f.op === "not_like";
  if (kind === "string") {
    const a = String(actual);
    switch (f.op) {
      case "eq": return a.toLowerCase() === f.value.toLowerCase();
      case "not_eq": return a.toLowerCase() !== f.value.toLowerCase();
      case "like": return likePattern(f.value).test(a);
      case "not_like": return !likePattern(f.value).test(a);
      default: return false;
    }
  }
  if (kind === "boolean") return f.op === "eq" ? String(actual) === f.value.toLowerCase() : String(actual) !== f.value.toLowerCase();
  const toKey = (v: string) => (kind === "number" ? new D(v) : new D(v.replace(/-/g, "")));
  let a: Decimal;
  try {
    a = toKey(String(actual));
  } catch {
    return false;
  }
  const [low, high] = f.value.split(",");
  try {
    switch (f.op) {
      case "eq": return a.eq(toKey(f.value));
      case "not_eq": return !a.eq(toKey(f.value));
      case "gt": return a.gt(toKey(f.value));
      case "gte": return a.gte(toKey(f.value));
      case "lt": return a.lt(toKey(f.value));
      case "lte": return a.lte(toKey(f.value));
      case "range": return !!low && !!high && a.gte(toKey(low)) && a.lte(toKey(high));
      default: return false;
    }
  } catch {
    return false;
  }
}

export type FilterSpec<T> = Record<string, { kind: "string" | "number" | "date" | "boolean"; get: (item: T) => string | number | boolean | null | undefined | (string | null)[] }>;

/** Applies the filters the endpoint knows; others are ignored, as the API ignores unknown query parameters. */
export function applyFilters<T>(url: URL, items: T[], spec: FilterSpec<T>): T[] {
  const given = filters(url);
  return items.filter((item) =>
    [...given].every(([name, f]) => {
      const field = spec[name];
      if (!field) return true;
      const value = field.get(item);
      return Array.isArray(value) ? value.some((v) => compare(v, f, field.kind)) : compare(value, f, field.kind);
    }),
  );
}

// ─── Request bodies ─────────────────────────────────────────────────────────

export type Body = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

export async function readBody(req: Request): Promise<Body> {
  const text = await req.text();
  if (!text.trim()) return { ok: false, response: problem(400, "DATA_01", "No content body provided.") };
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // falls through
  }
  return { ok: false, response: problem(400, "ERR_002", "Your request contains an invalid value.", { message: "The request body is not a JSON object." }) };
}

/** Typed field readers: a wrong JSON type is a 400 naming the property, as the API's model binding does. */
export class FieldError extends Error {
  constructor(readonly propertyName: string) {
    super(`Invalid value for ${propertyName}`);
  }
}

export const field = {
  string(o: Record<string, unknown>, key: string, at = key): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw new FieldError(at);
    return v;
  },
  /** JSON numbers only: "12.40" as a string is refused, as a .NET model binder refuses it. */
  decimal(o: Record<string, unknown>, key: string, at = key): Decimal | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new FieldError(at);
    return new D(String(v));
  },
  int(o: Record<string, unknown>, key: string, at = key): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new FieldError(at);
    return v;
  },
  bool(o: Record<string, unknown>, key: string, at = key): boolean | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") throw new FieldError(at);
    return v;
  },
  objects(o: Record<string, unknown>, key: string): Record<string, unknown>[] | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => !x || typeof x !== "object")) throw new FieldError(key);
    return v as Record<string, unknown>[];
  },
  object(o: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "object" || Array.isArray(v)) throw new FieldError(key);
    return v as Record<string, unknown>;
  },
};

export const fieldError = (e: FieldError) => problem(400, "ERR_002", "Your request contains an invalid value.", { propertyName: e.propertyName });

