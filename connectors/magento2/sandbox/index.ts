import { createSandbox } from "../../sandbox/kit/create-sandbox";
import { integrationsAdmin } from "./activation";
import { magentoAdmin } from "./admin";
import { htmlNotFound, magentoError } from "./http";
import { accessToken, requestToken } from "./oauth";
import { restApi } from "./rest";
import { initialState, reset, type Magento2State } from "./state";

export { sandboxCredentials } from "./credentials";

/**
 * The Magento 2 simulator (contracts/sandbox.md): the admin REST API under /rest[/<store>]/V1 with
 * OAuth 1.0a, the OAuth token endpoints, and System > Extensions > Integrations with its activation
 * handshake. Anything else is the storefront's 404 page, as on a real shop.
 */
export const magento2Sandbox = createSandbox<Magento2State>({
  system: "magento2",
  initialState,
  reset: (state) => reset(state),
  admin: magentoAdmin,
  api: async (ctx) => {
    const [first, second, third] = ctx.path;
    if (first === "rest") return restApi(ctx);
    if (first === "oauth" && second === "token" && third === "request" && ctx.path.length === 3) return requestToken(ctx);
    if (first === "oauth" && second === "token" && third === "access" && ctx.path.length === 3) return accessToken(ctx);
    if (first === "admin" && second === "integrations") return integrationsAdmin(ctx, ctx.path.slice(2));
    return htmlNotFound();
  },
  errorResponse: (status, message) => (status === 504 ? new Response("<html><body><h1>504 Gateway Time-out</h1></body></html>", { status, headers: { "content-type": "text/html" } }) : magentoError(status, message)),
});
