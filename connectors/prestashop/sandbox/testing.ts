import { dispatchSandbox } from "@/connectors/sandbox/dispatch";
import type { ConnectorContext, ExternalCallRecord } from "../../types";
import { sandboxApiKey } from "./credentials";
import { prestashopSandbox } from "./index";

/** Test plumbing: the real client talks to the simulator through a fetch that calls it directly (no Next server). */
export const APP_URL = "http://app.test";
export const baseUrlOf = (tenant: string) => `${APP_URL}/sandbox/prestashop/${tenant}`;

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
  return dispatchSandbox(req, segments, true, { prestashop: prestashopSandbox });
}) as typeof fetch;

export function sandboxCtx(tenant: string, credentials: unknown = { apiKey: sandboxApiKey(tenant) }, calls?: ExternalCallRecord[]): ConnectorContext<unknown> {
  return { baseUrl: baseUrlOf(tenant), credentials, fetch: sandboxFetch, onCall: calls ? (c) => calls.push(c) : undefined };
}

/** Calls an admin hook; answers the parsed JSON (null for 204). */
export async function admin<T = unknown>(tenant: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await sandboxFetch(`${baseUrlOf(tenant)}/_admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

/** A raw webservice request (for asserting PrestaShop's own answers). */
export const api = (tenant: string, pathAndQuery: string, init: RequestInit = {}) => sandboxFetch(`${baseUrlOf(tenant)}/api/${pathAndQuery}`, init);
export const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` });
