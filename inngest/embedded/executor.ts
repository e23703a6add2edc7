import type { AddressInfo } from "node:net";
import type { SerializedError } from "./call";
import { Crons } from "./crons";
import { Ingest } from "./ingest";
import { resolveOptions, type ExecutorOptions } from "./options";
import { Registry, type CompiledFunction } from "./registry";
import { startRetention } from "./retention";
import { Scheduler } from "./scheduler";
import type { IncomingEvent } from "./schemas";
import { acceptLocalCalls } from "./local-calls";
import { createServer, endpoints } from "./server";
import { Store, type RunRow } from "./store";
import { Sync } from "./sync";
import { Waits } from "./waits";

export type EmbeddedExecutor = {
  /** http://127.0.0.1:<port>: the base URL the Inngest client must use. */
  url: string;
  port: number;
  /** Resolves after the first successful sync of the app. */
  synced: Promise<void>;
  /** Sends events as POST /e/:key would. */
  send(events: IncomingEvent | IncomingEvent[]): Promise<string[]>;
  /** Syncs the app again now. */
  sync(): Promise<void>;
  /** Stops serving and scheduling; runs in flight get `graceMs` to reach a step boundary. */
  stop(graceMs?: number): Promise<void>;
};

/** Starts the in-process Inngest-compatible executor. */
export async function startExecutor(options: ExecutorOptions): Promise<EmbeddedExecutor> {
  const o = resolveOptions(options);
  const log = (level: "info" | "warn" | "error", msg: string) => o.logger[level](msg);
  const store = new Store(o.db);
  const registry = new Registry((msg) => log("warn", msg));
  const sync = new Sync(store, registry, log, { serveUrl: o.serveUrl, signingKey: o.signingKey, now: o.now });

  // The scheduler's drivers need ingest/waits (for failure events and invokes) and vice versa:
  // wire through late-bound references.
  const late = {} as { ingest: Ingest; waits: Waits };
  const onFinished = async (run: RunRow, fn: CompiledFunction | undefined, outcome: { output?: unknown; error?: SerializedError }) => {
    const now = o.now();
    const parent = invokeParent(run);
    if (parent) await late.waits.resolveInvoke(parent.runId, parent.stepId, outcome, now);
    if (outcome.error && !run.functionId.endsWith("-failure")) {
      await late.ingest.submit({
        events: [{
          name: "inngest/function.failed",
          id: `failed-${run.id}`,
          data: { function_id: fn?.id ?? run.functionId, run_id: run.id, error: outcome.error, event: run.event, events: [run.event], _inngest: { status: "Failed" } },
        }],
      });
    }
  };
  const scheduler = new Scheduler(store, registry, {
    store,
    registry,
    now: o.now,
    random: o.random,
    backoffBaseMs: o.backoffBaseMs,
    backoffMaxMs: o.backoffMaxMs,
    callTimeoutMs: o.callTimeoutMs,
    checkpointing: o.checkpointing,
    signingKey: o.signingKey,
    log,
    onFinished,
    noteWait: (name) => late.waits.note(name),
    timeoutWait: (runId, stepId, value, now) => late.waits.timeout(runId, stepId, value, now),
    invoke: async (run, stepId, functionId, data) => {
      await late.ingest.submit({
        events: [{
          name: "inngest/function.invoked",
          id: `invoke-${run.id}-${stepId}`,
          data: { ...data, _inngest: { source_fn_id: run.functionId, source_run_id: run.id, invoke_correlation_id: `${run.id}.${stepId}` } },
        }],
        only: functionId,
      });
    },
  }, { leaseMs: o.leaseMs, pollIntervalMs: o.pollIntervalMs, maxConcurrentRuns: o.maxConcurrentRuns });
  const waits = (late.waits = new Waits(store, scheduler, log));
  const synced = new Promise<void>((resolve) => sync.onFirstSync(resolve));
  const ingest = (late.ingest = new Ingest(store, registry, scheduler, waits, { now: o.now, leaseMs: o.leaseMs, log, synced }));
  const crons = new Crons(registry, ingest, o.now, log);

  if (o.resumeLeasesOnStart) {
    const dropped = await store.dropLeases();
    if (dropped) log("info", `[inngest-embedded] resuming ${dropped} run(s) interrupted by the last shutdown`);
  }
  await sync.loadStored();
  await waits.load();

  const serverDeps = { ingest, sync, scheduler, signingKey: o.signingKey, log };
  const post = endpoints(serverDeps);
  const server = createServer(serverDeps, post);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${o.host}:${port}`;

  const stopLocalCalls = acceptLocalCalls(url, post);
  sync.onFirstSync(() => scheduler.start());
  crons.start();
  const stopRetention = startRetention(store, o.retentionDays, o.now, log);
  if (o.serveUrl) {
    void sync.syncUntilDone(o.serveUrl, o.syncRetryMs);
    sync.resyncEvery(o.serveUrl, o.resyncIntervalMs);
  }

  return {
    url,
    port,
    synced,
    send: (events) => ingest.submit({ events: Array.isArray(events) ? events : [events] }),
    sync: () => (o.serveUrl ? sync.syncOnce(o.serveUrl) : Promise.resolve()),
    async stop(graceMs = 5_000) {
      stopLocalCalls();
      sync.stop();
      crons.stop();
      stopRetention();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.race([scheduler.stop(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}

/** For a run started by step.invoke: the parent run and step waiting for it. */
function invokeParent(run: RunRow): { runId: string; stepId: string } | undefined {
  if (run.event.name !== "inngest/function.invoked") return undefined;
  const meta = (run.event.data as { _inngest?: { invoke_correlation_id?: unknown } } | undefined)?._inngest;
  const id = typeof meta?.invoke_correlation_id === "string" ? meta.invoke_correlation_id : undefined;
  const dot = id?.lastIndexOf(".") ?? -1;
  return id && dot > 0 ? { runId: id.slice(0, dot), stepId: id.slice(dot + 1) } : undefined;
}
