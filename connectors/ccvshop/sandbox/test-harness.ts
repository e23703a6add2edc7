import { ccvshopSandbox } from "./index";

/**
 * Test plumbing: a fetch that hands requests for http://app.test/sandbox/ccvshop/<tenant>/… straight
 * to the simulator (no Next server), and a local HTTP server standing in for the app (webhook
 * receiver, App Store handshake/install URLs; connectors/sandbox/kit/test-server.ts).
 */
export const APP_ORIGIN = "http://app.test";
export const baseUrlOf = (tenant: string) => `${APP_ORIGIN}/sandbox/ccvshop/${tenant}`;

export const sandboxFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const [, sandbox, system, tenant, ...path] = url.pathname.split("/");
  if (sandbox !== "sandbox" || system !== "ccvshop" || !tenant) throw new TypeError(`fetch failed: ${url} is not a CCV sandbox URL`);
  const answer = ccvshopSandbox(new Request(url, init), { tenant, path });
  const signal = init?.signal;
  if (!signal) return answer;
  // Like a real fetch: an aborted request rejects, whatever the server does afterwards.
  return Promise.race([answer, new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new DOMException("This operation was aborted", "AbortError"))))]);
}) as typeof fetch;

/** Calls the simulator like the app's /sandbox route does. */
export const callSandbox = (tenant: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  sandboxFetch(`${baseUrlOf(tenant)}/${path}`, { method, headers: body === undefined ? headers : { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

export { startServer, type Received } from "../../sandbox/kit/test-server";
