// A mutex whose urgent waiters are let in before the ordinary ones, each lane in arrival order.
// Plain JavaScript: the embedded database's thread (pglite-worker.mjs) loads it as is; the app
// uses it through priority-lane.ts, which takes the lane from the async context.
export class PriorityLock {
  #held = false;
  #waiting = { urgent: [], ordinary: [] };

  async run(fn, urgent) {
    if (this.#held) await new Promise((enter) => this.#waiting[urgent ? "urgent" : "ordinary"].push(enter));
    else this.#held = true;
    try {
      return await fn();
    } finally {
      const next = this.#waiting.urgent.shift() ?? this.#waiting.ordinary.shift();
      if (next) next();
      else this.#held = false;
    }
  }

  /** How many wait in each lane (for tests and diagnostics). */
  get queued() {
    return { urgent: this.#waiting.urgent.length, ordinary: this.#waiting.ordinary.length };
  }
}
