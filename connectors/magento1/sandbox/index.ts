import { createSandbox } from "../../sandbox/kit/create-sandbox";
import { magento1Admin } from "./admin";
import { consumersAdmin } from "./consumers";
import { apiError, htmlNotFound } from "./http";
import { authorize, exchange, initiate } from "./oauth";
import { restApi } from "./rest";
import { initialState, reset, type Magento1State } from "./state";

export { sandboxCredentials } from "./credentials";

/**
 * The Magento 1.9 simulator (contracts/sandbox.md): /api/rest with OAuth 1.0a (core orders plus the
 * invoice extension's invoices and credit memos), the 3-legged OAuth endpoints and admin pages.
 * Anything else is the storefront's 404 page.
 */
export const magento1Sandbox = createSandbox<Magento1State>({
  system: "magento1",
  initialState,
  reset: (state) => reset(state),
  admin: magento1Admin,
  api: async (ctx) => {
    const [first, second, third, ...rest] = ctx.path;
    if (first === "api" && second === "rest") return restApi(ctx);
    if (first === "oauth" && second === "initiate" && !third && ctx.req.method === "POST") return initiate(ctx);
    if (first === "oauth" && second === "token" && !third && ctx.req.method === "POST") return exchange(ctx);
    if (first === "admin" && second === "oauth_authorize" && rest.length === 0) return authorize(ctx, third);
    if (first === "admin" && second === "oauth_consumer" && !third) return consumersAdmin(ctx);
    return htmlNotFound();
  },
  errorResponse: (status, message) => apiError(status, message),
});
