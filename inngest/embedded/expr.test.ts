import { describe, expect, it } from "vitest";
import { compileExpression, keyString, UnsupportedExpression } from "./expr";

const ev = { name: "shop/order.created", data: { licenseKey: "K-1", n: 3, nested: { a: [1, 2] }, flag: true } };
const run = (src: string, vars: Record<string, unknown> = { event: ev }) => compileExpression(src)(vars);

describe("expressions", () => {
  it("reads event paths (missing ones are empty)", () => {
    expect(run("event.data.licenseKey")).toBe("K-1");
    expect(run("event.data.nested.a[1]")).toBe(2);
    expect(run("event.data['licenseKey']")).toBe("K-1");
    expect(run("event.data.missing.deeper")).toBeUndefined();
    expect(keyString(run("event.data.missing"))).toBe("");
    expect(keyString(run("event.data.nested"))).toBe('{"a":[1,2]}');
  });

  it("evaluates onFailure and cancelOn expressions", () => {
    const failed = { data: { function_id: "app-fn" } };
    expect(run("event.data.function_id == 'app-fn'", { event: failed })).toBe(true);
    expect(run("event.data.function_id == 'app-other'", { event: failed })).toBe(false);
    expect(run("event.data.licenseKey == async.data.licenseKey", { event: ev, async: { data: { licenseKey: "K-1" } } })).toBe(true);
    expect(run("event.data.licenseKey == async.data.licenseKey", { event: ev, async: { data: {} } })).toBe(false);
  });

  it("supports comparisons, logic, concatenation and lists", () => {
    expect(run("event.data.n > 2 && event.data.flag")).toBe(true);
    expect(run("event.data.n >= 4 || !event.data.flag")).toBe(false);
    expect(run("event.data.licenseKey + ':' + event.data.n")).toBe("K-1:3");
    expect(run("event.data.n in [1, 2, 3]")).toBe(true);
    expect(run("(event.data.n - 1) == 2")).toBe(true);
    expect(run('event.name != "x"')).toBe(true);
    expect(run("event.data.missing == null")).toBe(true);
  });

  it("rejects what it does not understand instead of guessing", () => {
    for (const bad of ["event.data.x.startsWith('a')", "size(event.data)", "event.data.x ==", "a ? b : c", "'open"]) {
      expect(() => compileExpression(bad), bad).toThrow(UnsupportedExpression);
    }
  });
});
