import { badRequest, methodNotAllowed, notFound } from "../http";
import type { FactuursturenState } from "../state";
import type { Route } from "./route";

const SEARCHABLE: Record<string, (s: FactuursturenState) => object[]> = {
  clients: (s) => s.clients,
  invoices: (s) => s.invoices,
  products: (s) => s.products,
};

/** Every text of a field, nested ones (reference lines) included. */
function texts(value: unknown): string[] {
  if (typeof value === "string" || typeof value === "number") return [String(value)];
  if (value && typeof value === "object") return Object.values(value).flatMap(texts);
  return [];
}

/**
 * GET /search/{clients|invoices|products}/{field|all}/{value}: the items whose field (or any
 * field, for `all`) contains the value, case-insensitively; a list, empty when nothing matches.
 * Line items are not searched (they are not part of what `all` covers).
 */
export async function search({ ctx, method, rest }: Route): Promise<Response> {
  if (method !== "GET") return methodNotAllowed();
  const [resource, field, value, ...more] = rest;
  if (!resource || !field || value === undefined || more.length) return notFound();
  const list = SEARCHABLE[resource];
  if (!list) return notFound(`Zoeken in ${resource} is niet mogelijk`);
  const wanted = value.trim().toLowerCase();
  if (!wanted) return badRequest("Geen zoekterm opgegeven");
  const items = list(await ctx.read());
  const sample = items[0] as Record<string, unknown> | undefined;
  if (field !== "all" && sample && !(field in sample)) return badRequest(`Onbekend zoekveld: ${field}`);
  const matches = items.filter((item) => {
    const record = item as Record<string, unknown>;
    const fields = field === "all" ? Object.entries(record).filter(([k]) => k !== "lines" && k !== "history").map(([, v]) => v) : [record[field]];
    return fields.flatMap(texts).some((t) => t.toLowerCase().includes(wanted));
  });
  return Response.json(matches);
}
