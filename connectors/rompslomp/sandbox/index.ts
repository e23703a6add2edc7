import { createSandbox, type SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { authenticate } from "./auth";
import { apiError, noEndpoint, notFound, paginated } from "./http";
import { authorizeDecision, authorizePage, expireAll, revokeAll, tokenEndpoint } from "./oauth-server";
import type { Route } from "./route";
import { contacts } from "./routes/contacts";
import { payments } from "./routes/payments";
import { products } from "./routes/products";
import { accounts, templates, vatTypes } from "./routes/reference";
import { salesInvoices } from "./routes/sales-invoices";
import { exportState, initialState, reset, type RompslompState } from "./state";
import { deleteInvoice } from "./delete-invoice";

/**
 * The Rompslomp simulator, mounted at /sandbox/rompslomp/<tenant>. See README.md in this folder
 * for the routes, the seeded reference data and the test-only admin hooks.
 */

/** Company-scoped resources and the scope each needs (reference §1.1). */
const RESOURCES: Record<string, { scope: string; handle: (r: Route) => Promise<Response> }> = {
  vat_types: { scope: "public", handle: vatTypes },
  templates: { scope: "public", handle: templates },
  accounts: { scope: "read:accounts", handle: accounts },
  contacts: { scope: "manage:contacts", handle: contacts },
  products: { scope: "manage:products", handle: products },
  sales_invoices: { scope: "manage:sales_invoices", handle: salesInvoices },
  payments: { scope: "manage:payments", handle: payments },
};

async function restApi(ctx: SandboxContext<RompslompState>, path: string[]): Promise<Response> {
  const method = ctx.req.method.toUpperCase();
  const state = await ctx.read();
  const [first, companyId, resource, ...rest] = path;
  const scope = first === "me" ? "read:me" : first === "companies" && resource ? RESOURCES[resource]?.scope : "public";
  if (!scope) return noEndpoint();
  const auth = authenticate(state, ctx.req, scope);
  if ("response" in auth) return auth.response;

  if (first === "me" && path.length === 1 && method === "GET") return Response.json({ user: state.user });
  if (first !== "companies") return noEndpoint();
  if (!companyId) return method === "GET" ? paginated(ctx.url, "companies", [state.company]) : noEndpoint();
  if (companyId !== String(state.company.id)) return notFound("Bedrijf");
  if (!state.company.access_control.api_accessible) {
    return apiError(403, "client.authorization.access_denied", "Deze administratie heeft geen toegang tot de API (Gratis-abonnement)");
  }
  if (!resource) return method === "GET" ? Response.json({ company: state.company }) : noEndpoint();
  const handler = RESOURCES[resource];
  return handler ? handler.handle({ ctx, method, rest, token: auth.token }) : noEndpoint();
}

export const rompslompSandbox = createSandbox<RompslompState>({
  system: "rompslomp",
  initialState,
  reset,
  exportState,
  deleteInvoice,
  errorResponse: (status, message) =>
    apiError(status, status === 429 ? "client.rate_limit" : status >= 500 ? "server" : "client", message, status === 429 ? { "Retry-After": "1" } : undefined),
  async admin(ctx, method, sub) {
    const route = `${method} ${sub.join("/")}`;
    if (route === "POST revoke") {
      await ctx.update(revokeAll);
      return new Response(null, { status: 204 });
    }
    if (route === "POST expire-tokens") {
      await ctx.update(expireAll);
      return new Response(null, { status: 204 });
    }
    return undefined;
  },
  async api(ctx) {
    const method = ctx.req.method.toUpperCase();
    const [root, version, ...path] = ctx.path;
    if (root === "oauth" && version === "authorize" && path.length === 0) {
      if (method === "GET") return authorizePage(ctx);
      if (method === "POST" || method === "DELETE") return authorizeDecision(ctx);
    }
    if (root === "oauth" && version === "token" && path.length === 0 && method === "POST") return tokenEndpoint(ctx);
    if (root === "api" && version === "v1") return restApi(ctx, path);
    return noEndpoint();
  },
});
