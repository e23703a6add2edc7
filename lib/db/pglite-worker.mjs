// The embedded database's own thread (started by lib/db/pglite-thread.ts): PGlite and its Prisma
// adapter run here, so PostgreSQL's WebAssembly uses a second core instead of the app's one
// JavaScript thread. Plain JavaScript: it is loaded as is, by `next start` and by tests alike.
//
// Statements queue here, not in the app: urgent ones (a webhook's) ahead of background ones, and
// the next starts the moment one ends, without waiting for the app's busy thread to take the
// answer. A transaction holds the queue from its start until its commit or rollback.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PriorityLock } from "./priority-lock.mjs";

const { dataDir, startParams } = workerData;

const opened = (async () => {
  const pglite = await PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, ...startParams] });
  return { pglite, adapter: await new PrismaPGlite(pglite).connect() };
})();
// Either way the app hears that opening is over (message id 0); a database that cannot open fails
// each call with its error instead of failing the thread.
opened.then(() => parentPort.postMessage({ id: 0 }), () => parentPort.postMessage({ id: 0 }));

/** Open transactions by the id the app holds: the Prisma adapter's transaction, and how to let go of the lock. */
const transactions = new Map();
let lastTransaction = 0;

function transaction(id) {
  const open = transactions.get(id);
  if (!open) throw new Error(`The embedded database has no open transaction ${id}`);
  return open;
}

const lock = new PriorityLock();
/** Statements of an open transaction run inside its hold on the lock. */
const inTransaction = new Set(["txQueryRaw", "txExecuteRaw", "commit", "rollback"]);

const operations = {
  exec: async ({ pglite }, sql) => { await pglite.exec(sql); return null; },
  query: async ({ pglite }, sql, params) => ({ rows: (await pglite.query(sql, params)).rows }),
  queryRaw: ({ adapter }, query) => adapter.queryRaw(query),
  executeRaw: ({ adapter }, query) => adapter.executeRaw(query),
  executeScript: ({ adapter }, script) => adapter.executeScript(script),
  txQueryRaw: (_, id, query) => transaction(id).tx.queryRaw(query),
  txExecuteRaw: (_, id, query) => transaction(id).tx.executeRaw(query),
  commit: (_, id) => end(id, "commit"),
  rollback: (_, id) => end(id, "rollback"),
  close: async ({ pglite }) => { await pglite.close(); return null; },
};

/** Takes the lock and keeps it (`released`) until the transaction ends; answers with its id. */
function startTransaction(database, isolationLevel, urgent) {
  return new Promise((started, failed) => {
    void lock.run(async () => {
      const id = ++lastTransaction;
      try {
        const tx = await database.adapter.startTransaction(isolationLevel);
        await new Promise((released) => {
          transactions.set(id, { tx, released });
          started(id);
        });
      } catch (err) {
        failed(err);
      }
    }, urgent);
  });
}

async function end(id, how) {
  const { tx, released } = transaction(id);
  transactions.delete(id);
  try {
    await tx[how]();
    return null;
  } finally {
    released();
  }
}

/** What crosses back to the app: Prisma's driver errors keep their details (code, constraint, …). */
function serializeError(err) {
  if (err && err.name === "DriverAdapterError" && typeof err.cause === "object") return { driver: { ...err.cause } };
  return { name: err?.name ?? "Error", message: err?.message ?? String(err), stack: err?.stack, code: err?.code };
}

parentPort.on("message", async ({ id, op, args, urgent }) => {
  try {
    const database = await opened;
    let value;
    if (op === "startTransaction") value = await startTransaction(database, args[0], urgent);
    else {
      const run = operations[op];
      if (!run) throw new Error(`Unknown embedded database operation ${op}`);
      value = inTransaction.has(op) ? await run(database, ...args) : await lock.run(() => run(database, ...args), urgent);
    }
    parentPort.postMessage({ id, value });
  } catch (err) {
    parentPort.postMessage({ id, error: serializeError(err) });
  }
});
