import Decimal from "decimal.js";
import { D } from "@/lib/domain/money";

/** Rompslomp's error body: `{"error": {"type": "client.parameters.validation", "message": "Factuur is invalid: …"}}`. */
export const apiError = (status: number, type: string, message: string, headers?: HeadersInit) =>
  Response.json({ error: { type, message } }, { status, headers });

export const validationError = (resource: string, messages: string[]) =>
  apiError(422, "client.parameters.validation", `${resource} is invalid: ${messages.join(", ")}.`);

export const notFound = (what = "Resource") => apiError(404, "client.not_found.resource", `${what} niet gevonden`);
export const noEndpoint = () => apiError(404, "client.not_found.endpoint", "Deze API-endpoint bestaat niet");

/** Lists: `page` (from 1), `per_page` (default 40, at most 100), X-Page / X-Per-Page / X-Total headers. */
export function paginated(url: URL, key: string, items: unknown[]): Response {
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const requested = Number.parseInt(url.searchParams.get("per_page") ?? "40", 10);
  const perPage = Number.isNaN(requested) ? 40 : Math.min(100, Math.max(0, requested));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return Response.json({ [key]: slice }, { headers: { "X-Page": String(page), "X-Per-Page": String(perPage), "X-Total": String(items.length) } });
}

export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

/** Reads `{"<root>": {...}}`, as Rails would: malformed JSON and a missing root are 400s. */
export async function readRoot(req: Request, root: string): Promise<JsonBody> {
  const text = await req.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    return { ok: false, response: apiError(400, "client.parameters.malformed_json", "De meegestuurde JSON is ongeldig") };
  }
  const value = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>)[root] : undefined;
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, response: apiError(400, "client.parameters.missing_parameter", `Parameter ontbreekt of is leeg: ${root}`) };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Strong parameters: anything not permitted is refused, so a typo in our payload shows up in tests. */
export function unpermitted(value: Record<string, unknown>, permitted: readonly string[], prefix = ""): string[] {
  return Object.keys(value).filter((k) => !permitted.includes(k)).map((k) => `${prefix}${k}`);
}

export const unpermittedError = (keys: string[]) =>
  apiError(400, "client.parameters.unpermitted_parameters", `Niet toegestane parameter(s): ${keys.join(", ")}`);

/** Decimal parameters arrive as strings ("12.40") or JSON numbers; anything else is not a number. */
export function decimalParam(value: unknown): Decimal | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return new D(String(value));
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return new D(value.trim());
  return undefined;
}

/** Integer ids arrive as numbers or digit strings. */
export function idParam(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

export const stringParam = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

/** BigDecimal#to_s("F") as Rompslomp shows it: "300.0", "8.26". */
export function rb(value: Decimal): string {
  const text = value.toFixed();
  return text.includes(".") ? text : `${text}.0`;
}

export const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export const isIsoDate = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const today = () => new Date().toISOString().slice(0, 10);
