import { describe, expect, it } from "vitest";
import { D } from "./money";
import { asPercentage, salesLine } from "./sales-line";

const amounts = (excl: string, incl: string) => ({ excl: new D(excl), incl: new D(incl) });

describe("salesLine", () => {
  it("rounds totals and discounts half-up to cents, keeps six decimals of the unit price, and takes VAT as incl − excl", () => {
    expect(
      salesLine({
        kind: "product",
        description: "Mok blauw",
        code: "MOK-01",
        quantity: new D(3),
        vatRate: new D(21),
        unitPrice: amounts("12.3966942148", "15"),
        total: amounts("33.0578512395", "40.005"),
        discount: amounts("4.1322314", "5.0049"),
      }),
    ).toEqual({
      kind: "product",
      code: "MOK-01",
      description: "Mok blauw",
      quantity: "3",
      vatRate: "21",
      unitPriceExcl: "12.396694",
      unitPriceIncl: "15",
      discountExcl: "4.13",
      discountIncl: "5",
      totalExcl: "33.06",
      totalIncl: "40.01",
      vatAmount: "6.95",
    });
  });

  it("has no discount unless given one, and keeps the sign of credit lines", () => {
    const line = salesLine({ kind: "shipping", description: "Shipping costs", quantity: new D(-1), vatRate: new D(9), unitPrice: amounts("4.587156", "5"), total: amounts("-4.587156", "-5") });
    expect(line).toMatchObject({ quantity: "-1", vatRate: "9", discountExcl: "0", discountIncl: "0", totalExcl: "-4.59", totalIncl: "-5", vatAmount: "-0.41" });
    expect(line.code).toBeUndefined();
  });
});

describe("asPercentage", () => {
  it.each([
    ["0.21", "21"],
    ["0.09", "9"],
    ["21", "21"],
    ["1", "1"],
    ["0", "0"],
    ["-0.21", "-0.21"],
  ])("%s → %s", (rate, expected) => {
    expect(asPercentage(new D(rate)).toFixed()).toBe(expected);
  });
});
