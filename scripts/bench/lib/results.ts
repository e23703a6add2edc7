// Benchmark results: figures + machine, date and commit, written to bench/results/<name>-<backend>.json,
// and bench/results/README.md regenerated from every result file present.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./server";

export const RESULTS_DIR = path.join(ROOT, "bench", "results");

export type Backend = "embedded" | "postgres";
/** One line of the summary table: what was measured, the figure, the target, met or not. */
export type Headline = { metric: string; value: string; target?: string; met?: boolean };
export type Result = { name: string; backend: Backend; headlines: Headline[]; figures: Record<string, unknown>; settings: Record<string, unknown> };

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
export const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
export const round = (n: number | null, digits = 0) => (n === null ? null : Number(n.toFixed(digits)));

function machine() {
  let commit = "unknown";
  try { commit = execSync("git rev-parse HEAD", { cwd: ROOT }).toString().trim(); } catch { /* not a checkout */ }
  let dirty = false;
  try { dirty = execSync("git status --porcelain -- app lib connectors inngest", { cwd: ROOT }).toString().trim() !== ""; } catch { /* ignore */ }
  return {
    date: new Date().toISOString(), commit, productSourcesDirty: dirty,
    node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`, memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

export function writeResult(result: Result): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.name}-${result.backend}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ ...result, machine: machine() }, null, 2)}\n`);
  writeSummary();
  return file;
}

const ORDER = ["latency", "calls", "throughput", "history"];

/** bench/results/README.md: one table of every result's headlines. */
export function writeSummary(): void {
  const files = fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith(".json")).sort((a, b) => {
    const rank = (f: string) => ORDER.indexOf(f.split("-")[0]!);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  const rows = files.flatMap((f) => {
    const r = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), "utf8")) as Result & { machine: ReturnType<typeof machine> };
    if (!Array.isArray(r.headlines)) return []; // the soaks' reports share the folder and have their own shape
    return r.headlines.map((h) => `| ${r.name} | ${r.backend} | ${h.metric} | ${h.value} | ${h.target ?? ""} | ${h.met === undefined ? "" : h.met ? "yes" : "**no**"} | ${r.machine.date.slice(0, 16).replace("T", " ")} | ${r.machine.commit.slice(0, 9)} |`);
  });
  const text = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (or `npm run bench:<name>`); each `<name>-<backend>.json` holds the full figures,",
    "the settings (sizes), the machine, the date and the git commit. Timing is machine-dependent: compare runs",
    "on the same machine. Regenerated from the JSON files at every run.",
    "",
    "| bench | database | metric | value | target | met | date (UTC) | commit |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  fs.writeFileSync(path.join(RESULTS_DIR, "README.md"), text);
}
