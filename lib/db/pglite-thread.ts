import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SqlRunner } from "./migrate";
import { isUrgent } from "./priority-lane";

/**
 * The embedded database (PGlite) on a thread of its own (lib/db/pglite-worker.mjs): its WebAssembly
 * then runs on a second core while the app's JavaScript thread answers webhooks and drives runs.
 * The app talks to it by messages; Prisma sees an ordinary driver adapter (`adapter`). Each
 * message says whether it comes from the urgent lane (priority-lane.ts): the thread queues them,
 * urgent first, and runs one after another without waiting on this thread.
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
/** The message id the thread uses to say the database is open (or failed to open). */
const OPENED = 0;

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

/**
 * Where the thread's code is: lib/db in the app's directory, which `npm start`, the tests and the
 * scripts all run from (this module itself may be bundled anywhere under .next).
 */
function workerFile(): string {
  const file = path.resolve(process.cwd(), "lib/db/pglite-worker.mjs");
  if (!fs.existsSync(file)) throw new Error(`The embedded database's thread needs ${file}: start the app from its own directory, or set PGLITE_THREAD=0`);
  return file;
}

export function startPgliteThread(dataDir: string, sharedBuffers: string): PgliteThread {
  const worker = new Worker(workerFile(), { workerData: { dataDir, startParams: ["-c", `shared_buffers=${sharedBuffers}`] } });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let lastId = 0;
  let stopped: Error | undefined;
  // The thread keeps the process alive while it opens the database (a directory must never be
  // left half created) and while a call is in flight; otherwise not, as PGlite in this thread did not.
  let opening = true;
  const idle = () => {
    if (!opening && pending.size === 0) worker.unref();
  };
  worker.on("message", ({ id, value, error }: Reply) => {
    if (id === OPENED) {
      opening = false;
      return idle();
    }
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    idle();
    if (error) call.reject(toError(error));
    else call.resolve(value);
  });
  let closing = false;
  const fail = (err: Error) => {
    if (stopped) return;
    stopped = new Error(`The embedded database stopped: ${err.message}`);
    if (!closing) console.error(`[db] ${stopped.message}`);
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
      worker.postMessage({ id, op, args, urgent: isUrgent() });
    });
  }

  /** A transaction holds the thread's queue from its start until it commits or rolls back. */
  async function startTransaction(isolationLevel?: string) {
    const id = await call<number>("startTransaction", isolationLevel);
    return {
      provider: "postgres",
      adapterName: ADAPTER_NAME,
      options: { usePhantomQuery: true },
      queryRaw: (q: Query) => call("txQueryRaw", id, q),
      executeRaw: (q: Query) => call("txExecuteRaw", id, q),
      commit: () => call<void>("commit", id),
      rollback: () => call<void>("rollback", id),
    };
  }

  const adapter = {
    provider: "postgres" as const,
    adapterName: ADAPTER_NAME,
    queryRaw: (q: Query) => call("queryRaw", q),
    executeRaw: (q: Query) => call("executeRaw", q),
    executeScript: (script: string) => call<void>("executeScript", script),
    startTransaction,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };

  return {
    exec: (sql) => call("exec", sql),
    query: <T>(sql: string, params?: unknown[]) => call<{ rows: T[] }>("query", sql, params ?? []),
    adapter: () => ({ provider: "postgres", adapterName: ADAPTER_NAME, connect: async () => adapter }),
    async close() {
      if (stopped) return;
      await call("close");
      closing = true;
      await worker.terminate();
    },
  };
}
