import type { SystemId } from "@/connectors/types";
import { createSandbox } from "@/connectors/sandbox/kit/create-sandbox";
import { checkout } from "./checkout";
import { completePayment, FINAL_ACTIONS, type FinalStatus } from "./complete-payment";
import { halJson, mollieProblem } from "./http";
import { paymentsApi, presentPayment } from "./payments";
import { initialState, MOLLIE_SANDBOX_SYSTEM, reset, type MollieSandboxState } from "./state";

/**
 * The Mollie simulator, mounted at /sandbox/mollie/<tenant>: the Payments API under /v2/…, the
 * hosted checkout under /checkout/<id>. See README.md here.
 */
export const mollieSandbox = createSandbox<MollieSandboxState>({
  // The kit keys tenants by system id; Mollie is our own payment provider, not a connector system,
  // so it sits beside SystemId like VIES (see connectors/sandbox/registry.ts).
  system: MOLLIE_SANDBOX_SYSTEM as unknown as SystemId,
  initialState,
  reset,
  errorResponse: (status, message) => mollieProblem(status, message),
  async admin(ctx, method, sub) {
    if (sub[0] === "deliveries" && sub.length === 1 && method === "GET") return Response.json((await ctx.read()).deliveries);
    if (sub[0] !== "payments") return undefined;
    if (sub.length === 1 && method === "GET") {
      const state = await ctx.read();
      return Response.json(Object.values(state.payments).map((p) => presentPayment(ctx, p, state.profileId)));
    }
    if (sub.length === 2 && method === "POST") {
      const body = (await ctx.req.json().catch(() => null)) as { status?: string } | null;
      if (!body || !(String(body.status) in FINAL_ACTIONS)) return Response.json({ error: `Body must be {"status": ${Object.keys(FINAL_ACTIONS).map((s) => `"${s}"`).join(" | ")}}` }, { status: 400 });
      const done = await completePayment(ctx, sub[1]!, body.status as FinalStatus);
      if (!done) return Response.json({ error: `No payment ${sub[1]}` }, { status: 404 });
      return halJson(presentPayment(ctx, done.payment, (await ctx.read()).profileId));
    }
    return undefined;
  },
  async api(ctx) {
    if (ctx.path[0] === "v2") return paymentsApi(ctx);
    if (ctx.path[0] === "checkout" && ctx.path.length === 2) return checkout(ctx, ctx.path[1]);
    return mollieProblem(404, "The resource does not exist");
  },
});
