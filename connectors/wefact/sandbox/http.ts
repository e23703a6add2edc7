import Decimal from "decimal.js";
import { D } from "@/lib/domain/money";
import { decodeForm } from "../form";

/** One API call as the sandbox sees it: who, which controller/action, its parameters. */
export type Call = { controller: string; action: string; params: Record<string, unknown> };

/** WeFact's `date`: ISO 8601 with offset. */
const stamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00");

/** Success: HTTP 200, `status: "success"`, a Dutch message and the payload (entity or list). */
export const success = (call: Pick<Call, "controller" | "action">, payload: Record<string, unknown>, messages: string[] = []) =>
  Response.json({ controller: call.controller, action: call.action, status: "success", date: stamp(), ...(messages.length ? { success: messages } : {}), ...payload });

/** Failure: still HTTP 200 (WeFact's way), `status: "error"`, Dutch or English prose, no codes. */
export const failure = (call: Pick<Call, "controller" | "action">, errors: string[], status = 200) =>
  Response.json({ controller: call.controller, action: call.action, status: "error", date: stamp(), errors }, { status });

export type Body = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** Both encodings WeFact accepts: form fields in PHP bracket notation, or JSON. */
export async function readBody(req: Request): Promise<Body> {
  const text = await req.text();
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const value = text ? JSON.parse(text) : {};
      return value && typeof value === "object" && !Array.isArray(value) ? { ok: true, value } : { ok: false, error: "Invalid JSON" };
    } catch {
      return { ok: false, error: "Invalid JSON" };
    }
  }
  return { ok: true, value: decodeForm(text) };
}

/** A text parameter (numbers are text too, as PHP sees them); empty → undefined. */
export function textParam(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return undefined;
}

/** A decimal parameter: "12.40", "12,40" or a JSON number; anything else is not a number. */
export function decimalParam(value: unknown): Decimal | undefined {
  const text = textParam(value)?.replace(",", ".");
  return text && /^-?\d+(\.\d+)?$/.test(text) ? new D(text) : undefined;
}

export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
export const money2 = (value: Decimal) => round2(value).toFixed(2);

/** Parameters an action does not know are refused, so a typo in our payloads shows up in tests (strict on purpose). */
export function unknownParams(params: Record<string, unknown>, known: readonly string[], prefix = ""): string[] {
  return Object.keys(params).filter((k) => !known.includes(k)).map((k) => `Invalid parameter '${prefix}${k}'`);
}

/** `list` paging and search: offset, limit (default and max 1000), searchat (pipe-separated) + searchfor (substring). */
export function listed<T extends Record<string, unknown>>(
  call: Call, key: string, records: T[], row: (r: T) => Record<string, unknown>, defaultSearchAt: string,
): Response {
  const { params } = call;
  const searchfor = textParam(params.searchfor)?.toLowerCase();
  const fields = (textParam(params.searchat) ?? defaultSearchAt).split("|").map((f) => f.trim()).filter(Boolean);
  const unknown = records.length ? fields.filter((f) => !(f in records[0]!)) : [];
  if (searchfor && unknown.length) return failure(call, unknown.map((f) => `Ongeldig zoekveld '${f}'`));
  let matches = searchfor ? records.filter((r) => fields.some((f) => String(r[f] ?? "").toLowerCase().includes(searchfor))) : [...records];
  const sort = textParam(params.sort);
  if (sort && records.length && sort in records[0]!) {
    const desc = textParam(params.order)?.toUpperCase() === "DESC";
    matches = matches.sort((a, b) => {
      const [x, y] = [a[sort], b[sort]];
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return desc ? -cmp : cmp;
    });
  }
  const offset = Math.max(0, Number.parseInt(textParam(params.offset) ?? "0", 10) || 0);
  const requested = Number.parseInt(textParam(params.limit) ?? "1000", 10);
  const limit = Number.isNaN(requested) ? 1000 : Math.min(1000, Math.max(1, requested));
  const page = matches.slice(offset, offset + limit);
  // WeFact leaves the rows key out of an empty list instead of answering [].
  return success(call, {
    totalresults: matches.length,
    currentresults: page.length,
    offset,
    ...(page.length ? { [key]: page.map(row) } : {}),
    filters: { ...(searchfor ? { searchat: fields.join("|"), searchfor: params.searchfor } : {}), limit, offset },
  });
}
