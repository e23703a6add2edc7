import { describe, expect, it } from "vitest";
import { Gates, Windows } from "./gates";
import { compileFunction, gatesFor, primaryKey, Registry, triggerMatches } from "./registry";
import type { FunctionConfig } from "./schemas";

const config = (over: Partial<FunctionConfig>): FunctionConfig => ({
  id: "app-fn",
  triggers: [{ event: "shop/order.created" }],
  steps: { step: { runtime: { url: "http://localhost:3000/api/inngest?fnId=app-fn&stepId=step" } } },
  ...over,
});

describe("function configs", () => {
  it("maps retries to attempts (default 4 retries) and reads every concurrency shape", () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(compileFunction("app", config({}), warn).maxAttempts).toBe(5);
    expect(compileFunction("app", config({ steps: { step: { runtime: { url: "http://x/api" }, retries: { attempts: 0 } } } }), warn).maxAttempts).toBe(1);
    const fn = compileFunction("app", config({ concurrency: [{ limit: 1, key: "event.data.licenseKey" }, { limit: 5 }] }), warn);
    const gates = gatesFor(fn, { data: { licenseKey: "K" } });
    expect(gates).toEqual([
      { key: "fn:app-fn:K", limit: 1, keyed: true },
      { key: "fn:app-fn", limit: 5, keyed: false },
    ]);
    expect(primaryKey(gates)).toBe("fn:app-fn:K");
    expect(gatesFor(compileFunction("app", config({ concurrency: 2 }), warn), {})).toEqual([{ key: "fn:app-fn", limit: 2, keyed: false }]);
    expect(gatesFor(compileFunction("app", config({ concurrency: { limit: 1, key: "event.data.a", scope: "env" } }), warn), { data: { a: 1 } }))
      .toEqual([{ key: "env:1", limit: 1, keyed: true }]);
    expect(warnings).toEqual([]);
  });

  it("warns about what it ignores, and falls back to a function-wide limit for keys it cannot read", () => {
    const warnings: string[] = [];
    const fn = compileFunction("app", config({ concurrency: { limit: 1, key: "event.data.x.startsWith('a')" }, debounce: { period: "5s" } } as Partial<FunctionConfig>), (m) => warnings.push(m));
    expect(gatesFor(fn, { data: { x: "abc" } })).toEqual([{ key: "fn:app-fn", limit: 1, keyed: false }]);
    expect(warnings.join("\n")).toMatch(/concurrency key .* not supported/);
    expect(warnings.join("\n")).toMatch(/"debounce" is not supported/);
  });

  it("matches triggers by name, prefix wildcard and expression", () => {
    const registry = new Registry(() => {});
    registry.setApp("app", [
      config({ id: "app-a", triggers: [{ event: "shop/*" }] }),
      config({ id: "app-b", triggers: [{ event: "shop/order.created", expression: "event.data.total > 10" }] }),
      config({ id: "app-c", triggers: [{ cron: "0 3 * * *" }] }),
    ]);
    const names = (e: { name: string; data?: unknown }) => registry.triggeredBy(e.name).filter((f) => triggerMatches(f, e)).map((f) => f.id);
    expect(names({ name: "shop/order.created", data: { total: 20 } })).toEqual(["app-a", "app-b"]);
    expect(names({ name: "shop/order.created", data: { total: 5 } })).toEqual(["app-a"]);
    expect(names({ name: "other/x" })).toEqual([]);
    expect(registry.get("app-c")!.crons[0]!.source).toBe("0 3 * * *");
  });
});

describe("gates and windows", () => {
  it("admits up to the limit per key and frees on release", () => {
    const gates = new Gates();
    const k1 = [{ key: "fn:f:K1", limit: 1, keyed: true }];
    const k2 = [{ key: "fn:f:K2", limit: 1, keyed: true }];
    expect(gates.tryAcquire(k1)).toBe(true);
    expect(gates.tryAcquire(k1)).toBe(false);
    expect(gates.tryAcquire(k2)).toBe(true);
    expect(gates.full()).toEqual({ functions: [], keys: ["fn:f:K1", "fn:f:K2"] });
    gates.release(k1);
    expect(gates.tryAcquire(k1)).toBe(true);
    const fnWide = [{ key: "fn:f", limit: 1, keyed: false }];
    expect(gates.tryAcquire(fnWide)).toBe(true);
    expect(gates.full().functions).toEqual(["f"]);
  });

  it("throttles within a sliding window and says when there is room again", () => {
    const w = new Windows();
    expect(w.take("k", 2, 1000, 0)).toBe(true);
    expect(w.take("k", 2, 1000, 100)).toBe(true);
    expect(w.take("k", 2, 1000, 200)).toBe(1000);
    expect(w.take("k", 2, 1000, 1001)).toBe(true);
  });
});
