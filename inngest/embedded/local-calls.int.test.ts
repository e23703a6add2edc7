import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localExecutorFetch } from "./local-calls";
import { finishedRuns, startHarness, type Harness } from "./testing/harness";

/**
 * The app's client and the embedded executor in one process, as `npm start` runs them: events and
 * the checkpoints of steps the SDK runs inline go straight to the executor, never over its socket,
 * and a run's steps are memoized exactly as over HTTP.
 */
describe("the executor reached from its own process", () => {
  let h: Harness;
  const toExecutor: string[] = [];
  beforeAll(async () => {
    h = await startHarness((inngest) => [
      inngest.createFunction({ id: "three-steps", triggers: [{ event: "local/run" }], retries: 0 }, async ({ step, event }) => {
        const a = await step.run("a", () => (event.data as { n: number }).n + 1);
        const b = await step.run("b", () => a * 2);
        return step.run("c", () => `${a}/${b}`);
      }),
    ], { localCalls: true });
    const network = globalThis.fetch;
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith(h.executor.url)) toExecutor.push(url);
      return network(input, init);
    });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await h?.close();
  });

  it("runs a multi-step function with its event and checkpoints delivered in-process", async () => {
    await h.inngest.send({ name: "local/run", data: { n: 4 } });
    const [run] = await finishedRuns(h.db, "test-app-three-steps");
    expect(run!.status).toBe("completed");
    expect(run!.steps.map((s) => s.op)).toEqual(["StepRun", "StepRun", "StepRun"]);
    expect(JSON.parse(JSON.stringify(run!.output))).toBe("5/10");
    expect(toExecutor).toEqual([]);
  });

  it("refuses what its HTTP endpoints refuse, with the same answer", async () => {
    for (const [path, body] of [["/e/key", "<html>"], ["/v1/checkpoint/nope/async", "{}"], ["/e/key", JSON.stringify([{ data: {} }])]] as const) {
      const local = await localExecutorFetch(`${h.executor.url}${path}`, { method: "POST", body });
      const remote = await fetch(`${h.executor.url}${path}`, { method: "POST", body });
      expect(local.status, path).toBe(remote.status);
      expect(await local.json(), path).toEqual(await remote.json());
      expect(local.status).toBeGreaterThanOrEqual(400);
    }
  });
});
