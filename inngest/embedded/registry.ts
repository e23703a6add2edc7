import { parseCron, type Cron } from "./cron";
import { parseDuration } from "./duration";
import { compileExpression, keyString, UnsupportedExpression, type Compiled } from "./expr";
import type { FunctionConfig } from "./schemas";

/** The default when a function sets no `retries`: 4 retries, 5 attempts (like Inngest). */
const DEFAULT_RETRIES = 4;

export type Gate = { key: string; limit: number; keyed: boolean };

export type CompiledFunction = {
  id: string;
  appId: string;
  name: string;
  /** The step runtime URL the SDK registered (stepId=step); calls change only stepId. */
  url: string;
  config: FunctionConfig;
  maxAttempts: number;
  events: { name: string; prefix: boolean; when?: Compiled }[];
  crons: Cron[];
  concurrency: { limit: number; scope: string; key?: Compiled }[];
  idempotency?: Compiled;
  throttle?: { limit: number; periodMs: number; key?: Compiled };
  rateLimit?: { limit: number; periodMs: number; key?: Compiled };
  cancel: { event: string; when?: Compiled; timeoutMs?: number }[];
};

type Log = (msg: string) => void;

/** Options of a function config this executor does not implement (they are ignored, loudly). */
const UNSUPPORTED = ["batchEvents", "debounce", "priority", "singleton", "timeouts"] as const;

function tryCompile(fnId: string, what: string, src: string | undefined, warn: Log): Compiled | undefined {
  if (!src) return undefined;
  try {
    return compileExpression(src);
  } catch (err) {
    if (!(err instanceof UnsupportedExpression)) throw err;
    warn(`[inngest-embedded] ${fnId}: ${what} "${src}" is not supported here and is ignored (${err.message})`);
    return undefined;
  }
}

export function compileFunction(appId: string, config: FunctionConfig, warn: Log): CompiledFunction {
  const step = config.steps.step ?? Object.values(config.steps)[0];
  if (!step) throw new Error(`Function ${config.id} has no step runtime`);
  const id = config.id;
  const retries = step.retries?.attempts ?? DEFAULT_RETRIES;
  const events: CompiledFunction["events"] = [];
  const crons: Cron[] = [];
  for (const t of config.triggers) {
    if ("event" in t && typeof t.event === "string") {
      const prefix = t.event.endsWith("*");
      events.push({
        name: prefix ? t.event.slice(0, -1) : t.event,
        prefix,
        when: tryCompile(id, "trigger expression", typeof t.expression === "string" ? t.expression : undefined, warn),
      });
    } else if ("cron" in t && typeof t.cron === "string") {
      crons.push(parseCron(t.cron));
    }
  }
  const concurrencyList =
    config.concurrency === undefined ? [] :
    typeof config.concurrency === "number" ? [{ limit: config.concurrency }] :
    Array.isArray(config.concurrency) ? config.concurrency : [config.concurrency];
  const concurrency = concurrencyList
    .filter((c) => c.limit > 0) // 0 means "no limit" in Inngest
    .map((c) => {
      const key = tryCompile(id, "concurrency key", c.key, warn);
      // An unsupported key falls back to the function-wide limit: stricter, never racier.
      return { limit: c.limit, scope: c.key && !key ? "fn" : c.scope ?? "fn", key };
    });
  for (const option of UNSUPPORTED) {
    if ((config as Record<string, unknown>)[option] !== undefined) {
      warn(`[inngest-embedded] ${id}: "${option}" is not supported by the embedded executor and is ignored`);
    }
  }
  const period = (p: string | number) => parseDuration(p) ?? 60_000;
  return {
    id,
    appId,
    name: config.name ?? id,
    url: step.runtime.url,
    config,
    maxAttempts: retries + 1,
    events,
    crons,
    concurrency,
    idempotency: tryCompile(id, "idempotency key", config.idempotency, warn),
    throttle: config.throttle && {
      limit: config.throttle.limit + (config.throttle.burst ?? 0),
      periodMs: period(config.throttle.period),
      key: tryCompile(id, "throttle key", config.throttle.key, warn),
    },
    rateLimit: config.rateLimit && {
      limit: config.rateLimit.limit,
      periodMs: period(config.rateLimit.period),
      key: tryCompile(id, "rate limit key", config.rateLimit.key, warn),
    },
    cancel: (config.cancel ?? []).map((c) => ({
      event: c.event,
      when: tryCompile(id, "cancelOn expression", c.if, warn),
      timeoutMs: c.timeout ? parseDuration(c.timeout) : undefined,
    })),
  };
}

/** Concurrency gates a run of fn for this event must hold: one per configured limit. */
export function gatesFor(fn: CompiledFunction, event: unknown): Gate[] {
  return fn.concurrency.map((c) => {
    if (!c.key) return { key: `fn:${fn.id}`, limit: c.limit, keyed: false };
    const value = keyString(c.key({ event }));
    return { key: c.scope === "fn" ? `fn:${fn.id}:${value}` : `${c.scope}:${value}`, limit: c.limit, keyed: true };
  });
}

/** The stored concurrencyKey of a run: its first keyed gate (used to skip full gates in SQL). */
export function primaryKey(gates: Gate[]): string | null {
  return gates.find((g) => g.keyed)?.key ?? null;
}

export function evalKey(expr: Compiled | undefined, event: unknown): string | undefined {
  return expr ? keyString(expr({ event })) : undefined;
}

/** Every function of every synced app, with event-name lookups cached. */
export class Registry {
  private fns = new Map<string, CompiledFunction>();
  private byName = new Map<string, CompiledFunction[]>();
  private cancelNames = new Set<string>();
  private listeners: (() => void)[] = [];

  constructor(private warn: Log) {}

  /** Replaces one app's functions (a sync). Functions of other apps stay. */
  setApp(appId: string, configs: FunctionConfig[]): CompiledFunction[] {
    for (const [id, fn] of this.fns) if (fn.appId === appId) this.fns.delete(id);
    const compiled: CompiledFunction[] = [];
    for (const config of configs) {
      try {
        const fn = compileFunction(appId, config, this.warn);
        this.fns.set(fn.id, fn);
        compiled.push(fn);
      } catch (err) {
        this.warn(`[inngest-embedded] ${config.id}: not registered: ${(err as Error).message}`);
      }
    }
    this.byName.clear();
    this.cancelNames = new Set([...this.fns.values()].flatMap((f) => f.cancel.map((c) => c.event)));
    for (const l of this.listeners) l();
    return compiled;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get(id: string): CompiledFunction | undefined {
    return this.fns.get(id);
  }

  all(): CompiledFunction[] {
    return [...this.fns.values()];
  }

  get size(): number {
    return this.fns.size;
  }

  /** Functions an event of this name triggers (trigger `if`s are checked by the caller). */
  triggeredBy(name: string): CompiledFunction[] {
    let hit = this.byName.get(name);
    if (!hit) {
      hit = [...this.fns.values()].filter((f) => f.events.some((e) => (e.prefix ? name.startsWith(e.name) : name === e.name)));
      this.byName.set(name, hit);
    }
    return hit;
  }

  /** Does some function cancel its runs on events of this name? */
  cancels(name: string): boolean {
    return this.cancelNames.has(name);
  }
}

/** Does the event satisfy one of fn's triggers, including its `if`? */
export function triggerMatches(fn: CompiledFunction, event: { name: string }): boolean {
  return fn.events.some(
    (e) => (e.prefix ? event.name.startsWith(e.name) : event.name === e.name) && (!e.when || e.when({ event }) === true),
  );
}
