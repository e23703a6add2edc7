// `npm run test:e2e`: build when needed, seed a throwaway database, start the real server,
// run the Playwright specs in Debian's Chromium, stop the server.
// With DATABASE_URL set (CI's Postgres run) that database is used; otherwise a fresh PGlite dir.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";
import { prepare } from "./prepare.mjs";

const root = path.resolve(import.meta.dirname, "..");
ensureChromium();
prepare();

const port = process.env.E2E_PORT ?? "3100";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "boekkoppeling-e2e-"));
const env = {
  ...process.env,
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  DATA_DIR: dataDir,
  INNGEST_EMBEDDED_PORT: process.env.E2E_INNGEST_PORT ?? "8388",
  SANDBOX: "1",
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.from(os.hostname().padEnd(32, "k")).subarray(0, 32).toString("base64"),
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e",
};

execSync("npx tsx scripts/e2e-seed.ts", { cwd: root, env, stdio: "inherit" });
const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
const stop = () => { try { process.kill(-server.pid, "SIGTERM"); } catch { /* already gone */ } };
process.on("exit", stop);

async function waitForServer(url, timeoutMs = 90_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server did not answer at ${url} within ${timeoutMs / 1000}s`);
}

let code;
try {
  await waitForServer(`${env.APP_URL}/login`);
  const result = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], { cwd: root, env: { ...env, E2E_BASE_URL: env.APP_URL }, stdio: "inherit" });
  code = await new Promise((resolve) => result.on("exit", (c) => resolve(c ?? 1)));
} finally {
  stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
