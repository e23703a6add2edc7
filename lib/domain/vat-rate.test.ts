import { describe, expect, it } from "vitest";
import { BookingError } from "./booking-error";
import { D } from "./money";
import { testLine } from "./test-lines";
import { derivedRate, snapLineRates, snapRate } from "./vat-rate";

const nl = [new D(0), new D(9), new D(21)];
const rateOf = (excl: string, vat: string, quantity = "1") => snapRate({ totalExcl: excl, vatAmount: vat, quantity }, nl)?.toFixed() ?? null;

describe("derivedRate", () => {
  it("is VAT / excl. × 100, and undefined for a free line", () => {
    expect(derivedRate(new D("0.46"), new D("0.04"))?.toDecimalPlaces(2).toFixed()).toBe("8.7");
    expect(derivedRate(new D(0), new D(0))).toBeNull();
  });
});

describe("snapRate: the manual's small-amount cases", () => {
  it.each([
    // [excl, VAT, quantity, expected] — Magento's 2-decimal amounts read as 8% or 22%.
    ["0.25", "0.02", "1", "9"], // 8.00% derived
    ["0.50", "0.04", "1", "9"], // 8.00%
    ["0.46", "0.04", "1", "9"], // 8.70%
    ["0.45", "0.10", "1", "21"], // 22.2%
    ["0.41", "0.09", "1", "21"], // 21.95%
    ["0.05", "0.01", "1", "21"], // 20.00%: 0.06 incl. split by the shop
    ["0.90", "0.20", "2", "21"], // 22.2%: two units of 0.45 + 0.10, each rounded
  ])("%s excl. with %s VAT (qty %s) books at %s%%", (excl, vat, qty, expected) => {
    expect(rateOf(excl, vat, qty)).toBe(expected);
  });

  it("an exact rate stays itself, 0% stays 0%", () => {
    expect(rateOf("100.00", "21.00")).toBe("21");
    expect(rateOf("100.00", "9.00")).toBe("9");
    expect(rateOf("12.00", "0.00")).toBe("0");
  });

  it("does not snap what rounding cannot explain", () => {
    expect(rateOf("1.00", "0.08")).toBeNull(); // a real 8%
    expect(rateOf("100.00", "19.00")).toBeNull(); // German 19% on an NL grid
  });
});

describe("snapLineRates", () => {
  it("keeps a stated configured rate, snaps a derived one", () => {
    const lines = snapLineRates([testLine("21", "10.00", "2.10"), testLine("8.7", "0.46", "0.04")], nl, new D(21));
    expect(lines.map((l) => l.vatRate)).toEqual(["21", "9"]);
  });

  it("does not keep a shop's default rate on a free item (Magento's 21% when excl. is 0)", () => {
    const lines = [testLine("9", "10.00", "0.90"), testLine("21", "0.00", "0.00", { description: "Free sample" })];
    expect(snapLineRates(lines, nl, new D(21)).map((l) => l.vatRate)).toEqual(["9", "9"]);
  });

  it("gives a free item the rate of the other product lines, else the standard rate", () => {
    const free = testLine("0", "0.00", "0.00", { description: "Free sample" });
    const zeroNotConfigured = [new D(9), new D(21)];
    expect(snapLineRates([testLine("9", "10.00", "0.90"), { ...free, vatRate: "33" }], zeroNotConfigured, new D(21))[1]!.vatRate).toBe("9");
    const mixed = [testLine("9", "10.00", "0.90"), testLine("21", "10.00", "2.10"), { ...free, vatRate: "33" }];
    expect(snapLineRates(mixed, zeroNotConfigured, new D(21))[2]!.vatRate).toBe("21");
  });

  it("leaves a real rate the grid lacks for the VAT grid to report (19% on 100.00 is 19.00)", () => {
    const lines = [testLine("19", "100.00", "19.00")];
    expect(snapLineRates(lines, nl, new D(21))).toEqual(lines);
  });

  it("names the line, the derived rate and the candidates when nothing fits", () => {
    try {
      snapLineRates([testLine("8.33", "1.20", "0.10", { description: "Bier" })], nl, new D(21));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BookingError);
      expect((err as BookingError).code).toBe("vat_rate_unknown");
      expect((err as BookingError).message).toContain('"Bier"');
      expect((err as BookingError).message).toContain("(8.33%)");
      expect((err as BookingError).message).toContain("0%, 9%, 21%");
    }
  });
});
