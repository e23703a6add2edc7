import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm run sandbox` (scripts/sandbox-server.ts): the simulators on a server of their own, with
 * their own database, reached over real HTTP as the app reaches them with SANDBOX_URL set.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const port = 18600 + (process.pid % 1000);
const origin = `http://127.0.0.1:${port}`;
const vies = `${origin}/sandbox/vies/server-test/taxation_customs/vies/rest-api`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-server-test-"));

function start(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, SANDBOX_PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "sandbox-server.ts")], { cwd: ROOT, env, stdio: "ignore", detached: true });
}

async function up(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the sandbox server exited (${child.exitCode})`);
    const ok = await fetch(`${vies}/check-status`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the sandbox server did not answer");
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}

const check = async (vatNumber: string) =>
  (await (await fetch(`${vies}/check-vat-number`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ countryCode: "NL", vatNumber }) })).json()) as { valid: boolean; name: string };

describe("the sandbox server", () => {
  let server: ChildProcess;
  beforeAll(async () => { server = start(); await up(server); }, 60_000);
  afterAll(async () => { await stop(server); fs.rmSync(dataDir, { recursive: true, force: true }); });

  it("serves the simulators over HTTP and keeps their state in its own database, across a restart", async () => {
    const registered = await fetch(`${origin}/sandbox/vies/server-test/_admin/numbers`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ vatNumber: "NL800000031B01", valid: true, name: "Herstart B.V." }),
    });
    expect(registered.status).toBe(201);
    expect(await check("800000031B01")).toMatchObject({ valid: true, name: "Herstart B.V." });

    await stop(server);
    server = start();
    await up(server);
    expect(await check("800000031B01")).toMatchObject({ valid: true, name: "Herstart B.V." });
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(true);
  }, 60_000);

  it("answers what is not a sandbox with 404, and an unknown system with the sandbox's own 404", async () => {
    expect((await fetch(`${origin}/dashboard`)).status).toBe(404);
    const unknown = await fetch(`${origin}/sandbox/nosuch/acme/x`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "unknown_system" });
  });
});
