import { describe, expect, it } from "vitest";
import { backoffMs, parseRetryAfter } from "./backoff";
import { parseDuration, sleepUntil } from "./duration";

describe("durations", () => {
  it("parses the SDK's time strings and ms-style strings", () => {
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("1w2d3h4m5s")).toBe(((7 + 2) * 24 * 3600 + 3 * 3600 + 4 * 60 + 5) * 1000);
    expect(parseDuration("10 seconds")).toBe(10_000);
    expect(parseDuration("1.5h")).toBe(5_400_000);
    expect(parseDuration("250")).toBe(250);
    expect(parseDuration("")).toBe(0);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("5 parsecs")).toBeUndefined();
  });

  it("resolves Sleep ops: duration in name, ISO date for sleepUntil, legacy opts.duration", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(sleepUntil("10s", {}, now)).toBe(now + 10_000);
    expect(sleepUntil("2026-01-02T00:00:00.000Z", {}, now)).toBe(Date.parse("2026-01-02T00:00:00Z"));
    expect(sleepUntil(undefined, { duration: "1m" }, now)).toBe(now + 60_000);
    expect(sleepUntil("nonsense", {}, now)).toBeUndefined();
  });
});

describe("backoff", () => {
  it("doubles per failed attempt within ±25% jitter, capped", () => {
    expect(backoffMs(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 0.5)).toBe(4000);
    expect(backoffMs(20, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(backoffMs(2, 1000, 60_000, () => 0)).toBe(1500);
    expect(backoffMs(2, 1000, 60_000, () => 0.999999)).toBeLessThanOrEqual(2500);
  });

  it("reads Retry-After as seconds or a date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("2026-01-01T00:01:00.000Z", now)).toBe(60_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("later", now)).toBeUndefined();
  });
});
