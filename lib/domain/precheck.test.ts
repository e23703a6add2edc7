import { describe, expect, it } from "vitest";
import { domesticOrder } from "./__fixtures__/documents";
import { BookingError } from "./booking-error";
import { D } from "./money";
import { precheck } from "./precheck";

const codeOf = (fn: () => void) => {
  try { fn(); return null; } catch (err) { return (err as BookingError).code; }
};

describe("precheck", () => {
  it("passes a consistent document", () => {
    expect(codeOf(() => precheck(domesticOrder()))).toBeNull();
  });

  it.each([
    ["incl total off by a euro", { totals: { excl: "35.00", incl: "42.15", vat: "7.15" } }, "totals_mismatch"],
    ["excl total off by a euro", { totals: { excl: "36.00", incl: "41.15", vat: "5.15" } }, "totals_mismatch"],
    ["ICP without VAT number", { icp: true }, "icp_without_vat_number"],
    ["ICP with a mistyped VAT number (check digit)", { icp: true, customer: { vatNumber: "DE983924220", billing: {} } }, "vat_number_invalid"],
  ])("rejects %s", (_name, overrides, code) => {
    expect(codeOf(() => precheck(domesticOrder(overrides as never)))).toBe(code);
  });

  it("tolerates the shop's own per-line rounding (a cent over three lines), not more", () => {
    expect(codeOf(() => precheck(domesticOrder({ totals: { excl: "35.00", incl: "41.16", vat: "6.16" } })))).toBeNull();
    expect(codeOf(() => precheck(domesticOrder({ totals: { excl: "35.00", incl: "41.18", vat: "6.18" } })))).toBe("totals_mismatch");
  });

  it("rejects VAT on an ICP document that has a VAT number", () => {
    expect(codeOf(() => precheck(domesticOrder({ icp: true, customer: { vatNumber: "DE983924221", billing: {} } })))).toBe("icp_with_vat");
  });

  it("names both amounts in the message", () => {
    expect(() => precheck(domesticOrder({ totals: { excl: "35.00", incl: "50.00", vat: "15.00" } }))).toThrow(/50\.00 incl\. VAT, but its lines add up to 41\.15/);
  });
});

describe("precheck tolerance, in cents as in Decimal", () => {
  // domesticOrder has three lines: the default tolerance is 0.005 × 3 + 0.005 = 2 cents.
  it.each([
    ["41.17", undefined, null],
    ["41.18", undefined, "totals_mismatch"],
    ["41.165", undefined, null],
    ["41.16", new D("0.01"), null],
    ["41.17", new D("0.01"), "totals_mismatch"],
    ["41.1651", new D("0.0151"), null],
  ] as const)("incl total %s with tolerance %s", (incl, tolerance, code) => {
    const vat = new D(incl).minus("35.00").toFixed();
    expect(codeOf(() => precheck(domesticOrder({ totals: { excl: "35.00", incl, vat } }), tolerance))).toBe(code);
  });
});
