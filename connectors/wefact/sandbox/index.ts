import { createSandbox, type SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { readFaults, writeFaults } from "@/connectors/sandbox/kit/tenant-store";
import type { SandboxHandler } from "@/connectors/sandbox/types";
import { debtorController } from "./controllers/debtor";
import { invoiceController } from "./controllers/invoice";
import { productController } from "./controllers/product";
import { settingsController } from "./controllers/settings";
import { failure, readBody, textParam, type Call } from "./http";
import { clearBudget, spend } from "./rate-limit";
import { exportState, initialState, reset, type WefactState } from "./state";
import { deleteInvoice } from "./delete-invoice";

/**
 * The WeFact API v2 simulator, mounted at /sandbox/wefact/<tenant>/v2/. See README.md in this
 * folder for the controllers, the seeded reference data and the admin hooks.
 */

const CONTROLLERS: Record<string, (call: Call, ctx: SandboxContext<WefactState>) => Promise<Response>> = {
  debtor: debtorController,
  product: productController,
  invoice: invoiceController,
  settings: settingsController,
};

/** The caller's IP as WeFact's whitelist sees it (in-process calls have none: 127.0.0.1). */
const clientIp = (req: Request) => req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "127.0.0.1";

function withHeaders(res: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

async function v2(ctx: SandboxContext<WefactState>): Promise<Response> {
  const none = { controller: "", action: "" };
  if (ctx.req.method.toUpperCase() !== "POST") return failure(none, ["Invalid request method, use POST"]);
  const body = await readBody(ctx.req);
  if (!body.ok) return failure(none, [body.error]);
  const { api_key: apiKey, controller: rawController, action: rawAction, ...params } = body.value;
  const call: Call = { controller: textParam(rawController) ?? "", action: textParam(rawAction) ?? "", params };

  const ip = clientIp(ctx.req);
  const budget = spend(ctx.tenant);
  if (!budget.allowed) return withHeaders(failure(call, [`IP ${ip} is currently in firewall`], 403), budget.headers);
  const state = await ctx.read();
  if (state.ipWhitelist.length && !state.ipWhitelist.includes(ip)) return withHeaders(failure(call, [`IP ${ip} has no access to API`]), budget.headers);
  if (textParam(apiKey) !== state.apiKey) return withHeaders(failure(call, ["Ongeldige API-sleutel opgegeven"]), budget.headers);
  const handler = CONTROLLERS[call.controller];
  if (!handler) return withHeaders(failure(call, ["Invalid controller"]), budget.headers);
  return withHeaders(await handler(call, ctx), budget.headers);
}

const inner = createSandbox<WefactState>({
  system: "wefact",
  initialState,
  reset: (state, tenant) => {
    clearBudget(tenant);
    return reset(state, tenant);
  },
  exportState,
  deleteInvoice,
  // Injected faults look like what sits in front of WeFact answers: an HTTP error with a short body.
  errorResponse: (status, message) => Response.json({ status: "error", errors: [message] }, { status }),
  async admin(ctx, method, sub) {
    if (`${method} ${sub.join("/")}` !== "POST ip-whitelist") return undefined;
    const body = (await ctx.req.json().catch(() => null)) as { ips?: unknown } | null;
    const ips = Array.isArray(body?.ips) ? body.ips.filter((ip): ip is string => typeof ip === "string") : null;
    if (!ips) return Response.json({ error: 'Body must be {"ips": ["…"]}' }, { status: 400 });
    await ctx.update((s) => { s.ipWhitelist = ips; });
    return new Response(null, { status: 204 });
  },
  async api(ctx) {
    if (ctx.path.length === 1 && ctx.path[0] === "v2") return v2(ctx);
    return new Response("<html><body><h1>404 Not Found</h1></body></html>", { status: 404, headers: { "Content-Type": "text/html" } });
  },
});

/**
 * `timeoutNext` on WeFact means the answer is lost, not the request: the call is carried out, then
 * its answer withheld until the client gives up. That is the case that books twice when a client
 * retries blindly, so the integration must look its invoice up before creating it again.
 */
export const wefactSandbox: SandboxHandler = async (req, route) => {
  if (route.path[0] === "_admin") return inner(req, route);
  const faults = await readFaults("wefact", route.tenant);
  if (!faults.timeoutNext || faults.timeoutNext <= 0) return inner(req, route);
  const init = () => initialState(route.tenant);
  await writeFaults("wefact", route.tenant, init, { ...faults, timeoutNext: 0 });
  const answered = await inner(req, route);
  await writeFaults("wefact", route.tenant, init, { ...(await readFaults("wefact", route.tenant)), timeoutNext: faults.timeoutNext - 1 });
  await new Promise<void>((resolve) => {
    if (req.signal.aborted) return resolve();
    const timer = setTimeout(resolve, 120_000);
    req.signal.addEventListener("abort", () => { clearTimeout(timer); resolve(); });
  });
  void answered.body?.cancel();
  return Response.json({ status: "error", errors: ["Gateway timeout (injected)"] }, { status: 504 });
};
