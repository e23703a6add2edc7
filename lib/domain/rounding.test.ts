import { describe, expect, it } from "vitest";
import { BookingError } from "./booking-error";
import { D } from "./money";
import { alignVatWithTotal, reconcile, targetTotals, totalsPerRate, type TargetArithmetic } from "./rounding";
import { testLine } from "./test-lines";

const perLineExcl: TargetArithmetic = { vat: "line", basis: "excl" };
const perRateExcl: TargetArithmetic = { vat: "rate", basis: "excl" };
const perLineIncl: TargetArithmetic = { vat: "line", basis: "incl" };
const given: TargetArithmetic = { vat: "given", basis: "excl" };
const view = (t: ReturnType<typeof totalsPerRate>) => t.map((r) => [r.rate, r.excl.toFixed(2), r.vat.toFixed(2), r.incl.toFixed(2)]);

// 1.01 incl. at 21%: the shop splits it 0.83 + 0.18; a system computing 0.83 × 21% books 0.17.
const offByACent = testLine("21", "0.83", "0.18", { description: "Sticker" });
const exact = testLine("21", "0.83", "0.17", { description: "Pen" });

describe("targetTotals", () => {
  it("computes VAT per line, per rate total, from excl. or incl., or takes it as given", () => {
    expect(view(targetTotals([offByACent, exact], perLineExcl))).toEqual([["21", "1.66", "0.34", "2.00"]]);
    expect(view(targetTotals([offByACent, exact], perRateExcl))).toEqual([["21", "1.66", "0.35", "2.01"]]);
    expect(view(targetTotals([offByACent, exact], perLineIncl))).toEqual([["21", "1.66", "0.35", "2.01"]]);
    expect(view(targetTotals([offByACent, exact], given))).toEqual([["21", "1.66", "0.35", "2.01"]]);
  });
});

describe("reconcile", () => {
  it("leaves lines alone when the target reproduces the shop", () => {
    const lines = [testLine("21", "10.00", "2.10"), testLine("9", "10.00", "0.90")];
    expect(reconcile(lines, perLineExcl, { roundingLine: false })).toBe(lines);
  });

  it("moves a cent between two lines of the rate so per-line rounding lands on the shop's VAT", () => {
    const lines = [offByACent, exact, testLine("9", "10.00", "0.90")];
    const booked = reconcile(lines, perLineExcl, { roundingLine: false });
    expect(view(targetTotals(booked, perLineExcl))).toEqual(view(totalsPerRate(lines)));
    expect(view(totalsPerRate(booked))).toEqual(view(totalsPerRate(lines)));
    expect(booked).toHaveLength(3);
    expect(booked[2]).toEqual(lines[2]);
  });

  it("with one line at the rate: a clear error, or a rounding line when the merchant allows it", () => {
    expect(() => reconcile([offByACent], perLineExcl, { roundingLine: false })).toThrow(BookingError);
    try {
      reconcile([offByACent], perLineExcl, { roundingLine: false });
    } catch (err) {
      expect((err as BookingError).code).toBe("rounding_mismatch");
      expect((err as BookingError).message).toContain("charged 0.18 VAT (1.01 incl.)");
      expect((err as BookingError).message).toContain("would book 0.17 (1.00 incl.)");
    }
    const booked = reconcile([offByACent], perLineExcl, { roundingLine: true, roundingDescription: "Afrondingsverschil" });
    expect(booked).toHaveLength(2);
    expect(booked[1]).toMatchObject({ description: "Afrondingsverschil", vatRate: "21" });
    expect(view(targetTotals(booked, perLineExcl))).toEqual([["21", "0.83", "0.18", "1.01"]]);
  });

  it("a credit note reconciles the same way, with negative amounts", () => {
    const credit = [offByACent, exact].map((l) => ({ ...l, quantity: "-1", totalExcl: `-${l.totalExcl}`, vatAmount: `-${l.vatAmount}`, totalIncl: `-${l.totalIncl}` }));
    const booked = reconcile(credit, perLineExcl, { roundingLine: false });
    expect(view(targetTotals(booked, perLineExcl))).toEqual([["21", "-1.66", "-0.35", "-2.01"]]);
  });

  it("cannot fix a system that rounds once per rate from excl. amounts: it says so", () => {
    expect(() => reconcile([testLine("21", "1.07", "0.23")], perRateExcl, { roundingLine: true })).toThrow(/rounds VAT on the total per rate/);
  });

  it("a system that stores the VAT we send always reproduces the shop", () => {
    const lines = [offByACent];
    expect(reconcile(lines, given, { roundingLine: false })).toBe(lines);
  });
});

describe("alignVatWithTotal", () => {
  it("moves the cent between excl. and VAT when the shop rounded VAT on its totals per rate", () => {
    // Three lines of 1.01 incl.: line by line 3 × 0.18 = 0.54; on the total 3.03 × 21/121 = 0.53.
    const lines = [offByACent, offByACent, offByACent].map((l, i) => ({ ...l, totalIncl: "1.01", description: `Sticker ${i}` }));
    const aligned = alignVatWithTotal(lines, { vat: new D("0.53") });
    expect(view(totalsPerRate(aligned))).toEqual([["21", "2.50", "0.53", "3.03"]]);
  });

  it("follows the VAT per rate when the shop reports it, also where the total alone hides the gap", () => {
    // 21%: the shop charged 0.17 on 1.00 where its line says 0.18; 9%: 0.14 where the lines say 0.13. Total 0.31 either way.
    const lines = [testLine("21", "0.82", "0.18"), testLine("9", "1.54", "0.13")];
    expect(alignVatWithTotal(lines, { vat: new D("0.31") })).toBe(lines);
    const aligned = alignVatWithTotal(lines, { vat: new D("0.31"), vatPerRate: [{ rate: "21", vat: "0.17" }, { rate: "9", vat: "0.14" }] });
    expect(view(totalsPerRate(aligned))).toEqual([["21", "0.83", "0.17", "1.00"], ["9", "1.53", "0.14", "1.67"]]);
  });

  it("leaves the lines when the total is far off (the pre-check reports that) or already equal", () => {
    const lines = [offByACent];
    expect(alignVatWithTotal(lines, { vat: new D("0.18") })).toBe(lines);
    expect(alignVatWithTotal(lines, { vat: new D("5.00") })).toBe(lines);
  });
});
