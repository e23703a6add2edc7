import { describe, expect, it } from "vitest";
import { euVatRates, isEuCountry, vatRatesOf } from "./eu-vat-rates";

describe("EU VAT table", () => {
  it("has all 27 member states once, with decimal-string rates", () => {
    expect(euVatRates).toHaveLength(27);
    expect(new Set(euVatRates.map((c) => c.country)).size).toBe(27);
    for (const c of euVatRates) for (const r of [c.standard, ...c.reduced]) expect(r).toMatch(/^\d+(\.\d+)?$/);
  });

  it("knows the rates merchants sell with most", () => {
    expect(vatRatesOf("nl")).toMatchObject({ standard: "21", reduced: ["9"] });
    expect(vatRatesOf("DE")).toMatchObject({ standard: "19", reduced: ["7"] });
    expect(vatRatesOf("BE")?.reduced).toEqual(["6", "12"]);
  });

  it("tells EU from non-EU", () => {
    expect(isEuCountry("FR")).toBe(true);
    expect(isEuCountry("GB")).toBe(false);
    expect(isEuCountry("CH")).toBe(false);
    expect(isEuCountry(undefined)).toBe(false);
  });
});
