import { nextCronTime } from "./cron";
import type { Ingest } from "./ingest";
import type { Registry } from "./registry";

/** Longest single timer; past it the schedule is simply re-evaluated. */
const MAX_TIMER_MS = 3_600_000;

/**
 * Fires cron triggers: one `inngest/scheduled.timer` event per function per tick, with an id
 * derived from the tick, so a tick is started once even across restarts (events are deduped on
 * id). Ticks missed while the process was down are not replayed, like Inngest.
 */
export class Crons {
  private next = new Map<string, number>(); // `${fnId}\u0000${cron}` → next fire time
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private registry: Registry,
    private ingest: Ingest,
    private now: () => number,
    private log: (level: "error", msg: string) => void,
  ) {
    registry.onChange(() => this.refresh());
  }

  start(): void {
    this.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private refresh(): void {
    if (this.stopped) return;
    const now = this.now();
    const next = new Map<string, number>();
    for (const fn of this.registry.all()) {
      for (const cron of fn.crons) {
        const key = `${fn.id}\u0000${cron.source}`;
        next.set(key, this.next.get(key) ?? nextCronTime(cron, now));
      }
    }
    this.next = next;
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.stopped || !this.next.size) return;
    const soonest = Math.min(...this.next.values());
    this.timer = setTimeout(() => void this.fire(), Math.min(MAX_TIMER_MS, Math.max(0, soonest - this.now())));
    this.timer.unref?.();
  }

  private async fire(): Promise<void> {
    const now = this.now();
    for (const [key, at] of [...this.next]) {
      if (at > now) continue;
      const [fnId, source] = key.split("\u0000") as [string, string];
      const fn = this.registry.get(fnId);
      const cron = fn?.crons.find((c) => c.source === source);
      if (!fn || !cron) {
        this.next.delete(key);
        continue;
      }
      this.next.set(key, nextCronTime(cron, Math.max(at, now)));
      try {
        await this.ingest.submit({
          events: [{ name: "inngest/scheduled.timer", id: `cron-${fnId}-${at}`, ts: at, data: { cron: source } }],
          only: fnId,
        });
      } catch (err) {
        this.log("error", `[inngest-embedded] cron ${source} of ${fnId} could not start: ${(err as Error).message}`);
      }
    }
    this.arm();
  }
}
