import { whenCalm } from "../../lib/db/priority-lane";
import { backoffMs } from "./backoff";
import { callFunction, toError, type CallResult, type SerializedError } from "./call";
import { parseDuration, sleepUntil } from "./duration";
import { COMPLETE_ID, EXTERNAL_WAITS, LAZY_OPS, memoValue } from "./memo";
import type { CompiledFunction, Registry } from "./registry";
import type { Op } from "./schemas";
import type { RunRow, StepRow, Store } from "./store";
import { ulid } from "./ulid";

export type DriverDeps = {
  store: Store;
  registry: Registry;
  now: () => number;
  random: () => number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  callTimeoutMs: number;
  checkpointing: boolean;
  signingKey?: string;
  log: (level: "info" | "warn" | "error", msg: string) => void;
  isCancelled: (runId: string) => boolean;
  wakeAt: (at: number) => void;
  /** A run ended: emit inngest/function.failed, resolve an invoking parent, ... */
  onFinished: (run: RunRow, fn: CompiledFunction | undefined, outcome: { output?: unknown; error?: SerializedError }) => Promise<void>;
  /** Resolves a waiting step with its timeout value unless something resolved it first. */
  timeoutWait: (runId: string, stepId: string, value: { data?: unknown; error?: unknown }, now: number) => Promise<void>;
  /** A WaitForEvent was parked on this event name. */
  noteWait: (name: string) => void;
  /** Start the function a step.invoke targets. */
  invoke: (run: RunRow, stepId: string, functionId: string, data: Record<string, unknown>) => Promise<void>;
};

type Call = { kind: "discovery" } | { kind: "step"; row: StepRow };

/** A run parked on nothing in particular (a wait without timeout) is looked at again after this. */
const PARK_MS = 24 * 3_600_000;

/**
 * Drives one leased run: calls the SDK, memoizes what comes back (durably, before the next call),
 * and stops when the run completes, fails, or has to wait (sleep, backoff, event, invoke), in
 * which case the lease is given back with the time the run is next due.
 */
export class RunDriver {
  private memo = new Map<string, StepRow>();
  private stack: string[] = [];
  private pending = new Map<string, StepRow>();
  private seq = 0;
  private currentQi: string | undefined;
  /** Ended (completed, failed, cancelled): nothing more is written. */
  finished = false;
  /** Something outside (a matched event, a finished child run) changed the steps: reload them. */
  dirty = false;

  constructor(private deps: DriverDeps, readonly run: RunRow, private fresh = false) {}

  async drive(): Promise<void> {
    const { deps, run } = this;
    // A run that never started has no steps yet: skip the query.
    if (!this.fresh) this.load(await deps.store.loadSteps(run.id));
    for (;;) {
      if (deps.isCancelled(run.id)) return void (this.finished = true);
      const fn = deps.registry.get(run.functionId);
      if (!fn) {
        await this.fail(undefined, { name: "Error", message: `Function ${run.functionId} is no longer registered by the app` });
        return;
      }
      if (this.dirty) {
        this.dirty = false;
        this.load(await deps.store.loadSteps(run.id));
      }
      const now = deps.now();
      await this.expire(now);
      const due = [...this.pending.values()].filter((p) => p.op === "StepPlanned" && (!p.wakeAt || p.wakeAt.getTime() <= now));
      if (due.length) {
        const stops = await Promise.all(due.map((row) => this.call(fn, { kind: "step", row })));
        if (stops.some(Boolean)) return;
        continue;
      }
      if (this.pending.size) {
        if (this.dirty) continue;
        const times = [...this.pending.values()].map((p) => p.wakeAt?.getTime() ?? now + PARK_MS);
        return this.release(Math.min(...times));
      }
      if (await this.call(fn, { kind: "discovery" })) return;
    }
  }

  /** POST /v1/checkpoint/:runId/async: steps the SDK ran inline during our current call. */
  async checkpoint(qi: string | undefined, ops: Op[]): Promise<boolean> {
    // The SDK waits for this answer before its next step: urgent work (a webhook) goes first.
    await whenCalm();
    if (this.finished || !qi || qi !== this.currentQi) return false;
    const now = this.deps.now();
    await Promise.all(ops.filter((op) => op.op === "StepRun").map((op) => this.memoize(op, "StepRun", now, { data: op.data ?? null, attempts: this.run.attempt + 1 })));
    await this.resetAttempt();
    return true;
  }

  private load(rows: StepRow[]): void {
    this.memo.clear();
    this.pending.clear();
    this.stack = [];
    this.seq = 0;
    for (const r of rows) {
      if (r.seq === null) this.pending.set(r.stepId, r);
      else {
        this.memo.set(r.stepId, r);
        this.stack.push(r.stepId);
        this.seq = Math.max(this.seq, r.seq);
      }
    }
  }

  /**
   * Sleeps that are over and waits that timed out become memo entries. A wait's timeout is
   * written only if no event or child run resolved it meanwhile (guarded in SQL), then the
   * steps are reloaded, since either outcome may be the one stored.
   */
  private async expire(now: number): Promise<void> {
    const writes: Promise<void>[] = [];
    let external = false;
    for (const p of [...this.pending.values()]) {
      if (p.op === "StepPlanned" || !p.wakeAt || p.wakeAt.getTime() > now) continue;
      if (EXTERNAL_WAITS.has(p.op)) {
        external = true;
        const value = p.op === "InvokeFunction"
          ? { error: { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" } }
          : { data: null };
        writes.push(this.deps.timeoutWait(this.run.id, p.stepId, value, now));
      } else writes.push(this.finishPending(p, { data: null }, now)); // a sleep is over
    }
    await Promise.all(writes);
    if (external) this.load(await this.deps.store.loadSteps(this.run.id));
  }

  private async call(fn: CompiledFunction, call: Call): Promise<boolean> {
    const { deps, run } = this;
    const targeted = call.kind === "step";
    const attempt = targeted ? call.row.attempts : run.attempt;
    // Checkpointing (SDK runs steps inline and reports each to us) only for discovery calls.
    const qi = deps.checkpointing && !targeted ? ulid() : undefined;
    const steps: Record<string, unknown> = {};
    for (const id of this.stack) steps[id] = memoValue(this.memo.get(id)!);
    if (qi) this.currentQi = qi;
    await whenCalm();
    let res: CallResult;
    try {
      res = await callFunction(fn.url, targeted ? call.row.stepId : "step", {
        event: run.event,
        events: [run.event],
        steps,
        version: 2,
        ctx: {
          run_id: run.id,
          attempt,
          max_attempts: fn.maxAttempts,
          disable_immediate_execution: targeted,
          use_api: false,
          stack: { stack: [...this.stack], current: this.stack.length },
          ...(qi ? { fn_id: fn.id, qi_id: qi } : {}),
        },
      }, { timeoutMs: deps.callTimeoutMs, now: deps.now, signingKey: deps.signingKey });
    } finally {
      if (qi && this.currentQi === qi) this.currentQi = undefined;
    }
    if (this.finished) return true;
    if (deps.isCancelled(run.id)) return (this.finished = true);
    if (res.kind === "complete") return this.complete(fn, res.data);
    if (res.kind === "error") return this.onError(fn, call, res.error, res.retriable, res.retryAfterMs);
    return this.onOps(fn, call, res.ops, res.retryAfterMs);
  }

  private async onOps(fn: CompiledFunction, call: Call, ops: Op[], retryAfterMs: number | undefined): Promise<boolean> {
    const { deps, run } = this;
    const now = deps.now();
    const callAttempt = call.kind === "step" ? call.row.attempts : run.attempt;
    const writes: Promise<void>[] = [];
    for (const op of ops) {
      const known = this.memo.has(op.id) || (this.pending.has(op.id) && op.op === "StepPlanned");
      switch (op.op) {
        case "StepRun":
          writes.push(this.memoize(op, "StepRun", now, { data: op.data ?? null, attempts: callAttempt + 1 }));
          break;
        case "StepFailed":
          writes.push(this.memoize(op, "StepFailed", now, { error: toError(op.error ?? op.data, "Step failed"), attempts: callAttempt + 1 }));
          break;
        case "StepError": {
          const error = toError(op.error, "Step errored");
          if (op.id === COMPLETE_ID) {
            await Promise.all(writes);
            return this.onError(fn, call, error, true, retryAfterMs);
          }
          const failed = (call.kind === "step" && call.row.stepId === op.id ? call.row.attempts : run.attempt) + 1;
          if (failed >= fn.maxAttempts) writes.push(this.memoize(op, "StepFailed", now, { error, attempts: failed }));
          else {
            const delay = retryAfterMs ?? backoffMs(failed, deps.backoffBaseMs, deps.backoffMaxMs, deps.random);
            writes.push(this.savePending(op, "StepPlanned", now, { attempts: failed, error, wakeAt: new Date(now + delay) }));
          }
          break;
        }
        case "StepPlanned":
          if (!known) writes.push(this.savePending(op, "StepPlanned", now, { attempts: 0, opts: op.opts ?? null }));
          break;
        case "Sleep": {
          if (known || this.pending.has(op.id)) break;
          const until = sleepUntil(op.name, op.opts ?? undefined, now);
          if (until === undefined) return this.fail(fn, { name: "Error", message: `Cannot read sleep duration "${op.name}"` });
          writes.push(this.savePending(op, "Sleep", now, { wakeAt: new Date(until), opts: { until: new Date(until).toISOString() } }));
          break;
        }
        case "WaitForEvent": {
          if (known || this.pending.has(op.id)) break;
          const timeout = typeof op.opts?.timeout === "string" ? parseDuration(op.opts.timeout) : undefined;
          const eventName = op.name ?? String(op.opts?.event ?? "");
          deps.noteWait(eventName);
          writes.push(this.savePending(op, "WaitForEvent", now, {
            name: eventName,
            opts: { ...op.opts, displayName: op.displayName },
            wakeAt: new Date(now + (timeout ?? 0)),
          }));
          break;
        }
        case "InvokeFunction": {
          if (known || this.pending.has(op.id)) break;
          const functionId = String(op.opts?.function_id ?? "");
          const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown> };
          const timeout = typeof op.opts?.timeout === "string" ? parseDuration(op.opts.timeout) : undefined;
          if (!deps.registry.get(functionId)) {
            writes.push(this.memoize(op, "InvokeFunction", now, { error: { name: "Error", message: `Function ${functionId} is not registered` } }));
            break;
          }
          // Row first: the child's completion resolves it, whatever happens to this process.
          await this.savePending(op, "InvokeFunction", now, {
            opts: { function_id: functionId },
            wakeAt: timeout === undefined ? null : new Date(now + timeout),
          });
          writes.push(deps.invoke(run, op.id, functionId, payload.data ?? {}));
          break;
        }
        case "RunComplete":
          await Promise.all(writes);
          return this.complete(fn, op.data ?? null);
        case "DiscoveryRequest":
          break;
        default:
          if (LAZY_OPS.has(op.op)) break;
          await Promise.all(writes);
          return this.fail(fn, { name: "Error", message: `Step op "${op.op}" is not supported by the embedded executor` });
      }
    }
    await Promise.all(writes);
    if (call.kind === "discovery") await this.resetAttempt();
    return false;
  }

  private async onError(fn: CompiledFunction, call: Call, error: SerializedError, retriable: boolean, retryAfterMs: number | undefined): Promise<boolean> {
    const { deps, run } = this;
    const now = deps.now();
    if (!retriable) return this.fail(fn, error);
    if (call.kind === "discovery") {
      const failed = run.attempt + 1;
      if (failed >= fn.maxAttempts) return this.fail(fn, error);
      run.attempt = failed;
      await this.release(now + (retryAfterMs ?? backoffMs(failed, deps.backoffBaseMs, deps.backoffMaxMs, deps.random)), { attempt: failed, error });
      return true;
    }
    const row = call.row;
    const failed = row.attempts + 1;
    if (failed >= fn.maxAttempts) return this.fail(fn, error);
    const delay = retryAfterMs ?? backoffMs(failed, deps.backoffBaseMs, deps.backoffMaxMs, deps.random);
    await this.savePending({ id: row.stepId, name: row.name ?? undefined }, "StepPlanned", now, { attempts: failed, error, wakeAt: new Date(now + delay), opts: row.opts });
    return false;
  }

  private memoize(op: Pick<Op, "id" | "name" | "displayName">, kind: string, now: number, fields: Partial<StepRow>): Promise<void> {
    if (this.memo.has(op.id)) return Promise.resolve();
    const prev = this.pending.get(op.id);
    const row: StepRow = {
      stepId: op.id,
      name: op.displayName ?? op.name ?? prev?.name ?? null,
      op: kind,
      seq: ++this.seq,
      opts: prev?.opts ?? null,
      data: null,
      error: null,
      attempts: 1,
      wakeAt: null,
      ...fields,
    };
    this.pending.delete(op.id);
    this.memo.set(op.id, row);
    this.stack.push(op.id);
    return this.deps.store.saveStep(this.run.id, row, now);
  }

  private finishPending(p: StepRow, value: { data?: unknown; error?: unknown }, now: number): Promise<void> {
    return this.memoize({ id: p.stepId, name: p.name ?? undefined }, p.op, now, { data: value.data ?? null, error: value.error ?? null, attempts: p.attempts, opts: p.opts });
  }

  private savePending(op: Pick<Op, "id" | "name" | "displayName">, kind: string, now: number, fields: Partial<StepRow>): Promise<void> {
    const prev = this.pending.get(op.id);
    const row: StepRow = {
      stepId: op.id,
      name: op.displayName ?? op.name ?? prev?.name ?? null,
      op: kind,
      seq: null,
      opts: prev?.opts ?? null,
      data: null,
      error: null,
      attempts: prev?.attempts ?? 0,
      wakeAt: null,
      ...fields,
    };
    this.pending.set(op.id, row);
    return this.deps.store.saveStep(this.run.id, row, now);
  }

  private async resetAttempt(): Promise<void> {
    if (this.run.attempt === 0) return;
    this.run.attempt = 0;
    await this.deps.store.patchRun({ id: this.run.id, attempt: 0 });
  }

  private async release(at: number, extra: { attempt?: number; error?: SerializedError } = {}): Promise<void> {
    await this.deps.store.patchRun({ id: this.run.id, leaseUntil: null, runAt: at, ...extra });
    this.deps.wakeAt(at);
  }

  private async complete(fn: CompiledFunction, output: unknown): Promise<true> {
    this.finished = true;
    const now = this.deps.now();
    // Same order as fail(): effects on others first (idempotent), then the final status.
    await this.deps.onFinished(this.run, fn, { output });
    await this.deps.store.patchRun({ id: this.run.id, status: "completed", output, error: null, leaseUntil: null, endedAt: now });
    return true;
  }

  private async fail(fn: CompiledFunction | undefined, error: SerializedError): Promise<true> {
    this.finished = true;
    const now = this.deps.now();
    // Failure events first: their ids are derived from the run, so a crash before the patch
    // below repeats the emit harmlessly (deduped) when the run is driven again.
    await this.deps.onFinished(this.run, fn, { error });
    await this.deps.store.patchRun({ id: this.run.id, status: "failed", error, leaseUntil: null, endedAt: now });
    return true;
  }

  /** Does this run have a step waiting on the outside world? */
  get waitsExternally(): boolean {
    return [...this.pending.values()].some((p) => EXTERNAL_WAITS.has(p.op));
  }
}
