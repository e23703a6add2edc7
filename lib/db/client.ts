import { PrismaClient } from "./generated/client";
import { createAdapter } from "./adapter";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The process-wide Prisma client (one per process, shared by every Next.js bundle). */
export function db(): PrismaClient {
  globalForDb.__db ??= new PrismaClient({ adapter: createAdapter() });
  return globalForDb.__db;
}

/** Tests swap in a client bound to their own throwaway database. */
export function setDb(client: PrismaClient | undefined) {
  globalForDb.__db = client;
}
