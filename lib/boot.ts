import { env, isSandbox, sandboxUrl, useEmbeddedInngest } from "./config/env";
import { db } from "./db/client";
import { applyMigrations } from "./db/migrate";
import { openSqlRunner } from "./db/sql-runner";
import { seedDemo } from "./demo/seed-demo";
import { profileOnSignal } from "./diagnostics/cpu-profile";
import { limitHeapGrowth } from "./diagnostics/heap-growth";
import { logMemoryEvery } from "./diagnostics/memory-log";

/**
 * Server start (instrumentation.ts): validate config, migrate, seed the demo merchant in sandbox
 * mode, start the embedded Inngest executor when no Inngest is configured.
 */
export async function boot(): Promise<void> {
  const e = env();
  limitHeapGrowth();
  const sql = await openSqlRunner(e);
  try {
    const applied = await applyMigrations(sql);
    if (applied.length) console.info(`[boot] applied migrations: ${applied.join(", ")}`);
  } finally {
    await sql.release();
  }
  if (isSandbox(e)) {
    const { created } = await seedDemo(db(), e.APP_URL, sandboxUrl(e));
    if (created) console.info("[boot] seeded the demo merchant (demo@example.com / demo)");
  }
  if (e.MEMORY_LOG_S) logMemoryEvery(e.MEMORY_LOG_S);
  if (e.CPU_PROFILE_DIR) profileOnSignal(e.CPU_PROFILE_DIR);
  if (useEmbeddedInngest(e)) {
    // No Inngest configured: run the functions with the in-process executor (inngest/embedded).
    const { startEmbeddedExecutor } = await import("../inngest/embedded/boot");
    await startEmbeddedExecutor(e);
  }
}
