import { inBackground, urgently } from "../../lib/db/priority-lane";
import { Batcher } from "./batcher";
import { Windows } from "./gates";
import { evalKey, gatesFor, primaryKey, triggerMatches, type CompiledFunction, type Registry } from "./registry";
import type { IncomingEvent } from "./schemas";
import type { Reservation, Scheduler } from "./scheduler";
import type { NewEvent, NewRun, RunRow, Store } from "./store";
import { ulid } from "./ulid";
import type { Waits } from "./waits";

/** Sender event ids and idempotency keys are remembered this long (like Inngest). */
export const DEDUPE_MS = 24 * 3_600_000;

const FIRST_SYNC_WAIT_MS = 30_000;

export type Submission = {
  events: IncomingEvent[];
  /** Start only this function (cron ticks, invokes), not every function the name triggers. */
  only?: string;
};

type Pending = Submission & { ids: string[] };

/**
 * Accepts events: dedupes them on their id, creates a run per triggered function (honouring
 * idempotency keys and rate limits), resolves waiting steps and cancels runs (cancelOn), all in
 * one transaction per batch, then hands new runs to the scheduler, driving at once those whose
 * gates are free. Concurrent submissions are committed together (group commit).
 */
export class Ingest {
  private batcher: Batcher<Pending>;
  private rateLimits = new Windows();

  constructor(
    private store: Store,
    private registry: Registry,
    private scheduler: Scheduler,
    private waits: Waits,
    private opts: {
      now: () => number;
      leaseMs: number;
      log: (level: "info" | "warn" | "error", msg: string) => void;
      /** Resolves at the first sync: events of a first-ever start wait for the configs. */
      synced: Promise<void>;
    },
  ) {
    this.batcher = new Batcher((items) => this.flush(items));
  }

  /** Stores the events and starts their runs; resolves with one internal id per event. */
  async submit(sub: Submission): Promise<string[]> {
    // Nothing registered yet (first start, app still booting): matching now would start nothing.
    if (this.registry.size === 0) await Promise.race([this.opts.synced, new Promise((r) => setTimeout(r, FIRST_SYNC_WAIT_MS).unref())]);
    const pending: Pending = { ...sub, ids: [] };
    await this.batcher.push(pending);
    return pending.ids;
  }

  /**
   * Storing events is what a sender (a webhook acknowledgement) waits on: its statements take the
   * urgent lane. The runs it starts are background work, back in the ordinary lane.
   */
  private async flush(batch: Pending[]): Promise<void> {
    const start = await urgently(() => this.store_(batch));
    await inBackground(start);
  }

  /** Stores a batch; returns what starts its runs once stored. */
  private async store_(batch: Pending[]): Promise<() => Promise<void>> {
    const now = this.opts.now();
    const externalIds = batch.flatMap((s) => s.events.map((e) => e.id).filter((id): id is string => !!id));
    const seen = await this.store.seenEvents([...new Set(externalIds)], now - DEDUPE_MS);

    const events: NewEvent[] = [];
    const candidates: { fn: CompiledFunction; event: Record<string, unknown>; eventId: string; idem?: string }[] = [];
    const fresh: Record<string, unknown>[] = [];
    for (const sub of batch) {
      for (const e of sub.events) {
        const existing = e.id ? seen.get(e.id) : undefined;
        if (existing) {
          sub.ids.push(existing);
          continue;
        }
        const id = ulid(now);
        if (e.id) seen.set(e.id, id);
        sub.ids.push(id);
        const { ts, data, user, ...rest } = e;
        const event = { ...rest, id: e.id ?? id, name: e.name, data: data ?? {}, ts: ts ?? now, ...(user !== undefined ? { user } : {}) };
        events.push({ id, externalId: e.id ?? null, name: e.name, data: event.data, user: user ?? null, ts: event.ts, receivedAt: now });
        fresh.push(event);
        const fns = sub.only
          ? [this.registry.get(sub.only)].filter((f): f is CompiledFunction => !!f)
          : this.registry.triggeredBy(e.name).filter((fn) => triggerMatches(fn, event));
        for (const fn of fns) candidates.push({ fn, event, eventId: id, idem: evalKey(fn.idempotency, event) });
      }
    }

    // Idempotency: one run per (function, key) per 24 h, across batches and within this one.
    const keyed = candidates.filter((c) => c.idem !== undefined).map((c) => ({ functionId: c.fn.id, key: c.idem! }));
    const taken = await this.store.seenIdempotencyKeys(keyed, now - DEDUPE_MS);
    const runs: NewRun[] = [];
    const reserved: { run: NewRun; reservation: Reservation }[] = [];
    const throttledUntil: number[] = [];
    for (const c of candidates) {
      if (c.idem !== undefined) {
        const k = `${c.fn.id}\u0000${c.idem}`;
        if (taken.has(k)) continue;
        taken.add(k);
      }
      if (c.fn.rateLimit) {
        const key = `${c.fn.id}:${evalKey(c.fn.rateLimit.key, c.event) ?? ""}`;
        if (this.rateLimits.take(key, c.fn.rateLimit.limit, c.fn.rateLimit.periodMs, now) !== true) continue;
      }
      const reservation = this.scheduler.reserve(c.fn, c.event, now);
      const leased = reservation !== null && typeof reservation === "object";
      const run: NewRun = {
        id: ulid(now),
        functionId: c.fn.id,
        eventId: c.eventId,
        event: c.event,
        status: leased ? "running" : "queued",
        concurrencyKey: primaryKey(gatesFor(c.fn, c.event)),
        idempotencyKey: c.idem ?? null,
        runAt: typeof reservation === "number" ? reservation : now,
        leaseUntil: leased ? now + this.opts.leaseMs : null,
        createdAt: now,
      };
      runs.push(run);
      if (leased) reserved.push({ run, reservation });
      if (typeof reservation === "number") throttledUntil.push(reservation);
    }

    const cancelIds = await this.cancellations(fresh, now);
    const resolved = await this.waits.match(fresh);
    try {
      await this.store.commitIngest(events, runs, cancelIds, now);
    } catch (err) {
      for (const r of reserved) this.scheduler.release(r.reservation);
      throw err;
    }
    return async () => {
      this.scheduler.markCancelled(cancelIds);
      for (const r of reserved) this.scheduler.launch(toRow(r.run), r.reservation, true);
      if (runs.length > reserved.length) this.scheduler.wake();
      for (const at of throttledUntil) this.scheduler.wakeAt(at);
      if (resolved.length) await this.waits.resolve(resolved, now);
    };
  }

  /** Runs whose cancelOn matches one of these events. */
  private async cancellations(events: Record<string, unknown>[], now: number): Promise<string[]> {
    const relevant = events.filter((e) => this.registry.cancels(String(e.name)));
    if (!relevant.length) return [];
    const fns = this.registry.all().filter((f) => f.cancel.some((c) => relevant.some((e) => e.name === c.event)));
    const active = await this.store.activeRuns(fns.map((f) => f.id));
    const ids: string[] = [];
    for (const run of active) {
      const fn = this.registry.get(run.functionId);
      const hit = fn?.cancel.some((c) =>
        relevant.some((e) =>
          e.name === c.event &&
          (c.timeoutMs === undefined || run.createdAt.getTime() + c.timeoutMs >= now) &&
          (!c.when || c.when({ event: run.event, async: e }) === true),
        ),
      );
      if (hit) ids.push(run.id);
    }
    if (ids.length) this.opts.log("info", `[inngest-embedded] cancelling ${ids.length} run(s) on event`);
    return ids;
  }
}

function toRow(run: NewRun): RunRow {
  return {
    id: run.id,
    functionId: run.functionId,
    eventId: run.eventId,
    event: run.event as Record<string, unknown>,
    status: run.status,
    attempt: 0,
    concurrencyKey: run.concurrencyKey,
    runAt: new Date(run.runAt),
    createdAt: new Date(run.createdAt),
    startedAt: new Date(run.createdAt),
  };
}
