import { describe, expect, it } from "vitest";
import { RateLimiter, withMargin, type Clock } from "./rate-limiter";

/** A clock that only moves when the test says so; sleepers wake when their time has come. */
function fakeClock() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: now + Math.max(0, ms), wake })),
  };
  return {
    clock,
    now: () => now,
    async advance(ms: number) {
      const until = now + ms;
      await settle();
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers[0];
        if (!next || next.at > until) break;
        sleepers.shift();
        now = Math.max(now, next.at);
        next.wake();
        await settle();
      }
      now = until;
      await settle();
    },
    settle,
  };
}

const minute = { limit: 3, windowMs: 60_000 };

describe("RateLimiter", () => {
  it("lets the limit through at once and holds the next until the first answer is a window old", async () => {
    const t = fakeClock();
    const limiter = new RateLimiter(t.clock);
    const startedAt: number[] = [];
    const call = () => limiter.run("shop", [minute], async () => void startedAt.push(t.now()));
    const all = Promise.all([call(), call(), call(), call()]);
    await t.advance(59_999);
    expect(startedAt).toEqual([0, 0, 0]);
    await t.advance(2);
    expect(startedAt).toEqual([0, 0, 0, 60_001]);
    await all;
  });

  it("counts a request until its answer arrived plus the window (a slow answer keeps its slot)", async () => {
    const t = fakeClock();
    const limiter = new RateLimiter(t.clock);
    const startedAt: number[] = [];
    const slow = limiter.run("shop", [{ limit: 1, windowMs: 1_000 }], () => t.clock.sleep(5_000));
    const next = limiter.run("shop", [{ limit: 1, windowMs: 1_000 }], async () => void startedAt.push(t.now()));
    await t.advance(5_999);
    expect(startedAt).toEqual([]); // answered at 5 000: the server may have counted it then
    await t.advance(2);
    expect(startedAt).toEqual([6_001]);
    await Promise.all([slow, next]);
  });

  it("never has more than the limit in any window, whatever the burst", async () => {
    const t = fakeClock();
    const limiter = new RateLimiter(t.clock);
    const sent: number[] = [];
    const burst = Array.from({ length: 20 }, () => limiter.run("shop", [minute], async () => { sent.push(t.now()); await t.clock.sleep(100); }));
    await t.advance(10 * 60_000);
    await Promise.all(burst);
    expect(sent).toHaveLength(20);
    for (const at of sent) expect(sent.filter((s) => s >= at && s < at + 60_000).length).toBeLessThanOrEqual(3);
  });

  it("keys are independent, and every rule of a key must have room (minute and hour)", async () => {
    const t = fakeClock();
    const limiter = new RateLimiter(t.clock);
    const rules = [{ limit: 2, windowMs: 1_000 }, { limit: 3, windowMs: 10_000 }];
    const sent: string[] = [];
    const go = (key: string) => limiter.run(key, rules, async () => void sent.push(`${key}@${t.now()}`));
    const all = Promise.all([go("a"), go("a"), go("a"), go("a"), go("b")]);
    await t.advance(0);
    expect([...sent].sort()).toEqual(["a@0", "a@0", "b@0"]);
    await t.advance(1_001);
    expect([...sent].sort()).toEqual(["a@0", "a@0", "a@1001", "b@0"]); // the hour-like rule (3 per 10 s) holds the fourth
    await t.advance(9_000);
    expect(sent.at(-1)).toBe("a@10001");
    await all;
  });

  it("a failed call frees its slot after the window; a timed-out one a window later still", async () => {
    const t = fakeClock();
    const limiter = new RateLimiter(t.clock);
    const rule = { limit: 1, windowMs: 1_000 };
    await expect(limiter.run("k", [rule], async () => { throw Object.assign(new Error("timeout"), { code: "timeout" }); })).rejects.toThrow("timeout");
    const startedAt: number[] = [];
    const next = limiter.run("k", [rule], async () => void startedAt.push(t.now()));
    await t.advance(1_500);
    expect(startedAt).toEqual([]);
    await t.advance(600);
    expect(startedAt).toEqual([2_001]);
    await next;
    expect(limiter.inWindow("k", rule)).toBe(1);
  });

  it("serves waiters in order of arrival", async () => {
    const t = fakeClock();
    const limiter = new RateLimiter(t.clock);
    const order: number[] = [];
    const rule = { limit: 1, windowMs: 100 };
    const all = Promise.all([1, 2, 3, 4].map((n) => limiter.run("k", [rule], async () => void order.push(n))));
    await t.advance(1_000);
    await all;
    expect(order).toEqual([1, 2, 3, 4]);
  });
});

describe("withMargin", () => {
  it("takes 5% (at least one) off the limit and a second onto the window", () => {
    expect(withMargin({ limit: 150, windowMs: 60_000 })).toEqual({ limit: 142, windowMs: 61_000 });
    expect(withMargin({ limit: 120, windowMs: 60_000 })).toEqual({ limit: 114, windowMs: 61_000 });
    expect(withMargin({ limit: 10, windowMs: 1_000 })).toEqual({ limit: 9, windowMs: 2_000 });
  });
});
