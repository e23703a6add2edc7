import { createSandbox } from "../../sandbox/kit/create-sandbox";
import { prestashopAdmin } from "./admin";
import { webserviceApi } from "./api";
import { errorResponse } from "./output";
import { initialState, reset, type PsState } from "./state";

export { sandboxApiKey } from "./credentials";

/**
 * The PrestaShop simulator (contracts/sandbox.md): the webservice under /api/ with Basic or ws_key
 * auth, JSON or XML, display/filter/sort/limit, PrestaShop's error codes; admin hooks to post
 * orders and payments, change order states, and switch the webservice or the key's rights.
 */
export const prestashopSandbox = createSandbox<PsState>({
  system: "prestashop",
  initialState,
  reset: (state) => reset(state),
  admin: prestashopAdmin,
  api: async (ctx) => {
    if (ctx.path[0] === "api") return webserviceApi(ctx);
    // The shop's front office: any other path is a page of the shop, here a 404 page.
    return new Response("<!DOCTYPE html><html><head><title>404 Page not found</title></head><body><h1>Page not found</h1></body></html>", {
      status: 404,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  },
  errorResponse: (status, message) => errorResponse("JSON", [{ status, code: 0, message }]),
});
