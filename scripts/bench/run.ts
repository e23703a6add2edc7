/**
 * `npm run bench`: the whole benchmark suite against a real built server, on PGlite (embedded
 * default) and on a throwaway PostgreSQL cluster (when Debian's postgresql is installed), each
 * measurement writing bench/results/<name>-<embedded|postgres>.json and the summary README.md.
 *   --only=latency,calls     run some of: latency, calls, throughput, history
 *   --backend=embedded       or postgres; default both (BENCH_BACKENDS)
 * Sizes: the BENCH_* variables named in each file's header (small defaults: ~10–15 minutes here).
 */
import { benchCalls } from "./calls";
import { log } from "./lib/harness";
import { startPostgres } from "./lib/postgres";
import { benchHistory } from "./history";
import { benchLatency } from "./latency";
import { benchThroughput } from "./throughput";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
// calls before history: the history import's booking reads come from the calls figures.
const ALL = { latency: benchLatency, calls: benchCalls, throughput: benchThroughput, history: benchHistory } as const;
const names = (arg("only")?.split(",") ?? Object.keys(ALL)) as (keyof typeof ALL)[];
const unknown = names.filter((n) => !(n in ALL));
if (unknown.length) throw new Error(`Unknown bench: ${unknown.join(", ")} (known: ${Object.keys(ALL).join(", ")})`);
const backends = (arg("backend") ?? process.env.BENCH_BACKENDS ?? "embedded,postgres").split(",");

const failures: string[] = [];
async function suite(backend: string) {
  for (const name of names) {
    const started = Date.now();
    try {
      await ALL[name]();
      log(`${name} (${backend}) finished in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (err) {
      failures.push(`${name} (${backend}): ${(err as Error).message}`);
      log(`${name} (${backend}) FAILED: ${(err as Error).stack ?? String(err)}`);
    }
  }
}

if (backends.includes("embedded")) {
  delete process.env.BENCH_DATABASE_BASE;
  await suite("embedded");
}
if (backends.includes("postgres")) {
  const cluster = startPostgres();
  if (!cluster) {
    log("postgres: skipped, no PostgreSQL installed (/usr/lib/postgresql/*/bin not found; `apt-get install postgresql` as .ci/run does)");
  } else {
    process.env.BENCH_DATABASE_BASE = cluster.baseUrl;
    try { await suite("postgres"); } finally { cluster.stop(); delete process.env.BENCH_DATABASE_BASE; }
  }
}
if (failures.length) {
  log(`failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
log("all benchmarks done: bench/results/README.md");
