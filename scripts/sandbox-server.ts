/**
 * `npm run sandbox`: every simulated shop and accounting system (connectors/sandbox) on a server
 * of its own, with its own database, apart from the app, as the real systems are. The app then
 * runs with SANDBOX_URL set to this server's origin. Benchmarks use it so that what they measure
 * is the app's work, not the simulators' (scripts/bench/lib/server.ts).
 * Env: SANDBOX_PORT (8600); DATA_DIR (its own PGlite) or DATABASE_URL (its own database).
 */
import http from "node:http";
import { dispatchSandbox } from "../connectors/sandbox/dispatch";
import { applyMigrations } from "../lib/db/migrate";
import { openSqlRunner } from "../lib/db/sql-runner";

const port = Number(process.env.SANDBOX_PORT ?? 8600);
const origin = `http://127.0.0.1:${port}`;

const sql = await openSqlRunner();
await applyMigrations(sql);
await sql.release();

async function toRequest(req: http.IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => { if (name !== "set-cookie") headers[name] = value; });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = http.createServer((req, res) => {
  void (async () => {
    const request = await toRequest(req);
    const path = new URL(request.url).pathname;
    if (!path.startsWith("/sandbox/")) return send(res, new Response("Not found", { status: 404 }));
    const segments = path.slice("/sandbox/".length).split("/").filter(Boolean).map(decodeURIComponent);
    await send(res, await dispatchSandbox(request, segments, true));
  })().catch((err: unknown) => {
    console.error("[sandbox-server]", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "sandbox_failed", message: (err as Error).message }));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.info(`[sandbox-server] serving /sandbox/… on ${origin}`));
// Throwaway state: nothing to finish on the way out.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
