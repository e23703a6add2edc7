import http from "node:http";
import type { z } from "zod";
import type { Ingest } from "./ingest";
import { checkpointBodySchema, eventsBodySchema, issuesText, registerBodySchema } from "./schemas";
import type { Scheduler } from "./scheduler";
import { bearerMatches } from "./signing";
import type { Sync } from "./sync";

const MAX_BODY = 8 * 1024 * 1024;

export type Deps = { ingest: Ingest; sync: Sync; scheduler: Scheduler; signingKey?: string; log: (level: "error", msg: string) => void };

/**
 * The dev server's side of the protocol, on loopback: events in (/e/:key), out-of-band
 * registration (/fn/register), checkpoints of steps the SDK ran inline, and a health probe.
 * With a signing key, registration and checkpoints must carry the SDK's hashed key; events,
 * like on the dev server, need none (loopback only).
 */
export function createServer(deps: Deps, post: Endpoints = endpoints(deps)): http.Server {
  return http.createServer((req, res) => {
    void handle(deps, post, req, res).catch((err: unknown) => {
      deps.log("error", `[inngest-embedded] ${req.method} ${req.url} failed: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) send(res, 500, { status: 500, error: "Internal error in the embedded executor" });
    });
  });
}

/** What the executor answers a request with, over HTTP or in this process (local-calls.ts). */
export type Answer = { status: number; body: unknown };

/**
 * The executor's POST endpoints, given the request's path, Authorization header and body text:
 * events, registration and checkpoints. The same for the HTTP server and for calls from this process.
 */
export type Endpoints = (path: string, authorization: string | undefined, text: string) => Promise<Answer>;

export function endpoints(deps: Deps): Endpoints {
  return async (path, authorization, text) => {
    if (text.length > MAX_BODY) return { status: 413, body: { status: 413, error: "Body too large" } };
    if (/^\/e\/[^/]+\/?$/.test(path)) {
      const events = parse(text, eventsBodySchema);
      if (!events.ok) return events.answer;
      const ids = events.data.length ? await deps.ingest.submit({ events: events.data }) : [];
      return { status: 200, body: { ids, status: 200 } };
    }
    const authorized = !deps.signingKey || bearerMatches(authorization, deps.signingKey);
    if (path === "/fn/register") {
      // The SDK passes our answer on as the PUT's: a 4xx status goes in the body.
      if (!authorized) return { status: 200, body: { status: 401, error: "Unauthorized" } };
      const body = parse(text, registerBodySchema);
      if (!body.ok) return body.answer;
      if (!deps.sync.allowedUrl(body.data.url)) return { status: 200, body: { status: 400, error: `Only the app at its configured URL may register, not ${body.data.url}` } };
      await deps.sync.apply(body.data.appName, body.data.url, body.data.functions);
      return { status: 200, body: { ok: true, modified: true } };
    }
    const checkpoint = /^\/v1\/checkpoint\/([^/]+)\/async$/.exec(path);
    if (checkpoint) {
      if (!authorized) return { status: 401, body: { error: "Unauthorized" } };
      const body = parse(text, checkpointBodySchema);
      if (!body.ok) return body.answer;
      const runId = decodeURIComponent(checkpoint[1]!);
      const driver = deps.scheduler.driverOf(runId);
      // 409 tells the SDK its request is stale (not the call we are waiting for): it stops.
      const ok = driver ? await driver.checkpoint(body.data.qi_id, body.data.steps) : false;
      return ok ? { status: 200, body: {} } : { status: 409, body: { error: "stale dispatch" } };
    }
    return { status: 404, body: { status: 404, error: "Not found" } };
  };
}

async function handle(deps: Deps, post: Endpoints, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (req.method === "GET" && (path === "/" || path === "/health")) {
    return send(res, 200, { status: "ok", embedded: true, running: deps.scheduler.running });
  }
  if (req.method !== "POST") return send(res, 404, { status: 404, error: "Not found" });
  const text = await readBody(req);
  const { status, body } = text === undefined ? { status: 413, body: { status: 413, error: "Body too large" } } : await post(path, req.headers.authorization, text);
  send(res, status, body);
}

/** The body as text, or undefined once it passes MAX_BODY (the rest is not read). */
async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parse<T extends z.ZodType>(text: string, schema: T): { ok: true; data: z.infer<T> } | { ok: false; answer: Answer } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, answer: { status: 400, body: { status: 400, error: "Body is not JSON" } } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, answer: { status: 400, body: { status: 400, error: issuesText(parsed.error) } } };
  return { ok: true, data: parsed.data };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
