/**
 * `npm run bench:executor`: throughput and latency of the embedded Inngest executor on the
 * embedded (on-disk PGlite) database, with real inngest@4 functions over real HTTP.
 *
 *   events/s accepted   POST /e/:key, one event per request, 32 concurrent senders: alone
 *                       (an event no function listens to) and while the runs below execute
 *   runs/s, steps/s     three-step runs, end to end (first event sent → last run completed)
 *   idle latency        event sent → first step body starts, one at a time, p50/p95
 *
 * Scenarios: the function server in this process (as in `npm start`, where Next.js and the
 * executor share a process) and in a second process (so the SDK's own CPU cost does not
 * compete with the executor's on one core); with checkpointing (default) and without; and a
 * protocol stub instead of the SDK (a few lines answering call requests the way the SDK does),
 * which shows what the executor itself can do when the SDK's CPU cost is taken away.
 * Options: --runs=N (default 3000), --scenario=<name> to run one, --pglite=inline for the
 * embedded database in the executor's thread instead of its own (PGLITE_THREAD=0).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { startExecutor } from "../inngest/embedded/executor";
import { localExecutorFetch } from "../inngest/embedded/local-calls";
import { PrismaClient } from "../lib/db/generated/client";
import { parseEnv } from "../lib/config/env";
import { embeddedDatabase } from "../lib/db/adapter";
import { applyMigrations } from "../lib/db/migrate";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const RUNS = Number(arg("runs") ?? 3000);
/** The embedded database on its own thread, as the app runs it, or (--pglite=inline) in this one. */
const PGLITE_THREAD = arg("pglite") === "inline" ? "0" : "1";
const IDLE_SAMPLES = 100;
const now = () => performance.timeOrigin + performance.now();

/** The benchmarked function: three steps; returns when its first step started. */
function defineFunctions(inngest: Inngest) {
  return [
    inngest.createFunction({ id: "bench", triggers: [{ event: "bench/run" }], retries: 0 }, async ({ step }) => {
      const firstStepAt = await step.run("a", () => now());
      await step.run("b", () => 1);
      await step.run("c", () => 2);
      return firstStepAt;
    }),
  ];
}

/**
 * Speaks the SDK's side for the same three-step function without the SDK: in-band sync, and a
 * 206 with one StepRun per call until three are memoized, then 200 (checkpointing ignored).
 */
function serveStub(port: number): void {
  const url = `http://127.0.0.1:${port}/api/inngest`;
  const config = {
    app_id: "bench-app",
    url,
    functions: [{
      id: "bench-app-bench", name: "bench", triggers: [{ event: "bench/run" }],
      steps: { step: { id: "step", name: "step", runtime: { type: "http", url: `${url}?fnId=bench-app-bench&stepId=step` }, retries: { attempts: 0 } } },
    }],
  };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method === "PUT") {
        res.writeHead(200, { "content-type": "application/json", "x-inngest-sync-kind": "in_band" }).end(JSON.stringify(config));
        return;
      }
      const { steps } = JSON.parse(body) as { steps: Record<string, { data: unknown }> };
      const done = Object.keys(steps).length;
      if (done >= 3) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(steps.s0!.data));
        return;
      }
      const op = { id: `s${done}`, op: "StepRun", name: `s${done}`, displayName: `s${done}`, opts: {}, data: done === 0 ? now() : done };
      res.writeHead(206, { "content-type": "application/json" }).end(JSON.stringify([op]));
    });
  });
  server.listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
}

/** In the child process (--serve=<port> --executor=<url>): just the function server. */
async function serveChild(port: number, executorUrl: string): Promise<void> {
  const inngest = new Inngest({ id: "bench-app", isDev: true, baseUrl: executorUrl, logger: silent });
  const server = http.createServer(serve({ client: inngest, functions: defineFunctions(inngest) }) as http.RequestListener);
  server.listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function scenario(name: string, opts: { split: boolean; checkpointing: boolean; stub?: boolean }) {
  const dataDir = path.resolve(".bench", `pglite-${name}-${Date.now()}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const database = embeddedDatabase(parseEnv({ DATA_DIR: dataDir, PGLITE_THREAD }));
  await applyMigrations(database);
  const db = new PrismaClient({ adapter: database.adapter() as unknown as AdapterFactory });

  const appPort = await freePort();
  const serveUrl = `http://127.0.0.1:${appPort}/api/inngest`;
  const executor = await startExecutor({ db, port: 0, serveUrl, checkpointing: opts.checkpointing, syncRetryMs: 50, logger: { ...console, info() {}, warn: (m: string) => !m.includes("waiting for the app") && console.warn(m) } });
  let child: ChildProcess | undefined;
  let server: http.Server | undefined;
  if (opts.split) {
    const args = opts.stub ? [`--stub=${appPort}`] : [`--serve=${appPort}`, `--executor=${executor.url}`];
    child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((r) => child!.stdout!.once("data", () => r()));
  } else {
    // As the app's client: checkpoints reach the executor in this process without the socket.
    const inngest = new Inngest({ id: "bench-app", isDev: true, baseUrl: executor.url, logger: silent, fetch: localExecutorFetch });
    server = http.createServer(serve({ client: inngest, functions: defineFunctions(inngest) }) as http.RequestListener);
    await new Promise<void>((r) => server!.listen(appPort, "127.0.0.1", r));
  }
  await executor.synced;
  const eventUrl = `${executor.url}/e/bench`;
  /** Waits until `count` runs have ended, reporting progress; a run that failed counts as ended. */
  const ended = async (count: number) => {
    let last = 0;
    for (;;) {
      const n = await db.execRun.count({ where: { status: { in: ["completed", "failed"] } } });
      if (n >= count) return;
      if (now() - last > 10_000) {
        last = now();
        const byStatus = await db.execRun.groupBy({ by: ["status"], _count: true });
        console.error(`  … ${name}: ${byStatus.map((g) => `${g.status} ${g._count}`).join(", ")}`);
      }
      // Not too often: on PGlite these counts share the one connection with the executor.
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // Warm-up (JIT, connections), not measured.
  await Promise.all(Array.from({ length: 50 }, () => post(eventUrl, JSON.stringify([{ name: "bench/run", data: {} }]))));
  await ended(50);

  const sendAll = async (name: string) => {
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next < RUNS) {
        next++;
        await post(eventUrl, JSON.stringify([{ name, data: { orderId: String(next) } }]));
      }
    }));
  };

  // Ingest alone: events that start nothing.
  const ingestStart = now();
  await sendAll("bench/ignored");
  const ingestOnly = RUNS / ((now() - ingestStart) / 1000);

  // Throughput: RUNS events from 32 concurrent senders, then wait for every run to finish.
  const start = now();
  await sendAll("bench/run");
  const acceptedAt = now();
  await ended(50 + RUNS);
  const doneAt = now();
  const failed = await db.execRun.count({ where: { status: "failed" } });

  // Idle latency: one event at a time, event sent → first step body started.
  const latencies: number[] = [];
  for (let i = 0; i < IDLE_SAMPLES; i++) {
    const sentAt = now();
    const [id] = await executor.send({ name: "bench/run", data: {} });
    let run;
    for (;;) {
      // The latency comes from timestamps; polling only tells when to look (and slowly, so
      // that it does not compete with the run being measured).
      await new Promise((r) => setTimeout(r, 50));
      run = await db.execRun.findFirst({ where: { eventId: id, status: { in: ["completed", "failed"] } } });
      if (run) break;
    }
    if (run.status === "completed") latencies.push((run.output as number) - sentAt);
    await new Promise((r) => setTimeout(r, 20));
  }
  latencies.sort((a, b) => a - b);

  await executor.stop();
  child?.kill();
  server?.closeAllConnections();
  server?.close();
  await db.$disconnect();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const seconds = (doneAt - start) / 1000;
  return {
    scenario: name,
    "events/s accepted (idle)": Math.round(ingestOnly),
    "events/s accepted (busy)": Math.round(RUNS / ((acceptedAt - start) / 1000)),
    "runs/s (3 steps)": Math.round(RUNS / seconds),
    "steps/s": Math.round((3 * RUNS) / seconds),
    "idle p50 ms": Number(pct(latencies, 50).toFixed(1)),
    "idle p95 ms": Number(pct(latencies, 95).toFixed(1)),
    failed,
  };
}

const serveArg = arg("serve");
if (serveArg) {
  await serveChild(Number(serveArg), arg("executor")!);
} else if (arg("stub")) {
  serveStub(Number(arg("stub")));
} else {
  const all = {
    "same-process": { split: false, checkpointing: true },
    "same-no-checkpointing": { split: false, checkpointing: false },
    "split-process": { split: true, checkpointing: true },
    "split-no-checkpointing": { split: true, checkpointing: false },
    "protocol-stub": { split: true, checkpointing: false, stub: true },
  };
  const only = arg("scenario");
  const results = [];
  console.log(`Embedded executor benchmark: ${RUNS} three-step runs per scenario, PGlite on disk, ${process.versions.node} on ${(await import("node:os")).cpus().length} CPU(s)`);
  for (const [name, opts] of Object.entries(all)) {
    if (only && only !== name) continue;
    const r = await scenario(name, opts);
    console.log(JSON.stringify(r));
    results.push(r);
  }
  console.table(results);
  agent.destroy();
  process.exit(0);
}
