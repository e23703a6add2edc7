import { describe, expect, it } from "vitest";
import { cents, D } from "./money";
import { fitUnitPrice } from "./unit-price";

const fit = (total: string, quantity: string, maxDecimals: number, factor?: string) =>
  fitUnitPrice(new D(total), new D(quantity), maxDecimals, factor === undefined ? undefined : new D(factor));

describe("fitUnitPrice", () => {
  it("takes the fewest decimals, at least two, for which quantity × price lands on the total", () => {
    expect(fit("8.26", "3", 6)).toEqual({ price: new D("2.753"), decimals: 3 });
    expect(fit("12.40", "2", 6)).toEqual({ price: new D("6.2"), decimals: 2 });
    expect(fit("-8.26", "-3", 6)).toEqual({ price: new D("2.753"), decimals: 3 });
    expect(fit("10", "3", 6)).toEqual({ price: new D("3.333"), decimals: 3 });
  });

  it("lands on the total incl. VAT when the target multiplies by (1 + rate)", () => {
    const priced = fit("24.95", "1", 5, "1.21")!;
    expect(priced.price.toFixed()).toBe("20.62");
    expect(cents(priced.price.times("1.21")).toFixed(2)).toBe("24.95");
    expect(fit("11.98", "2", 5, "1.09")!.price.toFixed()).toBe("5.495");
  });

  it("has no answer for a zero quantity, nor when the decimals allowed do not reach", () => {
    expect(fit("5.00", "0", 6)).toBeUndefined();
    expect(fit("0", "0", 6)).toBeUndefined();
    expect(fit("10", "3", 2)).toBeUndefined(); // 3 × 3.33 = 9.99
    expect(fit("0.01", "1000000000", 6)).toBeUndefined();
  });

  it("every price it gives reproduces the total to the cent", () => {
    for (const [total, quantity] of [["19.99", "7"], ["0.05", "3"], ["1234.56", "0.75"], ["-3.10", "-4"]] as const) {
      const priced = fit(total, quantity, 10)!;
      expect(cents(priced.price.times(quantity)).eq(total)).toBe(true);
      expect(priced.decimals).toBeGreaterThanOrEqual(2);
      expect(priced.price.decimalPlaces()).toBeLessThanOrEqual(priced.decimals);
    }
  });
});
