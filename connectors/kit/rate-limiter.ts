/**
 * Client-side request limits, so we stay under a system's documented rate limit instead of
 * collecting 429s (or, at WeFact, a firewall ban for every merchant behind our IP).
 *
 * Sliding windows per key. A request holds its slot from the moment it is sent until its answer
 * arrived plus the window: the server counts the request at some moment between the two, so no
 * window of the server's (sliding, or fixed clock minutes) can ever see more than `limit` of them.
 * Waiters are served first come, first served. Process-wide (`sharedLimiter`), because a
 * connector client is created per step while the limit belongs to the shop's or our API key.
 */

export type RateRule = {
  /** Requests allowed per window, as documented. */
  limit: number;
  windowMs: number;
};

export type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

/** Slot held from send until `end` (null while the request is in flight). */
type Slot = { end: number | null };

type KeyState = { slots: Slot[]; queue: Promise<unknown>; onRelease: Set<() => void> };

/**
 * The documented number, less a safety margin: 5% of the limit (at least 1) fewer requests and a
 * window a second longer, so a server that counts at another moment or on a clock that runs a
 * little differently never sees one request too many.
 */
export function withMargin(rule: RateRule): RateRule {
  return { limit: Math.max(1, rule.limit - Math.max(1, Math.ceil(rule.limit * 0.05))), windowMs: rule.windowMs + 1_000 };
}

/** After a timeout the server may still receive the request later: its slot is held one window longer. */
const TIMEOUT_EXTRA_WINDOWS = 1;

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly clock: Clock = realClock) {}

  /**
   * Runs `call` once every rule has room for it under `key`, holding its slot until the answer
   * (or failure) plus the window. Rules are used as given: callers pass `withMargin(documented)`.
   */
  async run<T>(key: string, rules: readonly RateRule[], call: () => Promise<T>): Promise<T> {
    const state = this.stateOf(key);
    const turn = state.queue.then(() => this.takeSlot(state, rules));
    state.queue = turn.catch(() => undefined);
    const slot = await turn;
    let timedOut = false;
    try {
      return await call();
    } catch (err) {
      timedOut = isTimeout(err);
      throw err;
    } finally {
      const longest = Math.max(...rules.map((r) => r.windowMs));
      slot.end = this.clock.now() + (timedOut ? TIMEOUT_EXTRA_WINDOWS * longest : 0);
      for (const wake of [...state.onRelease]) wake();
    }
  }

  /** Requests counted against `rule` under `key` right now (tests and reports). */
  inWindow(key: string, rule: RateRule): number {
    const now = this.clock.now();
    return (this.keys.get(key)?.slots ?? []).filter((s) => s.end === null || s.end > now - rule.windowMs).length;
  }

  /** Tests only: forget every window. */
  reset(): void {
    this.keys.clear();
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) this.keys.set(key, (state = { slots: [], queue: Promise.resolve(), onRelease: new Set() }));
    return state;
  }

  private async takeSlot(state: KeyState, rules: readonly RateRule[]): Promise<Slot> {
    const longest = Math.max(0, ...rules.map((r) => r.windowMs));
    for (;;) {
      const now = this.clock.now();
      state.slots = state.slots.filter((s) => s.end === null || s.end > now - longest);
      let waitMs = 0;
      let needRelease = false;
      for (const rule of rules) {
        const held = state.slots.filter((s) => s.end === null || s.end > now - rule.windowMs);
        const over = held.length - rule.limit + 1;
        if (over <= 0) continue;
        // Room comes when `over` answered slots have left the window; in-flight ones first need their answer.
        const ends = held.flatMap((s) => (s.end === null ? [] : [s.end])).sort((a, b) => a - b);
        if (ends.length >= over) waitMs = Math.max(waitMs, ends[over - 1]! + rule.windowMs - now + 1);
        else needRelease = true;
      }
      if (waitMs <= 0 && !needRelease) {
        const slot: Slot = { end: null };
        state.slots.push(slot);
        return slot;
      }
      await this.waitFor(state, needRelease ? null : waitMs, needRelease && waitMs > 0 ? waitMs : null);
    }
  }

  /** Sleeps `ms`, or until a slot is released (then re-checks), whichever the caller needs. */
  private waitFor(state: KeyState, sleepMs: number | null, orReleaseWithin: number | null): Promise<void> {
    if (sleepMs !== null) return this.clock.sleep(sleepMs);
    return new Promise<void>((resolve) => {
      const wake = () => {
        state.onRelease.delete(wake);
        resolve();
      };
      state.onRelease.add(wake);
      if (orReleaseWithin !== null) void this.clock.sleep(orReleaseWithin).then(wake);
    });
  }
}

const isTimeout = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: unknown }).code === "timeout";

/** The process-wide limiter every connector client uses, each with its own keys and numbers. */
export const sharedLimiter = new RateLimiter();
