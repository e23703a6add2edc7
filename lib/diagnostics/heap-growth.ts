import v8 from "node:v8";

/**
 * After a full garbage collection V8 lets the heap grow by a factor it picks for throughput (up
 * to 4× what survived). Under a steady load of short-lived work (steps, requests, queries) that
 * took the server to 1 GB for some 150 MB of live data. Growing by half instead keeps it under
 * 500 MB at about the same CPU (`npm run bench:throughput`, PGlite, 100 integrations). A
 * `node --heap-growing-percent=…` given by the operator wins.
 */
export function limitHeapGrowth(percent = 50): void {
  if (process.execArgv.some((arg) => arg.startsWith("--heap-growing-percent"))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
