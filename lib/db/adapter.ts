import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env, type Env } from "../config/env";
import type { PrismaClient } from "./generated/client";
import { startPgliteThread, type PgliteThread } from "./pglite-thread";
import { PriorityLock } from "./priority-lane";

// The adapters are built against different @prisma/driver-adapter-utils releases than the 6.19
// client; the runtime contract is the same, so they are typed as what the client accepts.
type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

/** Where the embedded database lives: DATA_DIR/pglite, or memory:// for throwaway instances. */
export function pgliteDir(e: Env = env()): string {
  return path.resolve(e.DATA_DIR, "pglite");
}

const globalForPglite = globalThis as unknown as { __pglite?: Map<string, PGlite>; __embedded?: Map<string, PgliteThread> };

/**
 * One PGlite instance per data directory per process: Next.js may load this module in several
 * bundles (instrumentation, route handlers, server components), and PGlite must have one owner.
 */
export function openPglite(dataDir: string): PGlite {
  const instances = (globalForPglite.__pglite ??= new Map());
  let instance = instances.get(dataDir);
  if (!instance) {
    if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
    instance = new PGlite({ dataDir, ...memoryOptions(env().PGLITE_SHARED_BUFFERS) });
    instances.set(dataDir, instance);
  }
  return instance;
}

/**
 * PGlite's WebAssembly memory never shrinks; with PostgreSQL's server-sized 128MB page cache it
 * grows past 188 MB at once, with a small cache it stays at its 128 MB start until data needs more.
 */
function memoryOptions(sharedBuffers: string) {
  return { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] };
}

/**
 * The app's embedded database (DATA_DIR/pglite), one per process: on its own thread
 * (pglite-thread.ts) unless PGLITE_THREAD=0, then in this one. Prisma, migrations and scripts all
 * go through it, since one directory has one owner.
 */
export function embeddedDatabase(e: Env = env()): PgliteThread {
  const dataDir = pgliteDir(e);
  const open = (globalForPglite.__embedded ??= new Map());
  let database = open.get(dataDir);
  if (!database) {
    fs.mkdirSync(dataDir, { recursive: true });
    const made = e.PGLITE_THREAD === false ? inThisThread(dataDir) : startPgliteThread(dataDir, e.PGLITE_SHARED_BUFFERS);
    database = { ...made, close: () => { open.delete(dataDir); return made.close(); } };
    open.set(dataDir, database);
  }
  return database;
}

function inThisThread(dataDir: string): PgliteThread {
  const pglite = withPriorityLane(openPglite(dataDir));
  return {
    exec: (sql) => pglite.exec(sql),
    query: (sql, params) => pglite.query(sql, params),
    adapter: () => new PrismaPGlite(pglite),
    close: async () => {
      globalForPglite.__pglite?.delete(dataDir);
      await pglite.close();
    },
  };
}

/** The driver adapter for the configured database: PostgreSQL when DATABASE_URL is set, else the embedded one. */
export function createAdapter(e: Env = env()): AdapterFactory {
  if (e.DATABASE_URL) return new PrismaPg({ connectionString: e.DATABASE_URL }) as unknown as AdapterFactory;
  return embeddedDatabase(e).adapter() as unknown as AdapterFactory;
}

const lanes = new WeakMap<PGlite, PGlite>();

/**
 * The instance as Prisma sees it: statements and transactions pass one PriorityLock (PGlite runs
 * one at a time anyway), so urgent ones (see priority-lane.ts) go first. A transaction holds the
 * lock until it ends, as PGlite's own lock does; its statements run on PGlite's transaction object.
 */
export function withPriorityLane(pg: PGlite): PGlite {
  let wrapped = lanes.get(pg);
  if (!wrapped) {
    const lock = new PriorityLock();
    const query: PGlite["query"] = (...args) => lock.run(() => pg.query(...args));
    const transaction: PGlite["transaction"] = (...args) => lock.run(() => pg.transaction(...args));
    wrapped = new Proxy(pg, {
      get(target, prop) {
        if (prop === "query") return query;
        if (prop === "transaction") return transaction;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    lanes.set(pg, wrapped);
  }
  return wrapped;
}

/** Used by prisma.config.ts so that `prisma migrate …` works offline in both modes. */
export async function createMigrationAdapter() {
  return createAdapter();
}
