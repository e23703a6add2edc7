// One benchmark run against a real server: fresh database (PGlite dir, or a new database in the
// PostgreSQL cluster named by BENCH_DATABASE_BASE), seeded by seed.ts, server started, the
// measurement run, server stopped, the database opened for reading what the run left.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Backend } from "./results";
import { openBenchDb } from "./read-db";
import { createDatabase } from "./postgres";
import type { SeedPlan } from "./seed";
import { freshDataDir, ROOT, serverEnv, startSandboxServer, startServer, type RunningServer, type SandboxServer, type ServerOptions } from "./server";

export type Seeded = { integrations: Record<string, string>; importIds: Record<string, string> };
export type BenchDb = Awaited<ReturnType<typeof openBenchDb>>["db"];

export function backendOf(): Backend {
  return process.env.BENCH_DATABASE_BASE ? "postgres" : "embedded";
}

export const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, not ${process.env[name]}`);
  return value;
};

/**
 * Where the simulated shops and accounting systems run: "separate" (default), a sandbox server
 * of their own with its own database, as the real systems are; or "in-process", served by the app
 * itself as in a one-machine demo (their work then counts in the app's CPU, memory and database).
 */
export const sandboxMode = (): "separate" | "in-process" => {
  const mode = process.env.BENCH_SANDBOX ?? "separate";
  if (mode !== "separate" && mode !== "in-process") throw new Error(`BENCH_SANDBOX must be "separate" or "in-process", not ${mode}`);
  return mode;
};

export const log = (...parts: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

let prepared = false;
/** Generate + build when the sources changed since the last build (as `npm start` does), once per process. */
function prepareOnce(): void {
  if (prepared || process.env.BENCH_SKIP_BUILD === "1") return;
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "prepare.mjs")], { cwd: ROOT, stdio: "inherit" });
  prepared = true;
}

export async function withServer<T>(name: string, plan: SeedPlan, measure: (server: RunningServer, seeded: Seeded) => Promise<T>): Promise<{ measured: T; db: BenchDb; seeded: Seeded; close: () => Promise<void> }> {
  prepareOnce();
  const dataDir = freshDataDir(`bench-${name}`);
  const base = process.env.BENCH_DATABASE_BASE;
  const databaseUrl = base ? await createDatabase(base, `bench_${name}_${Date.now()}`) : undefined;
  let sandboxServer: SandboxServer | undefined;
  if (sandboxMode() === "separate") {
    const sandboxDatabase = base ? await createDatabase(base, `bench_${name}_sandbox_${Date.now()}`) : undefined;
    sandboxServer = await startSandboxServer({ port: envNumber("BENCH_SANDBOX_PORT", 8630), dataDir: path.join(dataDir, "sandbox"), databaseUrl: sandboxDatabase });
    log(`${name}: sandboxes on their own server at ${sandboxServer.url}`);
  }
  const options: ServerOptions = {
    port: envNumber("BENCH_PORT", 3230), inngestPort: envNumber("BENCH_INNGEST_PORT", 8530), dataDir, databaseUrl, sandboxUrl: sandboxServer?.url,
  };
  log(`${name}: seeding ${plan.integrations.length} integration(s) on ${base ? "PostgreSQL" : "PGlite"} (${dataDir})`);
  const out = execFileSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(import.meta.dirname, "seed.ts"), JSON.stringify(plan)], {
    cwd: ROOT, env: serverEnv(options), stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024,
  }).toString();
  const seeded = JSON.parse(out.trim().split("\n").pop()!) as Seeded;
  log(`${name}: starting the server on port ${options.port}`);
  let measured: T;
  try {
    const server = await startServer(options);
    try {
      measured = await measure(server, seeded);
    } finally {
      log(`${name}: stopping the server`);
      await server.stop();
    }
  } finally {
    await sandboxServer?.stop();
  }
  const opened = await openBenchDb({ dataDir, databaseUrl });
  return {
    measured, db: opened.db, seeded,
    close: async () => {
      await opened.close();
      if (process.env.BENCH_KEEP_DATA !== "1") fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
