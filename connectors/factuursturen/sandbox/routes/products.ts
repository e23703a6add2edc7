import { badRequest, created, decimalParam, methodNotAllowed, money2, notFound, ok, readBody, stringParam, unknownFields } from "../http";
import type { Route } from "./route";

const FIELDS = ["code", "name", "price", "taxes", "priceintax"] as const;

/** /products: list, show, create, delete (the integration creates none; here for completeness). */
export async function products({ ctx, method, rest }: Route): Promise<Response> {
  const [id, ...more] = rest;
  if (more.length) return notFound();
  if (!id) {
    if (method === "GET") return Response.json((await ctx.read()).products);
    if (method !== "POST") return methodNotAllowed();
    const body = await readBody(ctx.req);
    if (!body.ok) return body.response;
    const extra = unknownFields(body.value, FIELDS);
    if (extra.length) return badRequest(`Onbekend veld: ${extra.join(", ")}`);
    const name = stringParam(body.value.name)?.trim();
    const price = decimalParam(body.value.price);
    if (!name) return badRequest("name is verplicht");
    if (!price) return badRequest("Ongeldige prijs (price)");
    return ctx.update((state) => {
      const productId = String((state.counters.product += 1));
      state.products.push({ id: productId, code: stringParam(body.value.code) ?? "", name, price: money2(price), taxes: stringParam(body.value.taxes) ?? "21", priceintax: "" });
      return created(productId);
    });
  }
  if (method === "GET") {
    const product = (await ctx.read()).products.find((p) => p.id === id);
    return product ? Response.json({ product }) : notFound(`Product ${id} niet gevonden`);
  }
  if (method === "DELETE") {
    return ctx.update((state) => {
      const at = state.products.findIndex((p) => p.id === id);
      if (at < 0) return notFound(`Product ${id} niet gevonden`);
      state.products.splice(at, 1);
      return ok();
    });
  }
  return methodNotAllowed();
}
