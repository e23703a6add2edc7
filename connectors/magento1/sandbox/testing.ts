import { dispatchSandbox } from "../../sandbox/dispatch";
import type { ConnectorContext, ExternalCallRecord } from "../../types";
import { sandboxCredentials } from "./credentials";
import { magento1Sandbox } from "./index";

/** Test plumbing: the real client talks to the simulator through a fetch that calls it directly. */
export const APP = "http://app.test";
export const baseUrlOf = (tenant: string) => `${APP}/sandbox/magento1/${tenant}`;

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
  return dispatchSandbox(req, segments, true, { magento1: magento1Sandbox });
}) as typeof fetch;

export function sandboxCtx(tenant: string, credentials: unknown = sandboxCredentials(tenant), calls?: ExternalCallRecord[]): ConnectorContext<unknown> {
  return { baseUrl: baseUrlOf(tenant), credentials, fetch: sandboxFetch, onCall: calls ? (c) => calls.push(c) : undefined, timeoutMs: 5_000 };
}

export const admin = (tenant: string, method: string, path: string, body?: unknown) =>
  sandboxFetch(`${baseUrlOf(tenant)}/_admin/${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

export async function postDocument(tenant: string, kind: "order" | "invoice" | "creditnote", payload: object): Promise<string> {
  const res = await admin(tenant, "POST", "documents", { kind, payload });
  if (res.status !== 201) throw new Error(`documents: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export const requestLog = async (tenant: string) => (await (await admin(tenant, "GET", "requests")).json()) as { method: string; path: string; status: number }[];
