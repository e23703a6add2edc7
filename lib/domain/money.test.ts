import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { D, money } from "./money";

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
