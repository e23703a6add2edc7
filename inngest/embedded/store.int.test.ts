import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../lib/db/testing";
import { getRun, listRuns } from "./queries";
import { Store, type NewRun } from "./store";

const DAY = 86_400_000;

describe("executor store and ops queries", () => {
  let t: TestDb;
  let store: Store;
  const now = Date.now();
  const run = (id: string, over: Partial<NewRun> = {}): NewRun => ({
    id, functionId: "app-fn", eventId: `e-${id}`, event: { name: "shop/order", data: {} }, status: "queued",
    concurrencyKey: null, idempotencyKey: null, runAt: now, leaseUntil: null, createdAt: now, ...over,
  });

  beforeAll(async () => {
    t = await createTestDb();
    store = new Store(t.db);
  });
  afterAll(() => t?.close());

  it("writes step memos and run patches from many drivers in one go, last write winning", async () => {
    await store.commitIngest([], [run("r1"), run("r2")], [], now);
    const step = { name: "a", op: "StepRun", seq: 1, opts: null, data: { v: 1 }, error: null, attempts: 1, wakeAt: null };
    await Promise.all([
      store.saveStep("r1", { ...step, stepId: "s1" }, now),
      store.saveStep("r1", { ...step, stepId: "s1", data: { v: 2 } }, now),
      store.saveStep("r2", { ...step, stepId: "s1", seq: null, op: "StepPlanned", wakeAt: new Date(now + 3_600_000), error: { name: "Error", message: "down" } }, now),
      store.patchRun({ id: "r1", status: "completed", output: { ok: true }, endedAt: now, leaseUntil: null }),
      store.patchRun({ id: "r2", status: "running", attempt: 1, runAt: now + 3_600_000 }),
    ]);
    const r1 = await getRun(t.db, "r1");
    expect(r1).toMatchObject({ status: "completed", output: { ok: true } });
    expect(r1!.steps.map((s) => s.data)).toEqual([{ v: 2 }]);
    const summaries = await listRuns(t.db);
    const r2 = summaries.find((s) => s.id === "r2")!;
    expect(r2.state).toMatch(/^retrying at /);
    expect(r2.error).toBe("Error: down");
    expect(r2.attempts).toBe(2);
  });

  it("never changes a run that ended", async () => {
    await store.commitIngest([], [run("r3")], ["r3"], now); // inserted, then cancelled by id in the same commit: stays queued
    await store.commitIngest([], [], ["r3"], now);
    await store.patchRun({ id: "r3", status: "completed", output: 1 });
    expect((await getRun(t.db, "r3"))!.status).toBe("cancelled");
  });

  it("claims due runs once, and prunes only old finished runs and events", async () => {
    await store.commitIngest(
      [{ id: "ev-old", externalId: "x", name: "n", data: {}, user: null, ts: now, receivedAt: now - 40 * DAY }],
      [run("old-done", { createdAt: now - 40 * DAY, runAt: now - 40 * DAY }), run("old-open", { createdAt: now - 40 * DAY, runAt: now - 40 * DAY })],
      [],
      now,
    );
    await store.patchRun({ id: "old-done", status: "completed", endedAt: now - 40 * DAY });
    const due = await store.dueRuns(now, 10, [], []);
    expect(due.map((r) => r.id)).toContain("old-open");
    expect(await store.claim(["old-open"], now, now + 30_000)).toEqual(new Set(["old-open"]));
    expect(await store.claim(["old-open"], now, now + 30_000)).toEqual(new Set());
    expect(await store.prune(now - 30 * DAY)).toEqual({ runs: 1, events: 1 });
    expect(await getRun(t.db, "old-done")).toBeNull();
    expect(await getRun(t.db, "old-open")).not.toBeNull();
  });
});
