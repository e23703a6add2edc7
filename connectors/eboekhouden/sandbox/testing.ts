import { dispatchSandbox } from "@/connectors/sandbox/dispatch";
import type { ConnectorContext, ExternalCallRecord } from "../../types";
import { sandboxBaseUrl, type EboekhoudenCredentials } from "../config";
import { eboekhoudenSandbox } from "./index";
import { sandboxApiToken, sandboxLegacyCredentials } from "./seed";
import type { InvoiceJson, MutationJson, ProductJson, RelationJson } from "./state";

/** Test helpers: the real clients talk to the sandbox handler through a fetch that calls it directly. */

export const APP_URL = "http://app.test";

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
  // As a real fetch: a request whose signal fires is given up at once, whatever the server still does.
  // The caller's own signal is watched (a Request's derived signal is held weakly and can be collected).
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  const aborted = () => new DOMException("This operation was aborted", "AbortError");
  if (signal?.aborted) throw aborted();
  const dispatched = dispatchSandbox(req, segments, true, { eboekhouden: eboekhoudenSandbox });
  if (!signal) return dispatched;
  return Promise.race([dispatched, new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(aborted()), { once: true }))]);
}) as typeof fetch;

export const baseUrl = (tenant: string) => sandboxBaseUrl(APP_URL, tenant);

export const tokenCredentials = (tenant: string): EboekhoudenCredentials => ({ mode: "token", apiToken: sandboxApiToken(tenant) });
export const legacyCredentials = (tenant: string): EboekhoudenCredentials => ({ mode: "legacy", ...sandboxLegacyCredentials(tenant) });

export function sandboxCtx(tenant: string, credentials: unknown, calls?: ExternalCallRecord[], timeoutMs?: number): ConnectorContext<unknown> {
  return { baseUrl: baseUrl(tenant), credentials, fetch: sandboxFetch, onCall: calls ? (c) => calls.push(c) : undefined, timeoutMs };
}

export async function admin(tenant: string, method: string, path: string, body?: unknown): Promise<Response> {
  return sandboxFetch(`${baseUrl(tenant)}/_admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

export type StateExport = { contacts: RelationJson[]; products: ProductJson[]; invoices: InvoiceJson[]; mutations: MutationJson[]; payments: MutationJson[] };
export const state = async (tenant: string) => (await admin(tenant, "GET", "state")).json() as Promise<StateExport>;

/** A REST session of the tenant's token, for raw API calls in tests. */
export async function restSession(tenant: string): Promise<string> {
  const res = await sandboxFetch(`${baseUrl(tenant)}/v1/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ accessToken: sandboxApiToken(tenant), source: "Tests" }) });
  return ((await res.json()) as { token: string }).token;
}

export async function rest(tenant: string, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return sandboxFetch(`${baseUrl(tenant)}/v1${path}`, {
    method,
    headers: { Authorization: token, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
