import { createSandbox, type SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { authenticate } from "./auth";
import { notFound, textError } from "./http";
import { secondsToNextHour, setRemaining, takeCall } from "./rate-limit";
import { clients } from "./routes/clients";
import { drafts, invoicePayment, invoicePdf, invoices } from "./routes/invoices";
import { products } from "./routes/products";
import { countrylist, profiles, taxes } from "./routes/reference";
import type { Route } from "./routes/route";
import { search } from "./routes/search";
import { exportState, initialState, reset, type FactuursturenState } from "./state";
import { deleteInvoice } from "./delete-invoice";

/**
 * The Factuursturen simulator, mounted at /sandbox/factuursturen/<tenant>: API v1 under
 * /api/v1, HTTP Basic (username:apikey). See README.md in this folder.
 */
const RESOURCES: Record<string, (r: Route) => Promise<Response>> = {
  clients, invoices, products, profiles, taxes, countrylist, search,
  invoices_saved: drafts("saved"),
  invoices_repeated: drafts("repeated"),
  invoices_payment: invoicePayment,
  invoices_pdf: invoicePdf,
};

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The same answer with one more header (a Response's own headers may be read-only). */
function withHeader(res: Response, name: string, value: string): Response {
  const headers = new Headers(res.headers);
  headers.set(name, value);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** Holds a request until the client gives up: its work is done, its answer never arrives. */
function loseAnswer(req: Request): Promise<Response> {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(textError(504, "Gateway timeout")); };
    const timer = setTimeout(done, 120_000);
    if (req.signal.aborted) done();
    else req.signal.addEventListener("abort", done, { once: true });
  });
}

async function api(ctx: SandboxContext<FactuursturenState>): Promise<Response> {
  const [root, version, resource, ...rest] = ctx.path;
  if (root !== "api" || version !== "v1" || !resource) return notFound();
  const method = ctx.req.method.toUpperCase();
  const state = await ctx.read();
  const refused = authenticate(state, ctx.req);
  if (refused) return refused;
  const remaining = takeCall(ctx.tenant);
  if (remaining < 0) {
    return textError(429, "Too many requests: the hourly API limit has been reached", { "x-ratelimit-remaining": "0", "Retry-After": String(secondsToNextHour()) });
  }
  const handle = RESOURCES[resource];
  const lose = WRITES.has(method) && state.loseAnswers > 0 && (await ctx.update((s) => (s.loseAnswers > 0 ? ((s.loseAnswers -= 1), true) : false)));
  const res = handle ? await handle({ ctx, method, rest }) : notFound();
  if (lose) return loseAnswer(ctx.req);
  return withHeader(res, "x-ratelimit-remaining", String(remaining));
}

export const factuursturenSandbox = createSandbox<FactuursturenState>({
  system: "factuursturen",
  initialState,
  reset,
  exportState,
  deleteInvoice,
  errorResponse: (status, message) =>
    textError(status, message, status === 429 ? { "x-ratelimit-remaining": "0", "Retry-After": "1" } : undefined),
  async admin(ctx, method, sub) {
    const route = `${method} ${sub.join("/")}`;
    const body = async () => ((await ctx.req.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
    if (route === "POST revoke" || route === "POST activate-key") {
      await ctx.update((s) => { s.login.active = route === "POST activate-key"; });
      return new Response(null, { status: 204 });
    }
    if (route === "POST lose-answers") {
      const next = Number((await body()).next ?? 1);
      if (!Number.isInteger(next) || next < 0) return Response.json({ error: "next must be a whole number ≥ 0" }, { status: 400 });
      await ctx.update((s) => { s.loseAnswers = next; });
      return new Response(null, { status: 204 });
    }
    if (route === "POST rate-limit") {
      const remaining = Number((await body()).remaining);
      if (!Number.isInteger(remaining) || remaining < 0) return Response.json({ error: "remaining must be a whole number ≥ 0" }, { status: 400 });
      await ctx.read();
      setRemaining(ctx.tenant, remaining);
      return new Response(null, { status: 204 });
    }
    return undefined;
  },
  api,
});
