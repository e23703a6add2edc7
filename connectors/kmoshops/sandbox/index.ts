import { createSandbox } from "../../sandbox/kit/create-sandbox";
import { API_PREFIX } from "../contract";
import { kmoAdmin } from "./admin";
import { kmoRestApi } from "./api";
import { appStore, isAppStorePath } from "./app-store";
import { kmoError } from "./http";
import { initialState, reset, type KmoState } from "./state";

export { sandboxCredentials, SANDBOX_APP } from "./credentials";

const API = API_PREFIX.split("/").filter(Boolean);

/**
 * The KMO Shops simulator (contracts/sandbox.md) of our assumed partner contract (../contract.ts):
 * the REST API under /api/v1, the app store's install flow under /admin/apps, webhooks delivered
 * like the shop would.
 */
export const kmoshopsSandbox = createSandbox<KmoState>({
  system: "kmoshops",
  initialState,
  reset: (state) => reset(state),
  admin: kmoAdmin,
  api: async (ctx) => {
    if (isAppStorePath(ctx.path)) return appStore(ctx);
    if (API.every((p, i) => ctx.path[i] === p)) return kmoRestApi(ctx);
    return kmoError(404, `The resource /${ctx.path.join("/")} does not exist.`);
  },
  errorResponse: (status, message) => kmoError(status, message, status === 429 ? { "retry-after": "1" } : {}),
});
