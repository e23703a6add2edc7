import { describe, expect, it } from "vitest";
import { parseEnv } from "../config/env";
import { accessEndsAt, plusOneYear, renewalPeriod } from "./access";
import { formatInvoiceNumber } from "./invoice-number";
import { priceOf, subscriptionPrice } from "./price";

describe("subscription price", () => {
  it("is the configured amount excl. VAT, VAT rounded once half-up to cents, and their sum", () => {
    const p = priceOf("150.00", "21");
    expect([p.exclVat.toFixed(2), p.vat.toFixed(2), p.inclVat.toFixed(2)]).toEqual(["150.00", "31.50", "181.50"]);
    // 99.95 × 21% = 20.9895 → 20.99; 0.05 × 21% = 0.0105 → 0.01; 12.50 × 9% = 1.125 → 1.13 (half-up, not to even)
    expect(priceOf("99.95", "21").vat.toFixed(2)).toBe("20.99");
    expect(priceOf("0.05", "21").vat.toFixed(2)).toBe("0.01");
    expect(priceOf("12.50", "9").vat.toFixed(2)).toBe("1.13");
    expect(priceOf("12.50", "9").inclVat.toFixed(2)).toBe("13.63");
  });

  it("comes from the configuration, with a sensible default", () => {
    expect(subscriptionPrice(parseEnv({})).inclVat.toFixed(2)).toBe("181.50");
    const custom = subscriptionPrice(parseEnv({ SUBSCRIPTION_PRICE_EXCL_VAT: "240", SUBSCRIPTION_VAT_RATE: "21" }));
    expect([custom.exclVat.toFixed(2), custom.vat.toFixed(2), custom.inclVat.toFixed(2)]).toEqual(["240.00", "50.40", "290.40"]);
    expect(() => parseEnv({ SUBSCRIPTION_PRICE_EXCL_VAT: "150,00" })).toThrow(/SUBSCRIPTION_PRICE_EXCL_VAT/);
  });
});

describe("access period", () => {
  const d = (iso: string) => new Date(iso);
  it("ends at the later of the trial end and the paid-until date; neither means no end", () => {
    expect(accessEndsAt({ trialEndsAt: d("2026-12-01T00:00:00Z"), paidUntil: null })).toEqual(d("2026-12-01T00:00:00Z"));
    expect(accessEndsAt({ trialEndsAt: d("2026-12-01T00:00:00Z"), paidUntil: d("2027-12-01T00:00:00Z") })).toEqual(d("2027-12-01T00:00:00Z"));
    expect(accessEndsAt({ trialEndsAt: d("2027-01-01T00:00:00Z"), paidUntil: d("2026-06-01T00:00:00Z") })).toEqual(d("2027-01-01T00:00:00Z"));
    expect(accessEndsAt({ trialEndsAt: null, paidUntil: null })).toBeNull();
  });

  it("renews for a year from the access end, or from now once that has passed", () => {
    const now = d("2026-11-25T10:00:00Z");
    expect(renewalPeriod({ trialEndsAt: d("2026-12-01T00:00:00Z"), paidUntil: null }, now)).toEqual({ start: d("2026-12-01T00:00:00Z"), end: d("2027-12-01T00:00:00Z") });
    expect(renewalPeriod({ trialEndsAt: d("2026-11-01T00:00:00Z"), paidUntil: null }, now)).toEqual({ start: now, end: d("2027-11-25T10:00:00Z") });
    expect(plusOneYear(d("2028-02-29T00:00:00Z"))).toEqual(d("2029-03-01T00:00:00Z"));
  });

  it("numbers invoices per year with five digits", () => {
    expect(formatInvoiceNumber(2026, 1)).toBe("2026-00001");
    expect(formatInvoiceNumber(2026, 123456)).toBe("2026-123456");
  });
});
