import { compileExpression, UnsupportedExpression, type Compiled } from "./expr";
import type { Scheduler } from "./scheduler";
import type { Store } from "./store";

export type Resolution = { runId: string; stepId: string; event: Record<string, unknown> };

/**
 * Steps waiting on the outside world: step.waitForEvent (matched against incoming events) and
 * step.invoke (resolved when the child run ends). Resolving writes the step's memo and wakes
 * the run. Only event names some run waits for cost a query.
 */
export class Waits {
  private names = new Set<string>();
  private compiled = new Map<string, Compiled | null>();

  constructor(private store: Store, private scheduler: Scheduler, private log: (level: "warn", msg: string) => void) {}

  async load(): Promise<void> {
    const rows = await this.store.db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT DISTINCT name FROM "ExecStep" WHERE op = 'WaitForEvent' AND seq IS NULL AND name IS NOT NULL`,
    );
    this.names = new Set(rows.map((r) => r.name));
  }

  /** A driver parked a WaitForEvent on this event name. */
  note(name: string): void {
    this.names.add(name);
  }

  /** Which waiting steps these new events satisfy (the first matching event wins). */
  async match(events: Record<string, unknown>[]): Promise<Resolution[]> {
    const relevant = events.filter((e) => this.names.has(String(e.name)));
    if (!relevant.length) return [];
    const rows = await this.store.db.$queryRawUnsafe<{ runId: string; stepId: string; name: string; opts: Record<string, unknown> | null; event: Record<string, unknown> }[]>(
      `SELECT s."runId", s."stepId", s.name, s.opts, r.event FROM "ExecStep" s JOIN "ExecRun" r ON r.id = s."runId"
        WHERE s.op = 'WaitForEvent' AND s.seq IS NULL AND s.name = ANY($1::text[]) AND r.status IN ('queued','running')`,
      [...new Set(relevant.map((e) => String(e.name)))],
    );
    const out: Resolution[] = [];
    for (const row of rows) {
      const expr = typeof row.opts?.if === "string" ? this.expression(row.opts.if) : undefined;
      const hit = relevant.find((e) => e.name === row.name && (!expr || expr({ event: row.event, async: e }) === true));
      if (hit) out.push({ runId: row.runId, stepId: row.stepId, event: hit });
    }
    return out;
  }

  async resolve(resolutions: Resolution[], now: number): Promise<void> {
    for (const r of resolutions) {
      if (await this.finish(r.runId, r.stepId, r.event, null, now)) await this.scheduler.kick(r.runId);
    }
  }

  /** A child run started by step.invoke ended. */
  async resolveInvoke(parentRunId: string, stepId: string, outcome: { output?: unknown; error?: unknown }, now: number): Promise<void> {
    if (await this.finish(parentRunId, stepId, outcome.error ? null : outcome.output ?? null, outcome.error ?? null, now)) {
      await this.scheduler.kick(parentRunId);
    }
  }

  /** A wait's timeout (or an invoke's) passed: resolve it with that, unless resolved already. */
  async timeout(runId: string, stepId: string, value: { data?: unknown; error?: unknown }, now: number): Promise<void> {
    await this.finish(runId, stepId, value.data ?? null, value.error ?? null, now);
  }

  /** Memoizes a pending step once (seq IS NULL guard), after the run's last memo entry. */
  private async finish(runId: string, stepId: string, data: unknown, error: unknown, now: number): Promise<boolean> {
    const n = await this.store.db.$executeRawUnsafe(
      `UPDATE "ExecStep" SET data = $3::jsonb, error = $4::jsonb, attempts = attempts + 1,
              at = ($5::timestamptz AT TIME ZONE 'UTC'),
              seq = (SELECT COALESCE(MAX(seq), 0) + 1 FROM "ExecStep" WHERE "runId" = $1)
        WHERE "runId" = $1 AND "stepId" = $2 AND seq IS NULL`,
      runId, stepId, data === null ? null : JSON.stringify(data), error === null ? null : JSON.stringify(error), new Date(now).toISOString(),
    );
    return n === 1;
  }

  private expression(src: string): Compiled | undefined {
    if (!this.compiled.has(src)) {
      try {
        this.compiled.set(src, compileExpression(src));
      } catch (err) {
        if (!(err instanceof UnsupportedExpression)) throw err;
        this.log("warn", `[inngest-embedded] waitForEvent expression "${src}" is not supported; any event of that name matches`);
        this.compiled.set(src, null);
      }
    }
    return this.compiled.get(src) ?? undefined;
  }
}
