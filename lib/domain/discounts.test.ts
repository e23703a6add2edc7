import { describe, expect, it } from "vitest";
import { allocateDiscount, splitInCents } from "./discounts";
import { D, money, sum } from "./money";
import { testLine } from "./test-lines";

const total = (lines: { totalIncl: string }[]) => sum(lines.map((l) => money(l.totalIncl))).toFixed(2);

describe("splitInCents", () => {
  it("splits in proportion and adds up to the cent", () => {
    expect(splitInCents(new D("10.00"), [new D(1), new D(1), new D(1)]).map((d) => d.toFixed(2))).toEqual(["3.34", "3.33", "3.33"]);
    expect(splitInCents(new D("5.00"), [new D("121"), new D("109")]).map((d) => d.toFixed(2))).toEqual(["2.63", "2.37"]);
  });
  it("puts everything on the first part when there is nothing to weigh by", () => {
    expect(splitInCents(new D("1.00"), [new D(0), new D(0)]).map((d) => d.toFixed(2))).toEqual(["1.00", "0.00"]);
  });
});

describe("allocateDiscount", () => {
  const lines = [testLine("21", "100.00", "21.00"), testLine("9", "100.00", "9.00"), testLine("21", "4.13", "0.87", { kind: "shipping" })];

  it("spreads a discount incl. VAT over the product lines' rates in proportion to their amounts incl. VAT", () => {
    const parts = allocateDiscount(lines, { amount: new D("10.00"), includesVat: true, description: "Coupon" });
    expect(parts.map((p) => [p.vatRate, p.totalIncl, p.totalExcl, p.vatAmount])).toEqual([
      ["21", "-5.26", "-4.35", "-0.91"],
      ["9", "-4.74", "-4.35", "-0.39"],
    ]);
    expect(total(parts)).toBe("-10.00");
    expect(parts.every((p) => p.kind === "discount" && p.description === "Coupon")).toBe(true);
  });

  it("books a discount given excl. VAT at each rate with its own VAT", () => {
    const parts = allocateDiscount(lines, { amount: new D("10.00"), includesVat: false, description: "Korting" });
    expect(sum(parts.map((p) => money(p.totalExcl))).toFixed(2)).toBe("-10.00");
    expect(parts.map((p) => [p.vatRate, p.totalExcl, p.vatAmount, p.totalIncl])).toEqual([
      ["21", "-5.26", "-1.10", "-6.36"],
      ["9", "-4.74", "-0.43", "-5.17"],
    ]);
  });

  it("turns the sign on a credit note: the discount reduces the refund", () => {
    const credit = lines.map((l) => ({ ...l, quantity: "-1", totalExcl: `-${l.totalExcl}`, totalIncl: `-${l.totalIncl}`, vatAmount: `-${l.vatAmount}` }));
    const parts = allocateDiscount(credit, { amount: new D("10.00"), includesVat: true, description: "Coupon" }, -1);
    expect(total(parts)).toBe("10.00");
    expect(parts.every((p) => money(p.unitPriceIncl).times(money(p.quantity)).eq(money(p.totalIncl)))).toBe(true);
  });

  it("gives nothing for a zero discount", () => {
    expect(allocateDiscount(lines, { amount: new D(0), includesVat: true, description: "-" })).toEqual([]);
  });
});
