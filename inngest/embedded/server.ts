import http from "node:http";
import type { z } from "zod";
import type { Ingest } from "./ingest";
import { checkpointBodySchema, eventsBodySchema, registerBodySchema } from "./schemas";
import type { Scheduler } from "./scheduler";
import { bearerMatches } from "./signing";
import type { Sync } from "./sync";

const MAX_BODY = 8 * 1024 * 1024;

type Deps = { ingest: Ingest; sync: Sync; scheduler: Scheduler; signingKey?: string; log: (level: "error", msg: string) => void };

/**
 * The dev server's side of the protocol, on loopback: events in (/e/:key), out-of-band
 * registration (/fn/register), checkpoints of steps the SDK ran inline, and a health probe.
 * With a signing key, registration and checkpoints must carry the SDK's hashed key; events,
 * like on the dev server, need none (loopback only).
 */
export function createServer(deps: Deps): http.Server {
  return http.createServer((req, res) => {
    void handle(deps, req, res).catch((err: unknown) => {
      deps.log("error", `[inngest-embedded] ${req.method} ${req.url} failed: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) send(res, 500, { status: 500, error: "Internal error in the embedded executor" });
    });
  });
}

async function handle(deps: Deps, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  if (req.method === "GET" && (path === "/" || path === "/health")) {
    return send(res, 200, { status: "ok", embedded: true, running: deps.scheduler.running });
  }
  if (req.method !== "POST") return send(res, 404, { status: 404, error: "Not found" });

  if (/^\/e\/[^/]+\/?$/.test(path)) {
    const events = await parse(req, res, eventsBodySchema);
    if (!events) return;
    const ids = events.length ? await deps.ingest.submit({ events }) : [];
    return send(res, 200, { ids, status: 200 });
  }
  const authorized = !deps.signingKey || bearerMatches(req.headers.authorization, deps.signingKey);
  if (path === "/fn/register") {
    // The SDK passes our answer on as the PUT's: a 4xx status goes in the body.
    if (!authorized) return send(res, 200, { status: 401, error: "Unauthorized" });
    const body = await parse(req, res, registerBodySchema);
    if (!body) return;
    if (!deps.sync.allowedUrl(body.url)) return send(res, 200, { status: 400, error: `Only the app at its configured URL may register, not ${body.url}` });
    await deps.sync.apply(body.appName, body.url, body.functions);
    return send(res, 200, { ok: true, modified: true });
  }
  const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(path);
  if (checkpoint) {
    if (!authorized) return send(res, 401, { error: "Unauthorized" });
    const body = await parse(req, res, checkpointBodySchema);
    if (!body) return;
    const runId = decodeURIComponent(checkpoint[1]!);
    const driver = deps.scheduler.driverOf(runId);
    // 409 tells the SDK its request is stale (not the call we are waiting for): it stops.
    const ok = driver ? await driver.checkpoint(body.qi_id, body.steps) : false;
    return ok ? send(res, 200, {}) : send(res, 409, { error: "stale dispatch" });
  }
  return send(res, 404, { status: 404, error: "Not found" });
}

async function parse<T extends z.ZodType>(req: http.IncomingMessage, res: http.ServerResponse, schema: T): Promise<z.infer<T> | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) {
      send(res, 413, { status: 413, error: "Body too large" });
      return undefined;
    }
    chunks.push(chunk);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    send(res, 400, { status: 400, error: "Body is not JSON" });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    send(res, 400, { status: 400, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    return undefined;
  }
  return parsed.data;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
