import pg from "pg";
import { env, type Env } from "../config/env";
import { embeddedDatabase } from "./adapter";
import type { SqlRunner } from "./migrate";

/** A raw SQL session on the configured database (for migrations), closed by `release`. */
export async function openSqlRunner(e: Env = env()): Promise<SqlRunner & { release(): Promise<void> }> {
  if (!e.DATABASE_URL) {
    const { exec, query } = embeddedDatabase(e);
    // Owned by the process and shared with Prisma: never closed here.
    return { exec, query, release: async () => {} };
  }
  const client = new pg.Client({ connectionString: e.DATABASE_URL });
  await client.connect();
  return {
    exec: (s) => client.query(s),
    query: async <T>(s: string, p?: unknown[]) => ({ rows: (await client.query(s, p)).rows as T[] }),
    release: () => client.end(),
  };
}
