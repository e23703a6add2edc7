import type { SystemId } from "../../types";
import type { SandboxHandler, SandboxRoute } from "../types";
import { clearRequests, logRequest, loggedRequests, readFaults, readTenant, takeCountedFault, updateTenant, writeFaults, type Faults } from "./tenant-store";

/** What a simulator's handlers get for one request. */
export type SandboxContext<S> = {
  req: Request;
  url: URL;
  tenant: string;
  /** The real API path after /sandbox/<system>/<tenant>, e.g. ["api", "rest", "v1", "orders", "1"]. */
  path: string[];
  /** http://host/sandbox/<system>/<tenant>: the tenant's base URL, for links and webhook payloads. */
  baseUrl: string;
  read(): Promise<S>;
  update<T>(fn: (state: S) => T | Promise<T>): Promise<T>;
};

export type AccountingExport = {
  contacts: unknown[]; products: unknown[]; invoices: unknown[]; mutations: unknown[]; payments: unknown[];
  /** Systems that email invoices for the integration: what was sent, so a test can see it (an extension of the contract). */
  emails?: unknown[];
};

export type SandboxDefinition<S extends object> = {
  system: SystemId;
  /** A fresh tenant: seeded reference data (VAT codes, ledgers…) and its credentials. */
  initialState(tenant: string): S;
  /** `_admin/reset`: business data emptied; credentials, installations, grants and webhook registrations kept; seeded reference data restored. */
  reset(state: S, tenant: string): S;
  /** `_admin/state` (accounting systems): what the integration created or changed, in the system's own JSON. */
  exportState?(state: S): AccountingExport;
  /**
   * `_admin/invoices/<id>` DELETE (accounting systems): removes that invoice or sales mutation as if
   * the bookkeeper deleted it in the system; false = no such id (404).
   */
  deleteInvoice?(state: S, id: string): boolean;
  /** System-specific admin hooks (`documents`, `payments` for webshops); undefined = not handled. */
  admin?(ctx: SandboxContext<S>, method: string, subpath: string[]): Promise<Response | undefined>;
  /** The real API, including OAuth consent pages and install handshakes. */
  api(ctx: SandboxContext<S>): Promise<Response>;
  /** An error in the system's own shape, for injected faults. */
  errorResponse?(status: number, message: string): Response;
};

const defaultError = (status: number, message: string) => Response.json({ error: message }, { status });

/** Builds a simulator with the contract's admin hooks, request log and fault injection. */
export function createSandbox<S extends object>(def: SandboxDefinition<S>): SandboxHandler {
  return async (req: Request, { tenant, path }: SandboxRoute) => {
    const init = () => def.initialState(tenant);
    const url = new URL(req.url);
    const ctx: SandboxContext<S> = {
      req,
      url,
      tenant,
      path,
      baseUrl: `${url.origin}/sandbox/${def.system}/${tenant}`,
      read: () => readTenant(def.system, tenant, init),
      update: (fn) => updateTenant(def.system, tenant, init, fn),
    };
    if (path[0] === "_admin") return admin(def, ctx, req.method, path.slice(1), init);

    const injected = await injectFault(def, tenant, req);
    const res = injected ?? (await def.api(ctx).catch((err: unknown) => (def.errorResponse ?? defaultError)(500, `Sandbox failure: ${(err as Error).message}`)));
    await logRequest(def.system, tenant, { method: req.method, path: `/${path.join("/")}${url.search}`, status: res.status });
    return res;
  };
}

async function admin<S extends object>(def: SandboxDefinition<S>, ctx: SandboxContext<S>, method: string, sub: string[], init: () => S): Promise<Response> {
  const route = `${method} ${sub.join("/")}`;
  if (route === "POST reset") {
    await ctx.update((state) => Object.assign(state, def.reset(state, ctx.tenant)));
    await clearRequests(def.system, ctx.tenant);
    return new Response(null, { status: 204 });
  }
  if (route === "GET requests") {
    await ctx.read(); // a tenant that was never touched exists, with an empty log
    return Response.json(await loggedRequests(def.system, ctx.tenant));
  }
  if (route === "POST faults") {
    const body = (await ctx.req.json().catch(() => null)) as Faults | null;
    if (!body || typeof body !== "object") return Response.json({ error: "Body must be a JSON object" }, { status: 400 });
    await writeFaults(def.system, ctx.tenant, init, body);
    return new Response(null, { status: 204 });
  }
  if (route === "GET state" && def.exportState) return Response.json(def.exportState(await ctx.read()));
  if (method === "DELETE" && sub.length === 2 && sub[0] === "invoices" && def.deleteInvoice) {
    const deleteInvoice = def.deleteInvoice;
    const removed = await ctx.update((state) => deleteInvoice(state, decodeURIComponent(sub[1]!)));
    return removed ? new Response(null, { status: 204 }) : Response.json({ error: `No invoice ${sub[1]}` }, { status: 404 });
  }
  const handled = await def.admin?.(ctx, method, sub);
  return handled ?? Response.json({ error: `No admin hook ${route}` }, { status: 404 });
}

/** Applies `_admin/faults`: latency, hung requests (until the client gives up), failures. */
async function injectFault<S extends object>(def: SandboxDefinition<S>, tenant: string, req: Request): Promise<Response | undefined> {
  const faults = await readFaults(def.system, tenant);
  if (!faults || Object.keys(faults).length === 0) return undefined;
  if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
  const error = def.errorResponse ?? defaultError;
  if (faults.timeoutNext && (await takeCountedFault(def.system, tenant, "timeoutNext"))) {
    // Hang until the client gives up (it may already have, while the fault was being taken).
    await new Promise<void>((resolve) => {
      if (req.signal.aborted) return resolve();
      const timer = setTimeout(resolve, 120_000);
      req.signal.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
    });
    return error(504, "Gateway timeout (injected)");
  }
  if (faults.failNext && (await takeCountedFault(def.system, tenant, "failNext"))) return error(faults.status ?? 503, "Injected failure");
  if (faults.failRate && Math.random() < faults.failRate) return error(faults.status ?? 503, "Injected failure");
  return undefined;
}
