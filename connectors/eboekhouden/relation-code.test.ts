import { describe, expect, it } from "vitest";
import { codesOfBase, firstFreeCode, relationBaseName } from "./relation-code";

describe("relation code of a new debtor (manual ch. 7, 'Creating new debtors')", () => {
  it("the manual's example: Klaartje Pietersen, KlaartjePi … KlaartjePi4 taken → KlaartjePi5", () => {
    const base = relationBaseName({ firstName: "Klaartje", lastName: "Pietersen" });
    expect(base).toBe("KlaartjePi");
    const taken = ["KlaartjePi", "KlaartjePi1", "KlaartjePi2", "KlaartjePi3", "KlaartjePi4"];
    expect(firstFreeCode(base, taken)).toBe("KlaartjePi5");
  });

  it("the company name is the base name when present", () => {
    expect(relationBaseName({ company: "Bakkerij De Vries B.V.", firstName: "Anna", lastName: "de Vries" })).toBe("BakkerijDe");
  });

  it("a short name is used whole; no number while the base itself is free", () => {
    expect(relationBaseName({ firstName: "Jo", lastName: "Li" })).toBe("JoLi");
    expect(firstFreeCode("JoLi", ["JoLi2"])).toBe("JoLi");
  });

  it("the first free sequence number, not the highest plus one", () => {
    expect(firstFreeCode("KlaartjePi", ["KlaartjePi", "KlaartjePi1", "KlaartjePi3"])).toBe("KlaartjePi2");
    expect(firstFreeCode("KlaartjePi", ["KlaartjePi"])).toBe("KlaartjePi1");
  });

  it("codes compare without regard to case, as e-Boekhouden does", () => {
    expect(firstFreeCode("KlaartjePi", ["klaartjepi", "KLAARTJEPI1"])).toBe("KlaartjePi2");
  });

  it("only the base and base+digits count as taken (KlaartjePiX is another base)", () => {
    expect(codesOfBase("KlaartjePi", ["KlaartjePi", "KlaartjePi7", "KlaartjePiX", "XKlaartjePi", "klaartjepi2"])).toEqual(["KlaartjePi", "KlaartjePi7", "klaartjepi2"]);
  });

  it("without any name: the email address before the @, else 'Debiteur'; wildcards and spaces left out", () => {
    expect(relationBaseName({}, "info@shop.nl")).toBe("info");
    expect(relationBaseName({})).toBe("Debiteur");
    expect(relationBaseName({ company: "100% Bio? Shop" })).toBe("100BioShop");
  });

  it("10 characters are 10 characters, also with accents", () => {
    expect(relationBaseName({ firstName: "Zoë", lastName: "Éclairé-Dubois" })).toBe("ZoëÉclairé");
  });
});
