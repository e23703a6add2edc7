import { dispatchSandbox } from "@/connectors/sandbox/dispatch";
import type { ConnectorContext, ExternalCallRecord } from "../../types";
import { sandboxBaseUrl } from "../config";
import { wefactSandbox } from "./index";
import { sandboxApiKey } from "./seed";

/** Test helpers: the real client talks to the sandbox handler through a fetch that calls it directly. */

export const APP_URL = "http://app.test";

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
  return dispatchSandbox(req, segments, true, { wefact: wefactSandbox });
}) as typeof fetch;

export function sandboxCtx(tenant: string, calls?: ExternalCallRecord[], extra: Partial<ConnectorContext<unknown>> = {}): ConnectorContext<unknown> {
  return {
    baseUrl: sandboxBaseUrl(APP_URL, tenant),
    credentials: { apiKey: sandboxApiKey(tenant) },
    fetch: sandboxFetch,
    onCall: calls ? (c) => calls.push(c) : undefined,
    ...extra,
  };
}

export async function admin(tenant: string, method: string, path: string, body?: unknown): Promise<Response> {
  return sandboxFetch(`${sandboxBaseUrl(APP_URL, tenant)}/_admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** One raw API v2 call, JSON-encoded (WeFact accepts both encodings). */
export async function api(tenant: string, body: Record<string, unknown>, init: RequestInit = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await sandboxFetch(`${sandboxBaseUrl(APP_URL, tenant)}/v2/`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ api_key: sandboxApiKey(tenant), ...body }), ...init,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}
