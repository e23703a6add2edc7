import fc from "fast-check";
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

describe("scaledOf on JSON numbers", () => {
  it("reads the same digits as the number's shortest text (what Decimal reads), for many kinds of numbers", () => {
    const viaText = (value: number) => {
      const text = String(value);
      const dot = text.indexOf(".");
      return dot < 0 ? { n: Number(text), dp: 0 } : { n: Number(text.replace(".", "")), dp: text.length - dot - 1 };
    };
    const numbers = fc.oneof(
      fc.tuple(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.integer({ min: 1, max: 8 })).map(([n, dp]) => n / 10 ** dp),
      fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 9_999 })).map(([a, b]) => a + b / 10_000),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    );
    fc.assert(fc.property(numbers, (value) => {
      const scaled = scaledOf(value);
      if (String(value).includes("e") || !scaled) return;
      expect(scaled.n === 0 ? { n: 0, dp: 0 } : scaled).toEqual(value === 0 ? { n: 0, dp: 0 } : viaText(value));
      expect(formatScaled(scaled.n, scaled.dp)).toBe(money(value).toFixed());
    }), { numRuns: 100_000, seed: 5 });
  });
});

describe("centsOf", () => {
  it("reads every amount string as scaledOf does, digit by digit or not", () => {
    const strings = fc.oneof(
      fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 })).map(([n, dp]) => formatScaled(n, dp)),
      fc.stringMatching(/^[-+ ]?\d{0,17}[.,]?\d{0,4}[ e]?$/),
    );
    fc.assert(fc.property(strings, (text) => {
      const s = scaledOf(text);
      const expected = s && s.dp <= 2 ? s.n * 10 ** (2 - s.dp) : undefined;
      expect(centsOf(text)).toBe(expected === undefined || Number.isSafeInteger(expected) ? (expected === 0 ? 0 : expected) : undefined);
    }), { numRuns: 50_000, seed: 9 });
  });
});

describe("money() reads each distinct string once", () => {
  it("gives the same value for a string read again, and refuses a bad one every time", () => {
    expect(money("12,40").toFixed()).toBe("12.4");
    expect(money("12,40").toFixed()).toBe("12.4");
    expect(money(" 12.40").eq(money("12.4"))).toBe(true);
    for (let i = 0; i < 2; i++) expect(() => money("12 euro", "total_price")).toThrow('total_price is not a number: "12 euro"');
  });

  it("keeps reading correctly past the size the memory of strings is cleared at", () => {
    for (let i = 0; i < 25_000; i++) expect(money(`${i}.5`).toFixed()).toBe(`${i}.5`);
    expect(money("0.5").toFixed()).toBe("0.5");
  });
});
