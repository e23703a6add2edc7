import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRuns, startHarness, type Harness } from "./testing/harness";

describe.each([
  { checkpointing: true, signed: true },
  { checkpointing: false, signed: true },
  { checkpointing: true, signed: false },
])("embedded executor steps (checkpointing $checkpointing, signed $signed)", ({ checkpointing, signed }) => {
  let h: Harness;
  const calls = { a: 0, b: 0, c: 0, p1: 0, p2: 0, p3: 0, after: 0 };

  beforeAll(async () => {
    h = await startHarness((inngest) => [
      inngest.createFunction({ id: "three-steps", triggers: [{ event: "test/three" }] }, async ({ event, step }) => {
        const a = await step.run("a", () => { calls.a++; return (event.data as { n: number }).n; });
        const b = await step.run("b", () => { calls.b++; return a * 2; });
        const c = await step.run("c", () => { calls.c++; return { sum: a + b }; });
        return { a, b, c };
      }),
      inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
        const [x, y, z] = await Promise.all([
          step.run("p1", () => { calls.p1++; return 1; }),
          step.run("p2", () => { calls.p2++; return 2; }),
          step.run("p3", () => { calls.p3++; return 3; }),
        ]);
        const total = await step.run("after", () => { calls.after++; return x + y + z; });
        return total;
      }),
    ], { checkpointing, signed });
  });
  afterAll(() => h?.close());

  it("completes a multi-step function with memoized results, each step body running once", async () => {
    const ids = await h.executor.send({ name: "test/three", data: { n: 5 } });
    expect(ids).toHaveLength(1);
    const [run] = await finishedRuns(h.db, "test-app-three-steps");
    expect(run!.status).toBe("completed");
    expect(run!.output).toEqual({ a: 5, b: 10, c: { sum: 15 } });
    expect(calls).toMatchObject({ a: 1, b: 1, c: 1 });
    expect(run!.steps.map((s) => [s.name, s.op, s.seq, s.data])).toEqual([
      ["a", "StepRun", 1, 5],
      ["b", "StepRun", 2, 10],
      ["c", "StepRun", 3, { sum: 15 }],
    ]);
  });

  it("runs parallel steps once each, then continues", async () => {
    await h.executor.send({ name: "test/parallel", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-parallel");
    expect(run!.status).toBe("completed");
    expect(run!.output).toBe(6);
    expect(calls).toMatchObject({ p1: 1, p2: 1, p3: 1, after: 1 });
    expect(run!.steps.map((s) => s.name).sort()).toEqual(["after", "p1", "p2", "p3"]);
  });
});
