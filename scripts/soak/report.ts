import fs from "node:fs";
import path from "node:path";

/** Soak reports go to bench/results/<name>-<embedded|postgres>.json, next to the benchmarks'. */
export const databaseLabel = () => (process.env.DATABASE_URL ? "postgres" : "embedded");

export function writeReport(name: string, report: object): string {
  const file = path.resolve(import.meta.dirname, "../../bench/results", `${name}-${databaseLabel()}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `work(i)` for i in [0, n) with at most `limit` at a time. */
export async function pool<T>(n: number, limit: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) {
      const i = next++;
      out[i] = await work(i);
    }
  }));
  return out;
}
