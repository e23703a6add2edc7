// A throwaway PostgreSQL cluster, the way .ci/run starts one (Debian's postgresql binaries), and a
// fresh database in it per run. null when no PostgreSQL is installed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type PostgresCluster = { baseUrl: string; stop: () => void };

function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions[versions.length - 1]!, "bin") : null;
}

export function startPostgres(port = Number(process.env.BENCH_PGPORT ?? 55530)): PostgresCluster | null {
  const bin = pgBin();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boekkoppeling-bench-pg-"));
  const root = process.getuid?.() === 0;
  const asPg = (cmd: string, args: string[]) => execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: "pipe" });
  if (root) execFileSync("chown", ["postgres", dir]);
  asPg(path.join(bin, "initdb"), ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres"]);
  asPg(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "log"), "-w", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { asPg(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "fast", "stop"]); } catch { /* already down */ }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  return { baseUrl: `postgresql://postgres@127.0.0.1:${port}`, stop };
}

export async function createDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try { await client.query(`CREATE DATABASE "${name}"`); } finally { await client.end(); }
  return `${baseUrl}/${name}`;
}
