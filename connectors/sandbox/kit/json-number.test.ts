import { describe, expect, it } from "vitest";
import { D } from "@/lib/domain/money";
import { jsonNumber } from "./json-number";

describe("jsonNumber", () => {
  it("rounds half-up to the decimals asked, and comes back as the same decimal text", () => {
    expect(jsonNumber(new D("12.345"), 2)).toBe(12.35);
    expect(jsonNumber(new D("-0.005"), 2)).toBe(-0.01);
    expect(JSON.stringify({ a: jsonNumber(new D("1234567890.12"), 2) })).toBe('{"a":1234567890.12}');
  });
  it("keeps a value as it is without decimals", () => {
    expect(jsonNumber(new D("2.7521"))).toBe(2.7521);
  });
});
