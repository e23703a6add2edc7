import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../lib/db/testing";
import { finishedRuns, runsOf, startHarness, waitFor, type Harness } from "./testing/harness";

/** Resolves when released; lets a test hold a step body open. */
function latch() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
}

describe("embedded executor scheduling", () => {
  let h: Harness;
  const sleeps: { before?: number; after?: number }[] = [];
  const active = new Map<string, number>();
  const maxActive = new Map<string, number>();
  const started: string[] = [];
  const bStarted = latch();
  let dedupeRuns = 0;
  const fifo: string[] = [];
  const holdFirst = latch();

  beforeAll(async () => {
    h = await startHarness((inngest) => [
      inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
        const before = await step.run("before", () => Date.now());
        await step.sleep("nap", "2s");
        const after = await step.run("after", () => Date.now());
        sleeps.push({ before, after });
        return after - before;
      }),
      inngest.createFunction(
        { id: "per-key", triggers: [{ event: "test/keyed" }], concurrency: { limit: 1, key: "event.data.licenseKey" } },
        async ({ event, step }) => {
          const key = event.data.licenseKey as string;
          const tag = event.data.tag as string;
          await step.run("work", async () => {
            started.push(tag);
            active.set(key, (active.get(key) ?? 0) + 1);
            maxActive.set(key, Math.max(maxActive.get(key) ?? 0, active.get(key)!));
            if (tag === "B") bStarted.release();
            // A1 holds its slot until B has started: only possible if keys run in parallel.
            if (tag === "A1") await bStarted.done;
            await new Promise((r) => setTimeout(r, 100));
            active.set(key, active.get(key)! - 1);
          });
        },
      ),
      inngest.createFunction(
        { id: "fifo", triggers: [{ event: "test/fifo" }], concurrency: { limit: 1, key: "event.data.licenseKey" } },
        async ({ event, step }) => {
          await step.run("work", async () => {
            fifo.push(event.data.tag as string);
            if (event.data.tag === "1") await holdFirst.done;
          });
        },
      ),
      inngest.createFunction({ id: "dedupe", triggers: [{ event: "test/dedupe" }] }, async ({ step }) => {
        await step.run("count", () => ++dedupeRuns);
      }),
      inngest.createFunction({ id: "idempotent", triggers: [{ event: "test/idem" }], idempotency: "event.data.orderId" }, async ({ step }) => {
        await step.run("noop", () => 1);
      }),
    ]);
  });
  afterAll(() => h?.close());

  it("resumes a sleep on time", async () => {
    await h.executor.send({ name: "test/sleep", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-sleeper", 1, 40_000);
    expect(run!.status).toBe("completed");
    const elapsed = run!.output as number;
    expect(elapsed).toBeGreaterThanOrEqual(1_950);
    expect(elapsed).toBeLessThan(15_000); // generous: a shared CI machine
    expect(run!.steps.map((s) => [s.name, s.op])).toEqual([["before", "StepRun"], ["nap", "Sleep"], ["after", "StepRun"]]);
  });

  it("never runs two events with the same concurrency key at once, while other keys run in parallel", async () => {
    await h.executor.send([
      { name: "test/keyed", data: { licenseKey: "K1", tag: "A1" } },
      { name: "test/keyed", data: { licenseKey: "K1", tag: "A2" } },
      { name: "test/keyed", data: { licenseKey: "K2", tag: "B" } },
    ]);
    const runs = await finishedRuns(h.db, "test-app-per-key", 3);
    expect(runs.every((r) => r.status === "completed")).toBe(true);
    expect(maxActive.get("K1")).toBe(1);
    expect(maxActive.get("K2")).toBe(1);
    // A2 waited for A1 although a worker was free; B ran while A1 was in progress.
    expect(started.indexOf("A2")).toBeGreaterThan(started.indexOf("B"));
    expect(runs.map((r) => r.concurrencyKey).sort()).toEqual(["fn:test-app-per-key:K1", "fn:test-app-per-key:K1", "fn:test-app-per-key:K2"]);
  });

  it("starts runs with the same key in the order their events arrived", async () => {
    await h.executor.send({ name: "test/fifo", data: { licenseKey: "K", tag: "1" } });
    await waitFor(() => fifo.length === 1, "the first run to start");
    for (const tag of ["2", "3", "4"]) await h.executor.send({ name: "test/fifo", data: { licenseKey: "K", tag } });
    holdFirst.release();
    for (const tag of ["5", "6"]) await h.executor.send({ name: "test/fifo", data: { licenseKey: "K", tag } });
    await finishedRuns(h.db, "test-app-fifo", 6);
    expect(fifo).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("starts nothing for a duplicate event id, in one batch or later", async () => {
    const first = await h.executor.send([{ name: "test/dedupe", id: "order-1", data: {} }, { name: "test/dedupe", id: "order-1", data: {} }]);
    const again = await h.executor.send({ name: "test/dedupe", id: "order-1", data: {} });
    expect(first[0]).toBe(first[1]);
    expect(again[0]).toBe(first[0]);
    await finishedRuns(h.db, "test-app-dedupe");
    await new Promise((r) => setTimeout(r, 300));
    expect(await runsOf(h.db, "test-app-dedupe")).toHaveLength(1);
    expect(dedupeRuns).toBe(1);
    expect(await h.db.execEvent.count({ where: { externalId: "order-1" } })).toBe(1);
  });

  it("starts one run per idempotency key", async () => {
    await h.executor.send([{ name: "test/idem", data: { orderId: "A" } }, { name: "test/idem", data: { orderId: "A" } }]);
    await h.executor.send([{ name: "test/idem", data: { orderId: "A" } }, { name: "test/idem", data: { orderId: "B" } }]);
    const runs = await finishedRuns(h.db, "test-app-idempotent", 2);
    await new Promise((r) => setTimeout(r, 300));
    expect((await runsOf(h.db, "test-app-idempotent")).map((r) => r.idempotencyKey).sort()).toEqual(["A", "B"]);
    expect(runs.every((r) => r.status === "completed")).toBe(true);
  });
});

describe("embedded executor cron", () => {
  it("fires cron triggers, once per tick", async () => {
    const testDb = await createTestDb();
    const ticks: { cron: unknown; id: unknown }[] = [];
    // The executor's clock runs ahead so that the next minute boundary is ~8 s away: the
    // "* * * * *" cron fires soon instead of within a minute (a slow start just means the
    // following tick, hence the long wait below).
    const offset = 60_000 - (Date.now() % 60_000) - 8_000 + 60_000;
    const h = await startHarness((inngest) => [
      inngest.createFunction({ id: "ticker", triggers: [{ cron: "TZ=Europe/Amsterdam * * * * *" }] }, async ({ event, step }) => {
        await step.run("tick", () => ticks.push({ cron: event.data.cron, id: event.id }));
      }),
    ], { now: () => Date.now() + offset, testDb });
    try {
      await waitFor(() => ticks.length >= 1, "a cron tick", 80_000);
      const [run] = await finishedRuns(h.db, "test-app-ticker");
      expect(run!.status).toBe("completed");
      expect((run!.event as { name: string }).name).toBe("inngest/scheduled.timer");
      expect(ticks[0]!.cron).toBe("TZ=Europe/Amsterdam * * * * *");
      const tickAt = Number(String(ticks[0]!.id).split("-").pop());
      expect(tickAt % 60_000).toBe(0);
      // The same tick sent again (e.g. by a restarted process) starts nothing.
      await h.executor.send({ name: "inngest/scheduled.timer", id: String(ticks[0]!.id), data: { cron: "x" } });
      await new Promise((r) => setTimeout(r, 300));
      expect(await runsOf(h.db, "test-app-ticker")).toHaveLength(1);
    } finally {
      await h.close();
      await testDb.close();
    }
  }, 120_000);
});
