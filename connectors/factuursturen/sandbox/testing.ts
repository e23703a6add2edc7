import { dispatchSandbox } from "@/connectors/sandbox/dispatch";
import type { ConnectorContext, ExternalCallRecord } from "../../types";
import { sandboxBaseUrl } from "../config";
import { sandboxCredentials } from "./credentials";
import { factuursturenSandbox } from "./index";

/**
 * Test helpers: the real client talks to the sandbox handler through a fetch that calls it
 * directly (no Next server), exactly as it would over HTTP.
 */
export const APP_URL = "http://app.test";

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
  return dispatchSandbox(req, segments, true, { factuursturen: factuursturenSandbox });
}) as typeof fetch;

export function sandboxCtx(tenant: string, opts: { calls?: ExternalCallRecord[]; timeoutMs?: number; credentials?: unknown } = {}): ConnectorContext<unknown> {
  return {
    baseUrl: sandboxBaseUrl(APP_URL, tenant),
    credentials: opts.credentials ?? sandboxCredentials(tenant),
    fetch: sandboxFetch,
    onCall: opts.calls ? (c) => opts.calls!.push(c) : undefined,
    timeoutMs: opts.timeoutMs,
  };
}

export const basic = (username: string, apiKey: string) => `Basic ${Buffer.from(`${username}:${apiKey}`).toString("base64")}`;

/** A raw API request as a tenant's own login (or the given Authorization header). */
export function api(tenant: string, method: string, path: string, body?: unknown, auth?: string | null): Promise<Response> {
  const { username, apiKey } = sandboxCredentials(tenant);
  const headers: Record<string, string> = { Accept: "application/json" };
  if (auth !== null) headers.Authorization = auth ?? basic(username, apiKey);
  if (body !== undefined && typeof body !== "string") headers["Content-Type"] = "application/json";
  if (typeof body === "string") headers["Content-Type"] = "application/x-www-form-urlencoded";
  return sandboxFetch(`${sandboxBaseUrl(APP_URL, tenant)}/api/v1/${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

export function admin(tenant: string, method: string, path: string, body?: unknown): Promise<Response> {
  return sandboxFetch(`${sandboxBaseUrl(APP_URL, tenant)}/_admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}
