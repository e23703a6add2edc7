import { describe, expect, it } from "vitest";
import { inBackground, PriorityLock, urgently, whenCalm } from "./priority-lane";

/** A task that holds the lock until released by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe("PriorityLock", () => {
  it("lets one task in at a time, waiting urgent ones first, each lane in arrival order", async () => {
    const lock = new PriorityLock();
    const order: string[] = [];
    const first = gate();
    const held = lock.run(async () => { order.push("first"); await first.opened; });
    const task = (name: string) => async () => { order.push(name); };
    const all = [
      lock.run(task("ordinary 1")),
      urgently(() => lock.run(task("urgent 1"))),
      lock.run(task("ordinary 2")),
      lock.run(task("urgent 2"), true),
    ];
    await Promise.resolve();
    expect(lock.queued).toEqual({ urgent: 2, ordinary: 2 });
    first.open();
    await Promise.all([held, ...all]);
    expect(order).toEqual(["first", "urgent 1", "urgent 2", "ordinary 1", "ordinary 2"]);
  });

  it("never runs two tasks at once, and a failing task lets the next one in", async () => {
    const lock = new PriorityLock();
    let inside = 0;
    let most = 0;
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => lock.run(async () => {
      most = Math.max(most, ++inside);
      await new Promise((r) => setTimeout(r, 1));
      inside--;
      if (i % 3 === 0) throw new Error(`task ${i} failed`);
      return i;
    }, i % 2 === 0)));
    expect(most).toBe(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(7);
    expect(lock.queued).toEqual({ urgent: 0, ordinary: 0 });
    await expect(lock.run(async () => "free")).resolves.toBe("free");
  });

  it("takes the lane from the async context: urgent inside urgently, ordinary again inside inBackground", async () => {
    const lock = new PriorityLock();
    const first = gate();
    const held = lock.run(() => first.opened);
    const order: string[] = [];
    const background = urgently(async () => {
      await Promise.resolve();
      return inBackground(() => lock.run(async () => { order.push("background"); }));
    });
    const urgent = urgently(async () => {
      await new Promise((r) => setImmediate(r)); // the lane survives awaits and turns of the event loop
      return lock.run(async () => { order.push("urgent"); });
    });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    first.open();
    await Promise.all([held, background, urgent]);
    expect(order).toEqual(["urgent", "background"]);
  });
});

describe("whenCalm", () => {
  it("resolves at once when nothing urgent runs, else when the last urgent work ends", async () => {
    await whenCalm(); // nothing urgent: no wait
    let finish!: () => void;
    const urgent = urgently(() => new Promise<void>((r) => (finish = r)));
    let calm = false;
    const waiting = whenCalm(60_000).then(() => (calm = true));
    await new Promise((r) => setImmediate(r));
    expect(calm).toBe(false);
    finish();
    await urgent;
    await waiting;
    expect(calm).toBe(true);
  });

  it("gives up waiting after its limit, so background work moves under a steady stream", async () => {
    let finish!: () => void;
    const urgent = urgently(() => new Promise<void>((r) => (finish = r)));
    const started = performance.now();
    await whenCalm(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    finish();
    await urgent;
  });
});
