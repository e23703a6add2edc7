import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { withPriorityLane } from "./adapter";
import { startPgliteThread } from "./pglite-thread";
import { applyMigrations } from "./migrate";

type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

export type TestDb = { db: PrismaClient; url?: string; dump(): Promise<string>; close(): Promise<void> };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when DATABASE_URL is
 * set (the CI Postgres run), a new database on that server that is dropped afterwards.
 * `thread`: the PGlite on a thread of its own, as the app runs it (pglite-thread.ts).
 */
export async function createTestDb(options: { thread?: boolean } = {}): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl && options.thread) {
    const thread = startPgliteThread("memory://", "32MB");
    await applyMigrations(thread);
    const db = new PrismaClient({ adapter: thread.adapter() as unknown as AdapterFactory });
    return {
      db,
      dump: () => dumpAll((sql) => thread.query(sql).then((r) => r.rows)),
      close: async () => { await db.$disconnect(); await thread.close(); },
    };
  }
  if (!serverUrl) {
    const pglite = new PGlite("memory://");
    await applyMigrations(pglite);
    // Through the priority lane, as the app's embedded database is (adapter.ts).
    const db = new PrismaClient({ adapter: new PrismaPGlite(withPriorityLane(pglite)) as unknown as AdapterFactory });
    return {
      db,
      dump: () => dumpAll((sql) => pglite.query(sql).then((r) => r.rows)),
      close: async () => { await db.$disconnect(); await pglite.close(); },
    };
  }
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await applyMigrations({
    exec: (s) => client.query(s),
    query: async <T>(s: string, p?: unknown[]) => ({ rows: (await client.query(s, p)).rows as T[] }),
  });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) as unknown as AdapterFactory });
  return {
    db,
    url: url.toString(),
    dump: () => dumpAll((sql) => client.query(sql).then((r) => r.rows)),
    close: async () => {
      await db.$disconnect();
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Every row of every table as text, like a data-only dump (used to prove no secret is stored in clear). */
async function dumpAll(query: (sql: string) => Promise<unknown[]>): Promise<string> {
  const tables = (await query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )) as { table_name: string }[];
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    parts.push(`-- ${table_name}`, ...(rows as { row: string }[]).map((r) => r.row));
  }
  return parts.join("\n");
}
