import { buildClient } from "../client-build";
import { badRequest, created, methodNotAllowed, notFound, ok, readBody } from "../http";
import type { Route } from "./route";

const missing = (nr: string) => notFound(`Klant met klantnummer ${nr} niet gevonden`);

/** /clients: list, show ({"client": …}), create (201, the new clientnr as text), update, delete. */
export async function clients({ ctx, method, rest }: Route): Promise<Response> {
  const [nr, ...more] = rest;
  if (more.length) return notFound();
  if (!nr) {
    if (method === "GET") return Response.json((await ctx.read()).clients);
    if (method !== "POST") return methodNotAllowed();
    const body = await readBody(ctx.req);
    if (!body.ok) return body.response;
    return ctx.update((state) => {
      const clientnr = String(state.counters.client + 1);
      const built = buildClient(body.value, clientnr);
      if (!built.ok) return badRequest(built.message);
      state.counters.client += 1;
      state.clients.push(built.value);
      return created(clientnr);
    });
  }
  if (method === "GET") {
    const client = (await ctx.read()).clients.find((c) => c.clientnr === nr);
    return client ? Response.json({ client }) : missing(nr);
  }
  if (method === "PUT") {
    const body = await readBody(ctx.req);
    if (!body.ok) return body.response;
    return ctx.update((state) => {
      const at = state.clients.findIndex((c) => c.clientnr === nr);
      if (at < 0) return missing(nr);
      const built = buildClient(body.value, nr, state.clients[at]);
      if (!built.ok) return badRequest(built.message);
      state.clients[at] = built.value;
      return ok();
    });
  }
  if (method === "DELETE") {
    return ctx.update((state) => {
      const at = state.clients.findIndex((c) => c.clientnr === nr);
      if (at < 0) return missing(nr);
      if (state.invoices.some((i) => i.clientnr === nr)) return badRequest(`Klant ${nr} heeft facturen en kan niet worden verwijderd`);
      state.clients.splice(at, 1);
      return ok();
    });
  }
  return methodNotAllowed();
}
