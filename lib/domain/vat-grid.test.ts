import { describe, expect, it } from "vitest";
import { domesticOrder } from "./__fixtures__/documents";
import { resolveLineAccounts, vatRegion, type VatGridRow } from "./vat-grid";

const grid: VatGridRow[] = [
  { region: "NL", rate: "21", vatCode: "V21", revenueAccount: "8000" },
  { region: "NL", rate: "9.00", vatCode: "V9", revenueAccount: "8010" },
  { region: "DE", rate: "19", vatCode: "OSS-DE19", revenueAccount: "8200" },
  { region: "ICP", rate: "0", vatCode: "ICP", revenueAccount: "8100" },
  { region: "INTL", rate: "0", vatCode: "EXPORT", revenueAccount: "8110" },
];

describe("VAT grid", () => {
  it("picks the region: ICP, international, else delivery country", () => {
    expect(vatRegion(domesticOrder())).toBe("NL");
    expect(vatRegion(domesticOrder({ deliveryCountry: "DE" }))).toBe("DE");
    expect(vatRegion(domesticOrder({ icp: true }))).toBe("ICP");
    expect(vatRegion(domesticOrder({ international: true, deliveryCountry: "US" }))).toBe("INTL");
  });

  it("maps every line to its VAT code and account, rates compared as numbers", () => {
    const lines = resolveLineAccounts(domesticOrder(), grid, { shipping: "8300" });
    expect(lines.map((l) => [l.vatCode, l.ledgerAccount])).toEqual([["V21", "8000"], ["V9", "8010"], ["V21", "8300"]]);
  });

  it("names the line, the rate and the region when a rate is not configured", () => {
    const doc = domesticOrder({ deliveryCountry: "BE" });
    expect(() => resolveLineAccounts(doc, grid)).toThrow(/No VAT code is configured for 21% in BE \(line "T-shirt"\)/);
  });
});
