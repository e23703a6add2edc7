import type { Store } from "./store";

const HOUR = 3_600_000;

/**
 * Deletes finished runs (with their steps) and events older than the retention period, hourly,
 * so the executor's tables do not grow forever. Unfinished runs are never touched, and events
 * are kept at least a day (event ids are deduplicated for 24 h).
 */
export function startRetention(store: Store, retentionDays: number, now: () => number, log: (level: "info" | "warn", msg: string) => void): () => void {
  if (retentionDays <= 0) return () => {};
  const keepMs = Math.max(1, retentionDays) * 24 * HOUR;
  const prune = async () => {
    try {
      const { runs, events } = await store.prune(now() - keepMs);
      if (runs || events) log("info", `[inngest-embedded] retention: deleted ${runs} run(s) and ${events} event(s) older than ${retentionDays} day(s)`);
    } catch (err) {
      log("warn", `[inngest-embedded] retention failed: ${(err as Error).message}`);
    }
  };
  const first = setTimeout(() => void prune(), 60_000);
  const every = setInterval(() => void prune(), HOUR);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
