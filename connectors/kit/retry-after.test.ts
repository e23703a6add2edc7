import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryAfterMs } from "./retry-after";

const now = Date.parse("2024-05-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["7", 7_000],
    [" 120 ", 120_000],
    ["1.5", 1_500],
    ["0.0001", 1],
    ["0", 0],
    ["Wed, 01 May 2024 12:00:30 GMT", 30_000],
    ["Wed, 01 May 2024 11:59:00 GMT", 0],
  ])("%s → %s ms", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([[null], [undefined], [""], ["   "], ["soon"]])("%s → undefined", (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe("retryAfterMs", () => {
  it("waits as told, or a minute", () => {
    expect(retryAfterMs("7", now)).toBe(7_000);
    expect(retryAfterMs(null, now)).toBe(60_000);
    expect(retryAfterMs("later", now)).toBe(60_000);
  });
});
