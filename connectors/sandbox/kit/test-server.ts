import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Test plumbing for sandboxes that call the app (webhook deliveries, App Store handshakes): a local
 * HTTP server standing in for the app, recording what it receives.
 */
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

/** The Headers of a received request, as the app's route would see them. */
export const headersOf = (r: Received) => new Headers(Object.entries(r.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])));
