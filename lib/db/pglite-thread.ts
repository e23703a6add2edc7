import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SqlRunner } from "./migrate";
import { PriorityLock } from "./priority-lane";

/**
 * The embedded database (PGlite) on a thread of its own (lib/db/pglite-worker.mjs): its WebAssembly
 * then runs on a second core while the app's JavaScript thread answers webhooks and drives runs.
 * The app talks to it by messages; Prisma sees an ordinary driver adapter (`adapter`), whose
 * statements and transactions pass one PriorityLock here, in the app's thread, so urgent work
 * (priority-lane.ts) still goes first: the thread only ever has one statement to run.
 */
export type PgliteThread = SqlRunner & {
  /** The driver adapter factory Prisma is given. */
  adapter(): AdapterFactory;
  close(): Promise<void>;
};

type AdapterFactory = { provider: "postgres"; adapterName: string; connect(): Promise<unknown> };
type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
type Reply = { id: number; value?: unknown; error?: { driver?: Record<string, unknown>; name?: string; message?: string; stack?: string; code?: string } };

const ADAPTER_NAME = "@electric-sql/pglite";

/** Prisma recognizes a driver's error by this name and a `cause` describing it (kind, code, …). */
class DriverAdapterError extends Error {
  override name = "DriverAdapterError";
  constructor(override cause: Record<string, unknown>) {
    super(typeof cause.message === "string" ? cause.message : String(cause.kind));
  }
}

function toError(e: NonNullable<Reply["error"]>): Error {
  if (e.driver) return new DriverAdapterError(e.driver);
  const err = new Error(e.message);
  err.name = e.name ?? "Error";
  if (e.stack) err.stack = e.stack;
  if (e.code) Object.assign(err, { code: e.code });
  return err;
}

/** Where the thread's code is: beside this file in the repository, however this module was bundled. */
const workerFile = () => path.resolve(process.cwd(), "lib/db/pglite-worker.mjs");

export function startPgliteThread(dataDir: string, sharedBuffers: string): PgliteThread {
  const worker = new Worker(workerFile(), { workerData: { dataDir, startParams: ["-c", `shared_buffers=${sharedBuffers}`] } });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let lastId = 0;
  let stopped: Error | undefined;
  // An idle thread does not keep the process alive (as PGlite in the app's thread did not); a call in flight does.
  worker.unref();

  worker.on("message", ({ id, value, error }: Reply) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (error) call.reject(toError(error));
    else call.resolve(value);
  });
  const fail = (err: Error) => {
    stopped = new Error(`The embedded database stopped: ${err.message}`);
    for (const call of pending.values()) call.reject(stopped);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`its thread exited (code ${code})`)));

  function call<T>(op: string, ...args: unknown[]): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    const id = ++lastId;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args });
    });
  }

  const lock = new PriorityLock();

  /** A transaction holds the lock from its start until it commits or rolls back, as PGlite's own lock does. */
  const startTransaction = (isolationLevel?: string) => new Promise((resolve, reject) => {
    void lock.run(async () => {
      let id: number;
      try {
        id = await call<number>("startTransaction", isolationLevel);
      } catch (err) {
        reject(err);
        return;
      }
      await new Promise<void>((ended) => {
        const end = (op: "commit" | "rollback") => () => call<void>(op, id).finally(ended);
        resolve({
          provider: "postgres",
          adapterName: ADAPTER_NAME,
          options: { usePhantomQuery: true },
          queryRaw: (q: Query) => call("txQueryRaw", id, q),
          executeRaw: (q: Query) => call("txExecuteRaw", id, q),
          commit: end("commit"),
          rollback: end("rollback"),
        });
      });
    });
  });

  const adapter = {
    provider: "postgres" as const,
    adapterName: ADAPTER_NAME,
    queryRaw: (q: Query) => lock.run(() => call("queryRaw", q)),
    executeRaw: (q: Query) => lock.run(() => call("executeRaw", q)),
    executeScript: (script: string) => lock.run(() => call<void>("executeScript", script)),
    startTransaction,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };

  return {
    exec: (sql) => lock.run(() => call("exec", sql)),
    query: <T>(sql: string, params?: unknown[]) => lock.run(() => call<{ rows: T[] }>("query", sql, params ?? [])),
    adapter: () => ({ provider: "postgres", adapterName: ADAPTER_NAME, connect: async () => adapter }),
    async close() {
      if (stopped) return;
      await lock.run(() => call("close"));
      await worker.terminate();
    },
  };
}
