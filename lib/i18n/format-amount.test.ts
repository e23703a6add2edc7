import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatAmount } from "./format-amount";

describe("formatAmount", () => {
  it("formats a stored Decimal per locale, euro by default", () => {
    expect(formatAmount("nl", new Decimal("1234.56"), null)).toBe("€ 1.234,56");
    expect(formatAmount("en", new Decimal("1234.56"), "EUR")).toBe("€1,234.56");
  });
  it("writes other currencies with their symbol", () => {
    expect(formatAmount("en", "10", "usd")).toBe("$10.00");
  });
  it("writes an unknown currency code instead of failing", () => {
    expect(formatAmount("nl", "1234.5", "EURO")).toBe("EURO 1.234,50");
    expect(formatAmount("en", "1234.5", "EURO")).toBe("EURO 1,234.50");
  });
});
