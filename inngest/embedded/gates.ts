import type { Gate } from "./registry";

/**
 * In-process concurrency accounting: how many runs hold each gate (function-wide or per key).
 * A run holds its gates while it is being driven, not while it sleeps or waits for a retry,
 * like Inngest, where concurrency limits steps executing, not runs in progress.
 */
export class Gates {
  private held = new Map<string, { count: number; limit: number }>();

  tryAcquire(gates: Gate[]): boolean {
    for (const g of gates) {
      const h = this.held.get(g.key);
      if (h && h.count >= g.limit) return false;
    }
    for (const g of gates) {
      const h = this.held.get(g.key);
      if (h) {
        h.count++;
        h.limit = g.limit;
      } else this.held.set(g.key, { count: 1, limit: g.limit });
    }
    return true;
  }

  release(gates: Gate[]): void {
    for (const g of gates) {
      const h = this.held.get(g.key);
      if (!h) continue;
      if (--h.count <= 0) this.held.delete(g.key);
    }
  }

  /** Full gates, to leave their runs out of the next poll: function ids and keyed gate keys. */
  full(): { functions: string[]; keys: string[] } {
    const functions: string[] = [];
    const keys: string[] = [];
    for (const [key, h] of this.held) {
      if (h.count < h.limit) continue;
      const fnWide = /^fn:[^:]+$/.exec(key);
      if (fnWide) functions.push(key.slice(3));
      else keys.push(key);
    }
    return { functions, keys };
  }
}

/** Sliding-window counters for throttle (delays starts) and rateLimit (drops events). */
export class Windows {
  private starts = new Map<string, number[]>();
  private takes = 0;

  /** Records a start if the window has room; otherwise returns when it will have room. */
  take(key: string, limit: number, periodMs: number, now: number): true | number {
    if (++this.takes % 1000 === 0) this.sweep(now, periodMs);
    const list = (this.starts.get(key) ?? []).filter((t) => t > now - periodMs);
    if (list.length >= limit) {
      this.starts.set(key, list);
      return list[list.length - limit]! + periodMs;
    }
    list.push(now);
    this.starts.set(key, list);
    return true;
  }

  /** Forgets keys idle for a while, so many distinct keys do not pile up. */
  private sweep(now: number, periodMs: number): void {
    for (const [key, list] of this.starts) if (!list.length || list[list.length - 1]! < now - Math.max(periodMs, 3_600_000)) this.starts.delete(key);
  }
}
