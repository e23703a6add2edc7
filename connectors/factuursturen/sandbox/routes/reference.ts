import { methodNotAllowed, notFound } from "../http";
import { countries } from "../seed";
import type { Route } from "./route";

/** GET /profiles: the invoice layouts. */
export async function profiles({ ctx, method, rest }: Route): Promise<Response> {
  if (rest.length) return notFound();
  return method === "GET" ? Response.json((await ctx.read()).profiles) : methodNotAllowed();
}

/** GET /taxes: the VAT percentages the account uses. */
export async function taxes({ ctx, method, rest }: Route): Promise<Response> {
  if (rest.length) return notFound();
  return method === "GET" ? Response.json((await ctx.read()).taxes) : methodNotAllowed();
}

/** GET /countrylist[/nl|en]: country ids and names (Dutch by default). */
export async function countrylist({ method, rest }: Route): Promise<Response> {
  const [lang = "nl", ...more] = rest;
  if (more.length || (lang !== "nl" && lang !== "en")) return notFound();
  if (method !== "GET") return methodNotAllowed();
  return Response.json(countries.map((c) => ({ id: c.id, name: c.names[lang] })));
}
