import { NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRuns, runsOf, startHarness, waitFor, type Harness } from "./testing/harness";

describe("embedded executor failures and retries", () => {
  let h: Harness;
  const attemptsAt: number[] = [];
  const seenAttempts: number[] = [];
  const failures: { error: string; originalEvent: unknown }[] = [];
  let nonRetriable = 0;
  let fnLevelNonRetriable = 0;
  const retryAfterAt: number[] = [];
  let flaky = 0;

  beforeAll(async () => {
    h = await startHarness((inngest) => [
      inngest.createFunction(
        {
          id: "always-fails",
          triggers: [{ event: "test/fail" }],
          retries: 2,
          onFailure: async ({ error, event }: { error: Error; event: { data: { event: unknown } } }) => {
            failures.push({ error: error.message, originalEvent: event.data.event });
          },
        },
        async ({ step }) => {
          await step.run("boom", ({ attempt }: { attempt?: number } = {}) => {
            attemptsAt.push(Date.now());
            if (attempt !== undefined) seenAttempts.push(attempt);
            throw new Error("target system is down");
          });
        },
      ),
      inngest.createFunction({ id: "non-retriable", triggers: [{ event: "test/nonretriable" }], retries: 5 }, async ({ step }) => {
        await step.run("refuse", () => {
          nonRetriable++;
          throw new NonRetriableError("No integration has license key X.");
        });
      }),
      inngest.createFunction({ id: "fn-non-retriable", triggers: [{ event: "test/fn-nonretriable" }], retries: 5 }, async ({ step }) => {
        const found = await step.run("lookup", () => null);
        fnLevelNonRetriable++;
        if (!found) throw new NonRetriableError("nothing to do");
      }),
      inngest.createFunction({ id: "retry-after", triggers: [{ event: "test/retry-after" }], retries: 3 }, async ({ step }) => {
        return step.run("rate-limited", () => {
          retryAfterAt.push(Date.now());
          if (retryAfterAt.length === 1) throw new RetryAfterError("429 from the shop", "2s");
          return "ok";
        });
      }),
      inngest.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }], retries: 3 }, async ({ step }) => {
        const v = await step.run("flaky-step", () => {
          flaky++;
          if (flaky < 3) throw new Error(`flake ${flaky}`);
          return "third time lucky";
        });
        return v;
      }),
    ]);
  });
  afterAll(() => h?.close());

  it("retries a failing step with backoff, fails the run, and runs onFailure", async () => {
    await h.executor.send({ name: "test/fail", data: { orderId: "42" } });
    const [run] = await finishedRuns(h.db, "test-app-always-fails");
    expect(run!.status).toBe("failed");
    expect((run!.error as { message: string }).message).toContain("target system is down");
    // retries: 2 → 3 attempts, each after a backoff (base 50 ms, ±25%: at least ~37 ms apart).
    expect(attemptsAt).toHaveLength(3);
    expect(attemptsAt[1]! - attemptsAt[0]!).toBeGreaterThanOrEqual(30);
    expect(attemptsAt[2]! - attemptsAt[1]!).toBeGreaterThanOrEqual(60);
    const step = run!.steps.find((s) => s.name === "boom")!;
    expect(step.op).toBe("StepFailed");
    expect(step.attempts).toBe(3);

    // inngest/function.failed was emitted and the onFailure handler ran with the original event.
    const [failureRun] = await finishedRuns(h.db, "test-app-always-fails-failure");
    expect(failureRun!.status).toBe("completed");
    expect((failureRun!.event as { name: string }).name).toBe("inngest/function.failed");
    await waitFor(() => failures.length === 1, "onFailure handler");
    expect(failures[0]!.error).toContain("target system is down");
    expect(failures[0]!.originalEvent).toMatchObject({ name: "test/fail", data: { orderId: "42" } });
  });

  it("stops at once on NonRetriableError, in a step or in the function", async () => {
    await h.executor.send([{ name: "test/nonretriable", data: {} }, { name: "test/fn-nonretriable", data: {} }]);
    const [run] = await finishedRuns(h.db, "test-app-non-retriable");
    expect(run!.status).toBe("failed");
    expect(nonRetriable).toBe(1);
    expect((run!.error as { message: string }).message).toContain("No integration has license key X.");
    const [fnRun] = await finishedRuns(h.db, "test-app-fn-non-retriable");
    expect(fnRun!.status).toBe("failed");
    expect(fnLevelNonRetriable).toBe(1);
    expect(fnRun!.attempt).toBe(0);
  });

  it("honours RetryAfterError's delay", async () => {
    await h.executor.send({ name: "test/retry-after", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-retry-after");
    expect(run!.status).toBe("completed");
    expect(run!.output).toBe("ok");
    expect(retryAfterAt).toHaveLength(2);
    // Backoff alone would be ~50 ms; Retry-After says 2 s.
    expect(retryAfterAt[1]! - retryAfterAt[0]!).toBeGreaterThanOrEqual(1_900);
  });

  it("recovers when a retry succeeds, keeping the attempt count", async () => {
    await h.executor.send({ name: "test/flaky", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-flaky");
    expect(run!.status).toBe("completed");
    expect(run!.output).toBe("third time lucky");
    expect(flaky).toBe(3);
    expect(run!.steps[0]).toMatchObject({ op: "StepRun", attempts: 3, data: "third time lucky" });
    expect(await runsOf(h.db, "test-app-flaky-failure")).toEqual([]);
  });
});
