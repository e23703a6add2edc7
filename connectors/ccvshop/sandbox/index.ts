import { createSandbox } from "../../sandbox/kit/create-sandbox";
import { ccvAdmin } from "./admin";
import { appStore, isAppStorePath } from "./app-store";
import { ccvRestApi } from "./api";
import { ccvError } from "./http";
import { initialState, reset, type CcvState } from "./state";

export { sandboxCredentials, SANDBOX_APP_SECRET } from "./credentials";

/**
 * The CCV Shop simulator (contracts/sandbox.md): the signed REST API under /api/rest/v1, the App
 * Store install flow under /onderhoud/AdminItems/AppStore, webhooks delivered like a shop does.
 */
export const ccvshopSandbox = createSandbox<CcvState>({
  system: "ccvshop",
  initialState,
  reset: (state) => reset(state),
  admin: ccvAdmin,
  api: async (ctx) => {
    if (isAppStorePath(ctx.path)) return appStore(ctx);
    if (ctx.path[0] === "api" && ctx.path[1] === "rest" && ctx.path[2] === "v1") return ccvRestApi(ctx);
    return ccvError(404, "404.20", "Invalid resource name.");
  },
  errorResponse: (status, message) => ccvError(status, status === 429 ? "429.10" : `${status}.10`, message, status === 429 ? { "retry-after": "60" } : {}),
});
