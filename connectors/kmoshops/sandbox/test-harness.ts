import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { inProcessSandboxFetch } from "../../sandbox/in-process-fetch";

/**
 * Test plumbing: the sandbox served in-process (the same requests the app's /sandbox route would
 * get), and a local HTTP server standing in for the app (webhook receiver, app-store routes).
 */
export const APP_ORIGIN = "http://app.test";
export const baseUrlOf = (tenant: string, origin = APP_ORIGIN) => `${origin}/sandbox/kmoshops/${tenant}`;

export const callSandbox = (tenant: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  inProcessSandboxFetch(`${baseUrlOf(tenant)}/${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const postDocument = async (tenant: string, kind: "order" | "creditnote", payload: Record<string, unknown>) => {
  const res = await callSandbox(tenant, "POST", "_admin/documents", { kind, payload });
  if (res.status !== 201) throw new Error(`POST _admin/documents answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
};

export const loggedRequests = async (tenant: string) => (await (await callSandbox(tenant, "GET", "_admin/requests")).json()) as { method: string; path: string; status: number }[];

export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
type Answer = { status: number; body?: string; headers?: Record<string, string> };

/** A local HTTP server; `handle` answers each request (default 200 "ok"); `waitFor` resolves with a matching request. */
export async function startServer(handle: (req: Received, origin: string) => Answer | Promise<Answer> = () => ({ status: 200, body: "ok" })) {
  const received: Received[] = [];
  const waiters: { test: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const entry = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(entry);
      const answer = await handle(entry, origin);
      res.writeHead(answer.status, answer.headers ?? { "content-type": "text/plain" });
      res.end(answer.body ?? "");
      for (const w of waiters.filter((x) => x.test(entry))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
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

/** The Headers of a received request, as the app's route would see them. */
export const headersOf = (r: Received) => new Headers(Object.entries(r.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
