import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSandboxServer, type SandboxServer } from "../bench/lib/server";

/**
 * A real built server (`next start`) the way scripts/e2e.mjs starts one: its own process group
 * (so `kill -9` takes next-server with it), sandbox mode, the embedded executor, one DATA_DIR
 * that survives restarts. Build first (`npx next build --webpack`).
 * The sandboxes run on a server of their own (SOAK_SANDBOX=separate, the default: the shops and
 * accounting systems stay up when our server is killed, as the real ones do) or inside the app
 * (SOAK_SANDBOX=in-process).
 */
export type ServerOptions = { port: number; inngestPort: number; dataDir?: string; logFile?: string; sandboxPort?: number };

export type Server = {
  url: string;
  /** Where the sandboxes are served: the sandbox server, or the app itself (known once started). */
  sandboxUrl: string;
  /** The embedded executor's event endpoint base (POST <eventsUrl>/e/<key>). */
  eventsUrl: string;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  start(): Promise<void>;
  /** kill -9 of the whole process group, as a crash or an OOM kill would. */
  crash(): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

export function serverEnv(o: ServerOptions, dataDir: string, sandboxUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(o.port),
    APP_URL: `http://localhost:${o.port}`,
    DATA_DIR: dataDir,
    INNGEST_EMBEDDED_PORT: String(o.inngestPort),
    SANDBOX: "1",
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.from(os.hostname().padEnd(32, "k")).subarray(0, 32).toString("base64"),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "soak-secret-soak-secret-soak-secret-soak",
  };
  if (sandboxUrl) env.SANDBOX_URL = sandboxUrl;
  else delete env.SANDBOX_URL;
  return env;
}

export async function waitForUrl(url: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`No answer at ${url} within ${timeoutMs / 1000}s`);
}

/**
 * The targets' books to compare with our database, which is read once our server has stopped.
 * With the sandboxes on their own server they are read after ours stopped too, so no document
 * books in between; served by our server, they can only be read before it stops.
 */
export async function booksOnceStopped<T>(server: Server, read: () => Promise<T>): Promise<T> {
  if (server.sandboxUrl !== server.url) {
    await server.stop();
    return read();
  }
  const books = await read();
  await server.stop();
  return books;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

export function createServer(o: ServerOptions): Server {
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "boekkoppeling-soak-"));
  const mode = process.env.SOAK_SANDBOX ?? "separate";
  if (mode !== "separate" && mode !== "in-process") throw new Error(`SOAK_SANDBOX must be "separate" or "in-process", not ${mode}`);
  const url = `http://localhost:${o.port}`;
  let sandbox: SandboxServer | undefined;
  let child: ChildProcess | undefined;
  const signalGroup = (signal: NodeJS.Signals) => {
    try { if (child?.pid) process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  const server: Server = {
    url,
    sandboxUrl: url,
    eventsUrl: `http://127.0.0.1:${o.inngestPort}`,
    env: serverEnv(o, dataDir),
    dataDir,
    async start() {
      if (mode === "separate" && !sandbox) {
        // Its own PGlite whatever the app's database: the simulators' state is not the app's.
        sandbox = await startSandboxServer({ port: o.sandboxPort ?? o.port + 1000, dataDir: path.join(dataDir, "sandbox") });
        server.sandboxUrl = sandbox.url;
        server.env = serverEnv(o, dataDir, sandbox.url);
      }
      const env = server.env;
      const out = o.logFile ? fs.openSync(o.logFile, "a") : "ignore";
      // SOAK_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under the soak.
      const nodeArgs = process.env.SOAK_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
      child = spawn(process.execPath, [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(o.port)], { cwd: root, env, stdio: ["ignore", out, out], detached: true });
      await waitForUrl(`${url}/login`);
      // The executor listens once boot (migrations, demo seed) is done.
      await waitForUrl(`${server.eventsUrl}/health`, 60_000).catch(() => waitForUrl(`${url}/api/inngest`, 60_000));
    },
    async crash() {
      if (!child) return;
      signalGroup("SIGKILL");
      await exited(child);
      child = undefined;
    },
    async stop() {
      if (!child) return;
      const c = child;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 15_000);
      await exited(c);
      clearTimeout(timer);
      child = undefined;
    },
  };
  process.on("exit", () => signalGroup("SIGKILL"));
  return server;
}
