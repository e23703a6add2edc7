import { createSandbox } from "@/connectors/sandbox/kit/create-sandbox";
import { problem, notFound } from "./rest-http";
import { restApi } from "./rest";
import { soapApi } from "./soap";
import { exportState, initialState, reset, type EboekhoudenState } from "./state";
import { deleteInvoice } from "./delete-invoice";

/**
 * The e-Boekhouden simulator, mounted at /sandbox/eboekhouden/<tenant>: the REST API under `/v1/…`
 * and the legacy SOAP API at `/soap.asmx`, over one shared administration. See README.md.
 */

/** Writes: what a lost answer can hide (the booking happened, the client never heard). */
const isWrite = (req: Request, path: string[]) => path[0] === "soap.asmx" ? req.method === "POST" && /\/(Add\w+)"?$/.test(req.headers.get("soapaction") ?? "") : req.method !== "GET";

const gatewayTimeout = () =>
  new Response("<!DOCTYPE html><html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>", { status: 504, headers: { "Content-Type": "text/html" } });

export const eboekhoudenSandbox = createSandbox<EboekhoudenState>({
  system: "eboekhouden",
  initialState,
  reset,
  exportState,
  deleteInvoice,
  errorResponse: (status, message) => problem(status, status >= 500 ? "ERR_001" : undefined, message, {}, status === 429 ? { "Retry-After": "1" } : undefined),
  async admin(ctx, method, sub) {
    const route = `${method} ${sub.join("/")}`;
    if (route === "POST expire-sessions") {
      await ctx.update((s) => { for (const x of [...s.auth.restSessions, ...s.auth.soapSessions]) x.expiresAt = 0; });
      return new Response(null, { status: 204 });
    }
    if (route === "POST expire-token") {
      await ctx.update((s) => { for (const t of s.auth.apiTokens) t.expiresAt = new Date(Date.now() - 1000).toISOString(); });
      return new Response(null, { status: 204 });
    }
    if (route === "POST lose-answers") {
      const body = (await ctx.req.json().catch(() => ({}))) as { count?: unknown };
      const count = typeof body.count === "number" && body.count >= 0 ? Math.floor(body.count) : 1;
      await ctx.update((s) => { s.loseAnswers = count; });
      return new Response(null, { status: 204 });
    }
    return undefined;
  },
  async api(ctx) {
    const [root, ...rest] = ctx.path;
    const handle = () => (root === "v1" ? restApi(ctx, rest) : root === "soap.asmx" && rest.length === 0 ? soapApi(ctx) : Promise.resolve(notFound()));
    if (!isWrite(ctx.req, ctx.path) || (await ctx.read()).loseAnswers <= 0) return handle();
    // Carried out, then the answer is lost on the way back (a gateway timeout after the work was done).
    const res = await handle();
    await ctx.update((s) => { s.loseAnswers = Math.max(0, s.loseAnswers - 1); });
    return res.status < 300 ? gatewayTimeout() : res;
  },
});
