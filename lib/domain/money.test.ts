import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { centsOf, D, formatScaled, money, roundRatio, scaledOf } from "./money";

describe("money", () => {
  it("reads shop amounts from text, JSON numbers and Decimals", () => {
    expect(money("12,40").toFixed()).toBe("12.4");
    expect(money(0.1).toFixed()).toBe("0.1");
    expect(money(null).toFixed()).toBe("0");
  });

  it("re-reads a Decimal of another configuration with ours, so later divisions keep 24 digits", () => {
    const theirs = Decimal.clone({ precision: 5 });
    const read = money(new theirs("2"));
    expect(read.constructor).toBe(D);
    expect(read.div(3).toFixed()).toBe("0.666666666666666666666667");
  });

  it("refuses what is not a number, naming the field", () => {
    expect(() => money("12 euro", "total_price")).toThrow('total_price is not a number: "12 euro"');
    expect(() => money(Number.NaN, "tax")).toThrow("tax is not a number");
    expect(() => money(Number.POSITIVE_INFINITY, "tax")).toThrow("tax is not a number");
  });
});

describe("scaled integers beside Decimal", () => {
  it("scaledOf reads what money() reads, or leaves it to money()", () => {
    for (const value of ["12,40", " 12.40 ", "-0.05", ".5", "+3", "0", "", null, undefined, 0.1, 12.34, -7, -0.05, 0.05, -0, 123456789.12345, 1234567890.123456, 1e-7, 1e21, "1e3", "12 euro", "1.", "-", "1234567890123456"]) {
      const scaled = scaledOf(value as string);
      if (scaled) expect(formatScaled(scaled.n, scaled.dp)).toBe(money(value as string).toFixed());
    }
    expect(scaledOf(1e-7)).toBeUndefined();
    expect(scaledOf("1e3")).toBeUndefined();
    expect(scaledOf("12 euro")).toBeUndefined();
    expect(scaledOf("1234567890123456")).toBeUndefined();
    expect(scaledOf("12,40")).toEqual({ n: 1240, dp: 2 });
    expect(scaledOf(-0.05)).toEqual({ n: -5, dp: 2 });
    expect(scaledOf(1234567890.123456)).toBeUndefined();
  });

  it("roundRatio rounds half-up away from zero like cents(), and leaves exact halves and unsafe sizes undefined", () => {
    expect(roundRatio(1234, 1000, 2)).toBe(123); // 1.234 → 1.23
    expect(roundRatio(-1236, 1000, 2)).toBe(-124);
    expect(roundRatio(1, 3, 2)).toBe(33);
    expect(roundRatio(-1, 300, 2)).toBe(0);
    expect(roundRatio(1235, 1000, 2)).toBeUndefined();
    expect(roundRatio(1235, 1000, 2, true)).toBe(124);
    expect(roundRatio(-1235, 1000, 2, true)).toBe(-124);
    expect(roundRatio(2 ** 52, 3, 6)).toBeUndefined();
  });

  it("formatScaled writes what Decimal's toFixed() writes", () => {
    for (const [n, dp] of [[0, 2], [-5, 2], [120, 2], [1200, 2], [123456, 6], [-1000000, 6], [7, 0], [-7, 3]] as const) {
      expect(formatScaled(n, dp)).toBe(new D(n).div(10 ** dp).toFixed());
    }
  });

  it("centsOf reads two-decimal strings as integer cents", () => {
    expect(centsOf("12.4")).toBe(1240);
    expect(centsOf("-0.05")).toBe(-5);
    expect(centsOf("1.005")).toBeUndefined();
  });
});
