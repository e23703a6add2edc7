// A real built server for a benchmark or soak run: `next start` on a fresh database (a PGlite dir
// under DATA_DIR, or the PostgreSQL database given), sandbox mode, the embedded executor.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export type ServerOptions = {
  port: number;
  inngestPort: number;
  /** A throwaway data directory (PGlite lives under it; also used for logs). */
  dataDir: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** Where the server's stdout/stderr go (default: <dataDir>/server.log). */
  logFile?: string;
  /** A separate sandbox server's origin (SANDBOX_URL); unset: the app serves the sandboxes itself. */
  sandboxUrl?: string;
};

/** The environment the server and the seed share (the seed must seal credentials with the same key). */
export function serverEnv(o: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(o.port),
    APP_URL: `http://localhost:${o.port}`,
    DATA_DIR: o.dataDir,
    INNGEST_EMBEDDED_PORT: String(o.inngestPort),
    SANDBOX: "1",
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.from("bench-key-".padEnd(32, "k")).toString("base64"),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
  };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  else delete env.DATABASE_URL;
  if (o.sandboxUrl) env.SANDBOX_URL = o.sandboxUrl;
  else delete env.SANDBOX_URL;
  return env;
}

export function freshDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `boekkoppeling-${label}-`));
}

/** `sandboxUrl`: where the sandboxes are served (a separate sandbox server, or the app itself). */
export type RunningServer = { url: string; executorUrl: string; sandboxUrl: string; pid: number; child: ChildProcess; stop: () => Promise<void> };

async function waitForUrl(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before answering at ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server did not answer at ${url} within ${timeoutMs / 1000}s`);
}

/** Starts `next start` (node directly, no npx, so the process tree measured is the server's own). */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No build: run `npx next build --webpack` first.");
  const log = fs.openSync(o.logFile ?? path.join(o.dataDir, "server.log"), "a");
  // BENCH_NODE_ARGS: node flags for the server under measurement (e.g. V8 heap settings to compare).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(o.port)], {
    cwd: ROOT, env: serverEnv(o), stdio: ["ignore", log, log], detached: true,
  });
  const url = `http://localhost:${o.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try { process.kill(-child.pid!, "SIGTERM"); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } }, 15_000);
    await exited;
    clearTimeout(timer);
  };
  process.once("exit", () => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } });
  try {
    await waitForUrl(`${url}/login`, 180_000, child);
    // The executor answers once boot (migrations, seed, executor start) is through.
    await waitForUrl(`http://127.0.0.1:${o.inngestPort}/health`, 60_000, child).catch(() => undefined);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, executorUrl: `http://127.0.0.1:${o.inngestPort}`, sandboxUrl: o.sandboxUrl ?? url, pid: child.pid!, child, stop };
}

export type SandboxServer = { url: string; stop: () => Promise<void> };

/**
 * The sandboxes on a server of their own (scripts/sandbox-server.ts) with their own database
 * (a PGlite dir under `dataDir`, or the PostgreSQL database given), so that the app's process and
 * database carry only the app's work, as against the real shops and accounting systems.
 */
export async function startSandboxServer(o: { port: number; dataDir: string; databaseUrl?: string }): Promise<SandboxServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", SANDBOX: "1", SANDBOX_PORT: String(o.port), DATA_DIR: o.dataDir };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  else delete env.DATABASE_URL;
  delete env.SANDBOX_URL;
  fs.mkdirSync(o.dataDir, { recursive: true });
  const log = fs.openSync(path.join(o.dataDir, "sandbox-server.log"), "a");
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "sandbox-server.ts")], {
    cwd: ROOT, env, stdio: ["ignore", log, log], detached: true,
  });
  const url = `http://127.0.0.1:${o.port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ }
    await exited;
  };
  process.once("exit", () => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } });
  try {
    await waitForUrl(`${url}/sandbox/vies/health/taxation_customs/vies/rest-api/check-status`, 120_000, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}
