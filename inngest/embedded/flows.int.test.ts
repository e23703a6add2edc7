import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRuns, runsOf, startHarness, waitFor, type Harness } from "./testing/harness";

describe("embedded executor flows", () => {
  let h: Harness;
  const fanned: string[] = [];
  let fnErrors = 0;
  const throttledAt: number[] = [];
  let rateLimited = 0;
  const serial: { active: number; max: number } = { active: 0, max: 0 };
  const wild: string[] = [];
  const conditional: number[] = [];

  beforeAll(async () => {
    h = await startHarness((inngest) => {
      const child = inngest.createFunction({ id: "child", triggers: [] }, async ({ event, step }) => {
        const doubled = await step.run("double", () => (event.data as { n: number }).n * 2);
        return { doubled };
      });
      return [
        child,
        inngest.createFunction({ id: "fan-out", triggers: [{ event: "test/fan-out" }] }, async ({ step }) => {
          const sent = await step.sendEvent("send-children", [
            { name: "test/fanned", data: { n: 1 } },
            { name: "test/fanned", data: { n: 2 } },
          ]);
          return sent.ids.length;
        }),
        inngest.createFunction({ id: "fanned", triggers: [{ event: "test/fanned" }] }, async ({ event, step }) => {
          await step.run("record", () => fanned.push(String(event.data.n)));
        }),
        inngest.createFunction({ id: "waiter", triggers: [{ event: "test/wait" }] }, async ({ event, step }) => {
          const approval = await step.waitForEvent("approval", {
            event: "test/approved",
            timeout: (event.data as { timeout: string }).timeout,
            if: "event.data.orderId == async.data.orderId",
          });
          return approval ? { approvedBy: approval.data.by } : "timed out";
        }),
        inngest.createFunction({ id: "invoker", triggers: [{ event: "test/invoke" }] }, async ({ step }) => {
          const result = await step.invoke("call-child", { function: child, data: { n: 21 } });
          return result;
        }),
        inngest.createFunction(
          { id: "cancellable", triggers: [{ event: "test/cancellable" }], cancelOn: [{ event: "test/cancel", match: "data.orderId" }] },
          async ({ step }) => {
            await step.sleep("long", "30s");
            return "not cancelled";
          },
        ),
        inngest.createFunction({ id: "fn-error", triggers: [{ event: "test/fn-error" }], retries: 2 }, async ({ step }) => {
          await step.run("fine", () => "ok");
          fnErrors++;
          throw new Error("broken after the step");
        }),
        inngest.createFunction({ id: "throttled", triggers: [{ event: "test/throttled" }], throttle: { limit: 1, period: "2s" } }, async ({ step }) => {
          await step.run("go", () => throttledAt.push(Date.now()));
        }),
        inngest.createFunction({ id: "rate-limited", triggers: [{ event: "test/rate-limited" }], rateLimit: { limit: 1, period: "1m" } }, async ({ step }) => {
          await step.run("go", () => rateLimited++);
        }),
        inngest.createFunction({ id: "serial", triggers: [{ event: "test/serial" }], concurrency: 1 }, async ({ step }) => {
          await step.run("work", async () => {
            serial.max = Math.max(serial.max, ++serial.active);
            await new Promise((r) => setTimeout(r, 50));
            serial.active--;
          });
        }),
        inngest.createFunction({ id: "wild", triggers: [{ event: "test/wild.*" }] }, async ({ event, step }) => {
          await step.run("record", () => wild.push(event.name));
        }),
        inngest.createFunction({ id: "conditional", triggers: [{ event: "test/conditional", if: "event.data.amount > 100" }] }, async ({ event, step }) => {
          await step.run("record", () => conditional.push((event.data as { amount: number }).amount));
        }),
      ];
    });
  });
  afterAll(() => h?.close());

  it("step.sendEvent starts the functions it triggers", async () => {
    await h.executor.send({ name: "test/fan-out", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-fan-out");
    expect(run!.output).toBe(2);
    const children = await finishedRuns(h.db, "test-app-fanned", 2);
    expect(children.every((c) => c.status === "completed")).toBe(true);
    expect(fanned.sort()).toEqual(["1", "2"]);
  });

  it("step.waitForEvent resumes on a matching event and times out otherwise", async () => {
    await h.executor.send([
      { name: "test/wait", data: { orderId: "A", timeout: "1m" } },
      { name: "test/wait", data: { orderId: "B", timeout: "1s" } },
    ]);
    await waitFor(async () => (await h.db.execStep.count({ where: { op: "WaitForEvent", seq: null } })) === 2, "both waits parked");
    await h.executor.send([
      { name: "test/approved", data: { orderId: "other", by: "nobody" } },
      { name: "test/approved", data: { orderId: "A", by: "Ann" } },
    ]);
    const runs = await finishedRuns(h.db, "test-app-waiter", 2);
    const byOrder = Object.fromEntries(runs.map((r) => [(r.event as { data: { orderId: string } }).data.orderId, r.output]));
    expect(byOrder).toEqual({ A: { approvedBy: "Ann" }, B: "timed out" });
  });

  it("step.invoke runs the other function and returns its result", async () => {
    await h.executor.send({ name: "test/invoke", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-invoker");
    expect(run!.status).toBe("completed");
    expect(run!.output).toEqual({ doubled: 42 });
    const [child] = await runsOf(h.db, "test-app-child");
    expect((child!.event as { name: string }).name).toBe("inngest/function.invoked");
  });

  it("cancelOn cancels matching runs only", async () => {
    await h.executor.send([
      { name: "test/cancellable", data: { orderId: "X" } },
      { name: "test/cancellable", data: { orderId: "Y" } },
    ]);
    await waitFor(async () => (await h.db.execStep.count({ where: { op: "Sleep", seq: null, run: { functionId: "test-app-cancellable" } } })) === 2, "both runs asleep");
    await h.executor.send({ name: "test/cancel", data: { orderId: "X" } });
    await waitFor(async () => (await runsOf(h.db, "test-app-cancellable")).some((r) => r.status === "cancelled"), "a cancelled run");
    const runs = await runsOf(h.db, "test-app-cancellable");
    const byOrder = Object.fromEntries(runs.map((r) => [(r.event as { data: { orderId: string } }).data.orderId, r.status]));
    expect(byOrder).toEqual({ X: "cancelled", Y: "running" });
  });

  it("retries a function-level error, then fails the run", async () => {
    await h.executor.send({ name: "test/fn-error", data: {} });
    const [run] = await finishedRuns(h.db, "test-app-fn-error");
    expect(run!.status).toBe("failed");
    expect(fnErrors).toBe(3); // retries: 2
    expect((run!.error as { message: string }).message).toBe("broken after the step");
    expect(run!.steps.map((s) => [s.name, s.op, s.attempts])).toEqual([["fine", "StepRun", 1]]);
  });

  it("throttles starts, drops rate-limited events, and applies a function-wide concurrency limit", async () => {
    await h.executor.send([
      { name: "test/throttled", data: {} }, { name: "test/throttled", data: {} },
      { name: "test/rate-limited", data: {} }, { name: "test/rate-limited", data: {} },
      ...Array.from({ length: 4 }, () => ({ name: "test/serial", data: {} })),
    ]);
    const throttled = await finishedRuns(h.db, "test-app-throttled", 2, 20_000);
    expect(throttledAt).toHaveLength(2);
    // Starts as the executor saw them (step bodies may lag behind on a busy machine).
    const [first, second] = throttled.map((r) => r.startedAt!.getTime()).sort((a, b) => a - b);
    expect(second! - first!).toBeGreaterThanOrEqual(2_000);
    await finishedRuns(h.db, "test-app-rate-limited");
    expect(await runsOf(h.db, "test-app-rate-limited")).toHaveLength(1);
    await finishedRuns(h.db, "test-app-serial", 4);
    expect(serial.max).toBe(1);
  });

  it("matches wildcard triggers and honours trigger expressions", async () => {
    await h.executor.send([
      { name: "test/wild.one", data: {} }, { name: "test/wilder", data: {} },
      { name: "test/conditional", data: { amount: 50 } }, { name: "test/conditional", data: { amount: 150 } },
    ]);
    await finishedRuns(h.db, "test-app-wild");
    await finishedRuns(h.db, "test-app-conditional");
    await new Promise((r) => setTimeout(r, 200));
    expect(wild).toEqual(["test/wild.one"]);
    expect(conditional).toEqual([150]);
  });

  it("accepts events over HTTP like the Inngest event API, and rejects bad ones", async () => {
    const post = (body: unknown) =>
      fetch(`${h.executor.url}/e/any-key`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { ids?: string[]; status: number; error?: string } }));
    const one = await post({ name: "test/http", data: { a: 1 } });
    expect(one).toMatchObject({ status: 200, body: { status: 200 } });
    expect(one.body.ids).toHaveLength(1);
    const many = await post([{ name: "test/http" }, { name: "test/http", id: "x-1" }]);
    expect(many.body.ids).toHaveLength(2);
    const bad = await post([{ data: {} }]);
    expect(bad.status).toBe(400);
    expect(bad.body.status).toBe(400);
    expect(bad.body.error).toContain("name");
    // And the SDK's own client sends through the same door.
    const sent = await h.inngest.send({ name: "test/http", data: {} });
    expect(sent.ids).toHaveLength(1);
  });

  it("accepts out-of-band registration only from the app's own URL with the SDK's key", async () => {
    const register = (url: string, auth?: string) =>
      fetch(`${h.executor.url}/fn/register`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ url, appName: "evil", functions: [] }),
      }).then((r) => r.json() as Promise<{ status?: number; ok?: boolean }>);
    expect((await register(h.appUrl)).status).toBe(401);
    // A real PUT to the app makes the SDK register out-of-band with its key: that works.
    const res = await fetch(h.appUrl, { method: "PUT" });
    expect(res.status).toBe(200);
    expect(await h.db.execApp.count()).toBe(1);
    // A PUT with a forged Host would make the SDK register that host: refused.
    const evil = await new Promise<number>((resolve, reject) => {
      const req = http.request(h.appUrl, { method: "PUT", headers: { host: "attacker.example" } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(evil).toBe(400);
    expect((await h.db.execApp.findFirstOrThrow()).url).toBe(h.appUrl);
  });
});
