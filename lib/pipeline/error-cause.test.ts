import { describe, expect, it } from "vitest";
import { causeKey, errorCause } from "./error-cause";

describe("errorCause", () => {
  it("groups an unmapped rate by region and rate, not by the line it was found on", () => {
    const a = errorCause("vat_rate_unmapped", { region: "DE", rate: "19", line: "Shirt", configured: ["7%"] });
    const b = errorCause("vat_rate_unmapped", { region: "DE", rate: "19", line: "Mug" });
    expect(a).toEqual({ code: "vat_rate_unmapped", params: { region: "DE", rate: "19" } });
    expect(causeKey(a)).toBe(causeKey(b));
    expect(causeKey(a)).toBe("vat_rate_unmapped|rate=19|region=DE");
  });

  it("keeps different rates apart", () => {
    expect(causeKey(errorCause("vat_rate_unmapped", { region: "DE", rate: "7" }))).not.toBe(causeKey(errorCause("vat_rate_unmapped", { region: "DE", rate: "19" })));
  });

  it("groups other codes by code alone, whatever their parameters", () => {
    expect(causeKey(errorCause("auth_failed", { status: 401 }))).toBe("auth_failed");
    expect(causeKey(errorCause("auth_failed", null))).toBe("auth_failed");
  });
});
