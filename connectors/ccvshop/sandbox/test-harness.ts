import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { ccvshopSandbox } from "./index";

/**
 * Test plumbing: a fetch that hands requests for http://app.test/sandbox/ccvshop/<tenant>/… straight
 * to the simulator (no Next server), and a local HTTP server standing in for the app (webhook
 * receiver, App Store handshake/install URLs).
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

export type Received = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

/** A local HTTP server; `handle` answers each request (default 200 "ok"). */
export async function startServer(handle: (req: Received) => Promise<{ status: number; body?: string; headers?: Record<string, string> }> | { status: number; body?: string; headers?: Record<string, string> } = () => ({ status: 200, body: "ok" })) {
  const received: Received[] = [];
  const waiters: { test: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const entry = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(entry);
      const answer = await handle(entry);
      res.writeHead(answer.status, answer.headers ?? { "content-type": "text/plain" });
      res.end(answer.body ?? "");
      for (const w of waiters.filter((x) => x.test(entry))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** Resolves with the first request (already received or future) that passes `test`. */
    waitFor(test: (r: Received) => boolean, timeoutMs = 10_000): Promise<Received> {
      const seen = received.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no matching request arrived")), timeoutMs);
        waiters.push({ test, resolve: (r) => { clearTimeout(timer); resolve(r); } });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
