// The embedded database's own thread (started by lib/db/pglite-thread.ts): PGlite and its Prisma
// adapter run here, so PostgreSQL's WebAssembly uses a second core instead of the app's one
// JavaScript thread. Plain JavaScript: it is loaded as is, by `next start` and by tests alike.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

const { dataDir, startParams } = workerData;

const opened = (async () => {
  const pglite = await PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, ...startParams] });
  return { pglite, adapter: await new PrismaPGlite(pglite).connect() };
})();
// Caught here too, so a database that cannot open fails each call instead of the thread.
opened.catch(() => undefined);

/** Open transactions by the id the app holds; each is the Prisma adapter's transaction object. */
const transactions = new Map();
let lastTransaction = 0;

function transaction(id) {
  const tx = transactions.get(id);
  if (!tx) throw new Error(`The embedded database has no open transaction ${id}`);
  return tx;
}

const operations = {
  exec: async ({ pglite }, sql) => { await pglite.exec(sql); return null; },
  query: async ({ pglite }, sql, params) => ({ rows: (await pglite.query(sql, params)).rows }),
  queryRaw: ({ adapter }, query) => adapter.queryRaw(query),
  executeRaw: ({ adapter }, query) => adapter.executeRaw(query),
  executeScript: ({ adapter }, script) => adapter.executeScript(script),
  startTransaction: async ({ adapter }, isolationLevel) => {
    const id = ++lastTransaction;
    transactions.set(id, await adapter.startTransaction(isolationLevel));
    return id;
  },
  txQueryRaw: (_, id, query) => transaction(id).queryRaw(query),
  txExecuteRaw: (_, id, query) => transaction(id).executeRaw(query),
  commit: async (_, id) => { const tx = transaction(id); transactions.delete(id); await tx.commit(); return null; },
  rollback: async (_, id) => { const tx = transaction(id); transactions.delete(id); await tx.rollback(); return null; },
  close: async ({ pglite }) => { await pglite.close(); return null; },
};

/** What crosses back to the app: Prisma's driver errors keep their details (code, constraint, …). */
function serializeError(err) {
  if (err && err.name === "DriverAdapterError" && typeof err.cause === "object") return { driver: { ...err.cause } };
  return { name: err?.name ?? "Error", message: err?.message ?? String(err), stack: err?.stack, code: err?.code };
}

parentPort.on("message", async ({ id, op, args }) => {
  try {
    const run = operations[op];
    if (!run) throw new Error(`Unknown embedded database operation ${op}`);
    parentPort.postMessage({ id, value: await run(await opened, ...args) });
  } catch (err) {
    parentPort.postMessage({ id, error: serializeError(err) });
  }
});
