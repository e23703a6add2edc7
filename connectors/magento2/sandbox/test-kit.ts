import { dispatchSandbox } from "../../sandbox/dispatch";
import type { SandboxHandler } from "../../sandbox/types";
import type { ConnectorContext, ExternalCallRecord } from "../../types";

/**
 * Test plumbing for a Magento simulator: the real client talks to it through a fetch that calls it
 * directly (no Next server), exactly as over HTTP; an aborted request rejects like a real fetch.
 */
export const APP = "http://app.test";

export function sandboxTestKit(system: "magento2" | "magento1", handler: SandboxHandler, credentialsOf: (tenant: string) => object) {
  const baseUrlOf = (tenant: string) => `${APP}/sandbox/${system}/${tenant}`;
  const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const segments = new URL(req.url).pathname.split("/").slice(2).filter(Boolean).map(decodeURIComponent);
    const answer = dispatchSandbox(req, segments, true, { [system]: handler });
    const signal = init?.signal;
    if (!signal) return answer;
    return Promise.race([answer, new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new DOMException("This operation was aborted", "AbortError"))))]);
  }) as typeof fetch;
  const admin = (tenant: string, method: string, path: string, body?: unknown) =>
    sandboxFetch(`${baseUrlOf(tenant)}/_admin/${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    baseUrlOf,
    sandboxFetch,
    admin,
    sandboxCtx: (tenant: string, credentials: unknown = credentialsOf(tenant), calls?: ExternalCallRecord[]): ConnectorContext<unknown> => ({
      baseUrl: baseUrlOf(tenant), credentials, fetch: sandboxFetch, onCall: calls ? (c) => calls.push(c) : undefined, timeoutMs: 5_000,
    }),
    async postDocument(tenant: string, kind: "order" | "invoice" | "creditnote", payload: object): Promise<string> {
      const res = await admin(tenant, "POST", "documents", { kind, payload });
      if (res.status !== 201) throw new Error(`documents: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    requestLog: async (tenant: string) => (await (await admin(tenant, "GET", "requests")).json()) as { method: string; path: string; status: number }[],
  };
}
