import { RunDriver, type DriverDeps } from "./driver";
import { Gates, Windows } from "./gates";
import { evalKey, gatesFor, type CompiledFunction, type Gate, type Registry } from "./registry";
import type { RunRow, Store } from "./store";

export type SchedulerOptions = {
  leaseMs: number;
  pollIntervalMs: number;
  maxConcurrentRuns: number;
};

/** Permission to drive one run now: its gates are held until the driver stops. */
export type Reservation = { gates: Gate[] };

/**
 * Decides which runs are driven when: leases due runs from the database (polling, plus a timer
 * for the next due run), applies concurrency gates, throttle and the in-flight cap, keeps the
 * leases of runs in flight alive, and routes checkpoints and wake-ups to their drivers.
 */
export class Scheduler {
  private inflight = new Map<string, { driver: RunDriver; reservation: Reservation }>();
  /** Reservations handed out whose runs are not launched yet (they count against the cap). */
  private reserved = 0;
  private gates = new Gates();
  /** Runs queued behind a full gate, per gate key: new runs of that key queue behind them (FIFO). */
  private queuedBehind = new Map<string, number>();
  private throttle = new Windows();
  private cancelled = new Set<string>();
  private ready = false;
  private stopped = false;
  private polling = false;
  private pollAgain = false;
  /** Some due run could not start (gate or cap full): look again when a run stops. */
  private starved = false;
  private pollTimer?: NodeJS.Timeout;
  private wakeTimer?: NodeJS.Timeout;
  private wakeTimerAt = Infinity;
  private heartbeat?: NodeJS.Timeout;
  private idleWaiters: (() => void)[] = [];
  private lastNextDue = -Infinity;

  constructor(
    private store: Store,
    private registry: Registry,
    private driverDeps: Omit<DriverDeps, "isCancelled" | "wakeAt">,
    private opts: SchedulerOptions,
  ) {}

  /** Starts polling (after the first sync: before it, calls would only fail). */
  start(): void {
    if (this.ready || this.stopped) return;
    this.ready = true;
    this.pollTimer = setInterval(() => this.wake(), this.opts.pollIntervalMs);
    this.heartbeat = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.opts.leaseMs / 3)));
    this.pollTimer.unref?.();
    this.heartbeat.unref?.();
    this.wake();
  }

  /** Stops taking work and waits for runs in flight to stop. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.heartbeat);
    clearTimeout(this.wakeTimer);
    if (this.inflight.size) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  get running(): number {
    return this.inflight.size;
  }

  /**
   * For a run about to be created: may it be driven right away by this process? Returns a
   * reservation, the time its throttle lets it start, or null (queue it; a poll picks it up).
   */
  reserve(fn: CompiledFunction, event: unknown, now: number): Reservation | number | null {
    if (!this.ready || this.stopped || this.load >= this.opts.maxConcurrentRuns) {
      this.starved = true;
      return null;
    }
    const gates = gatesFor(fn, event);
    if (gates.some((g) => (this.queuedBehind.get(g.key) ?? 0) > 0) || !this.gates.tryAcquire(gates)) {
      for (const g of gates) this.queuedBehind.set(g.key, (this.queuedBehind.get(g.key) ?? 0) + 1);
      this.starved = true;
      return null;
    }
    if (fn.throttle) {
      const key = `${fn.id}:${evalKey(fn.throttle.key, event) ?? ""}`;
      const ok = this.throttle.take(key, fn.throttle.limit, fn.throttle.periodMs, now);
      if (ok !== true) {
        this.gates.release(gates);
        return ok;
      }
    }
    this.reserved++;
    return { gates };
  }

  /** Gives back a reservation that was not used (its run was not created). */
  release(reservation: Reservation): void {
    this.reserved--;
    this.gates.release(reservation.gates);
  }

  private get load(): number {
    return this.inflight.size + this.reserved;
  }

  /** Drives a run whose lease this process holds (`fresh`: just created, no steps to load). */
  launch(run: RunRow, reservation: Reservation, fresh = false): void {
    this.reserved--;
    const driver = new RunDriver({
      ...this.driverDeps,
      isCancelled: (id) => this.cancelled.has(id),
      wakeAt: (at) => this.wakeAt(at),
    }, run, fresh);
    this.inflight.set(run.id, { driver, reservation });
    void driver
      .drive()
      .catch(async (err: unknown) => {
        // Database trouble, most likely: give the run back; it is retried from its memo.
        this.driverDeps.log("error", `[inngest-embedded] run ${run.id} stopped: ${(err as Error).stack ?? String(err)}`);
        const at = this.driverDeps.now() + 1_000;
        await this.store.patchRun({ id: run.id, leaseUntil: null, runAt: at }).catch(() => undefined);
        this.wakeAt(at);
      })
      .finally(() => this.stopped_(run.id));
  }

  private stopped_(runId: string): void {
    const entry = this.inflight.get(runId);
    if (!entry) return;
    this.inflight.delete(runId);
    this.gates.release(entry.reservation.gates);
    this.cancelled.delete(runId);
    // A wake-up that raced with the driver giving its lease back: act on it now.
    if (entry.driver.dirty && !entry.driver.finished) void this.kick(runId);
    if (this.starved && !this.stopped) {
      this.starved = false;
      this.wake();
    }
    if (this.inflight.size === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Something a run waits for happened (event matched, child finished): drive it again now. */
  async kick(runId: string): Promise<void> {
    const entry = this.inflight.get(runId);
    if (entry) {
      entry.driver.dirty = true;
      return;
    }
    await this.store.patchRun({ id: runId, runAt: this.driverDeps.now() });
    this.wake();
  }

  markCancelled(ids: string[]): void {
    for (const id of ids) if (this.inflight.has(id)) this.cancelled.add(id);
  }

  driverOf(runId: string): RunDriver | undefined {
    return this.inflight.get(runId)?.driver;
  }

  /** Polls soon (coalesced). */
  wake(): void {
    if (!this.ready || this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    setImmediate(() => void this.poll());
  }

  wakeAt(at: number): void {
    if (this.stopped || at >= this.wakeTimerAt) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimerAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimerAt = Infinity;
      this.wake();
    }, Math.min(Math.max(0, at - this.driverDeps.now()), 2 ** 31 - 1));
    this.wakeTimer.unref?.();
  }

  private async poll(): Promise<void> {
    try {
      do {
        this.pollAgain = false;
        const free = this.opts.maxConcurrentRuns - this.load;
        if (free <= 0) {
          this.starved = true;
          break;
        }
        const now = this.driverDeps.now();
        const full = this.gates.full();
        const limit = Math.min(free * 2, 200);
        const rows = await this.store.dueRuns(now, limit, full.functions, full.keys);
        const picked: { row: RunRow; reservation: Reservation }[] = [];
        for (const row of rows) {
          if (this.stopped) return;
          if (this.inflight.has(row.id)) continue;
          if (this.load >= this.opts.maxConcurrentRuns) {
            this.starved = true;
            break;
          }
          const fn = this.registry.get(row.functionId);
          // A function the app no longer serves: the driver records that as the failure.
          // Queued runs are not held back by the queue they are in: only gates, throttle, cap.
          const reservation = !fn ? this.reserveResumed(undefined, row.event) :
            row.startedAt ? this.reserveResumed(fn, row.event) : this.reserveQueued(fn, row.event, now);
          if (reservation === null) continue;
          if (typeof reservation === "number") {
            await this.store.patchRun({ id: row.id, runAt: reservation });
            this.wakeAt(reservation);
            continue;
          }
          picked.push({ row, reservation });
        }
        // One statement leases them all; whatever another worker took meanwhile is given back.
        const claimed = picked.length ? await this.store.claim(picked.map((p) => p.row.id), now, now + this.opts.leaseMs) : new Set<string>();
        for (const p of picked) {
          // Never started (no startedAt): it has no steps to load.
          if (claimed.has(p.row.id) && !this.stopped) this.launch(p.row, p.reservation, p.row.startedAt === null);
          else this.release(p.reservation);
        }
        if (rows.length >= limit) this.pollAgain = true;
        // Nothing due and nothing waiting: forget queue counts (cancelled runs never leave them).
        if (!rows.length && !this.starved) this.queuedBehind.clear();
      } while (this.pollAgain && !this.stopped);
      // Runs this process parks arm their own timers (wakeAt); the database is asked for the
      // next due time only now and then, for runs parked by others or before a restart.
      if (this.driverDeps.now() - this.lastNextDue >= this.opts.pollIntervalMs) {
        this.lastNextDue = this.driverDeps.now();
        const next = await this.store.nextDue(this.lastNextDue);
        if (next !== undefined) this.wakeAt(next);
      }
    } catch (err) {
      this.driverDeps.log("error", `[inngest-embedded] poll failed: ${(err as Error).message}`);
    } finally {
      this.polling = false;
      if (this.pollAgain) this.wake();
    }
  }

  /** A queued run that never started: throttle and gates apply; it leaves its queues. */
  private reserveQueued(fn: CompiledFunction, event: unknown, now: number): Reservation | number | null {
    const gates = gatesFor(fn, event);
    const counts = gates.map((g) => this.queuedBehind.get(g.key) ?? 0);
    gates.forEach((g) => this.queuedBehind.delete(g.key)); // so reserve() does not hold it back
    const reservation = this.reserve(fn, event, now);
    // Still queued: the queue keeps (at least) this run; started: one run fewer in it.
    const stays = reservation === null || typeof reservation === "number";
    gates.forEach((g, i) => {
      const left = stays ? Math.max(counts[i]!, 1) : Math.max(0, counts[i]! - 1);
      if (left) this.queuedBehind.set(g.key, left);
      else this.queuedBehind.delete(g.key);
    });
    return reservation;
  }

  /** A run that already started is not throttled again; only gates and the cap apply. */
  private reserveResumed(fn: CompiledFunction | undefined, event: unknown): Reservation | null {
    const gates = fn ? gatesFor(fn, event) : [];
    if (!this.gates.tryAcquire(gates)) {
      this.starved = true;
      return null;
    }
    this.reserved++;
    return { gates };
  }

  private async renew(): Promise<void> {
    if (!this.inflight.size) return;
    try {
      await this.store.renewLeases([...this.inflight.keys()], this.driverDeps.now() + this.opts.leaseMs);
    } catch (err) {
      this.driverDeps.log("warn", `[inngest-embedded] lease renewal failed: ${(err as Error).message}`);
    }
  }
}
