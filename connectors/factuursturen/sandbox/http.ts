import Decimal from "decimal.js";
import { D } from "@/lib/domain/money";

/**
 * Factuursturen answers errors with a status and a short plain-text body (no error schema,
 * reference §4); success bodies are JSON, or the new number as plain text after a POST.
 */
export const textError = (status: number, message: string, headers?: HeadersInit) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });

export const badRequest = (message: string) => textError(400, message);
export const notFound = (message = "Not found") => textError(404, message);
export const methodNotAllowed = () => textError(405, "Method not allowed");

export const created = (id: string) => new Response(id, { status: 201, headers: { "Content-Type": "text/plain; charset=utf-8" } });
export const ok = () => new Response("", { status: 200 });

/** Reads a JSON body, or a form-encoded one (`lines[0][amount]=1`, as PHP clients send it). */
export async function readBody(req: Request): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
  const text = await req.text();
  const type = req.headers.get("content-type") ?? "";
  if (/application\/x-www-form-urlencoded/i.test(type)) return { ok: true, value: parseForm(text) };
  if (!text.trim()) return { ok: false, response: badRequest("Geen gegevens ontvangen") };
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, response: badRequest("Ongeldige gegevens: verwacht een object") };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false, response: badRequest("Ongeldige JSON ontvangen") };
  }
}

function parseForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return root;
}

/** Numbers arrive as JSON numbers or as text ("249.00", "249,00"). */
export function decimalParam(value: unknown): Decimal | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return new D(String(value));
  if (typeof value === "string" && /^-?\d+([.,]\d+)?$/.test(value.trim())) return new D(value.trim().replace(",", "."));
  return undefined;
}

export const stringParam = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

/** Booleans arrive as JSON booleans or as "true"/"false"/"1"/"0". */
export function boolParam(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === "1" || value === "true") return true;
  if (value === 0 || value === "0" || value === "false") return false;
  return undefined;
}

export const isIsoDate = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
export const money2 = (value: Decimal) => round2(value).toFixed(2);

export const today = () => new Date().toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Fields a request may carry that the sandbox does not know: refused, so a typo in our payload shows up in tests. */
export const unknownFields = (body: Record<string, unknown>, known: readonly string[]) => Object.keys(body).filter((k) => !known.includes(k));
