import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The minimal SQL surface both PGlite and node-postgres offer. */
export interface SqlRunner {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export const migrationsDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");

// Same lock id Prisma's migrate uses, so our runner and `prisma migrate deploy` never overlap.
const MIGRATION_LOCK = 72707369;

/**
 * Applies the committed Prisma migrations that are not applied yet, in name order, keeping
 * Prisma's own `_prisma_migrations` bookkeeping (same checksum), so `prisma migrate deploy`
 * and this runner are interchangeable. Runs at app start in both modes.
 */
export async function applyMigrations(sql: SqlRunner, dir = migrationsDir()): Promise<string[]> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();

  await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const done: string[] = [];
    for (const name of names) {
      const script = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(script).digest("hex");
      const previous = applied.get(name);
      if (previous?.finished_at) {
        if (previous.checksum !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied (checksum differs); add a new migration instead.`);
        }
        continue;
      }
      if (previous) {
        throw new Error(`Migration ${name} failed earlier and needs manual repair (see _prisma_migrations).`);
      }
      const id = randomUUID();
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, checksum, name],
      );
      await sql.exec(`BEGIN;\n${script}\nCOMMIT;`).catch(async (err: unknown) => {
        await sql.exec("ROLLBACK").catch(() => undefined);
        await sql.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [id]);
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`);
      });
      await sql.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      done.push(name);
    }
    return done;
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
