import { describe, expect, it } from "vitest";
import { nextNight } from "./payment-status";
import { paymentAccountFor, paymentsSettingOf } from "./payments-setting";

describe("the payments setting", () => {
  it("is off unless switched on, also when unreadable", () => {
    expect(paymentsSettingOf(undefined)).toEqual({ enabled: false, accounts: {} });
    expect(paymentsSettingOf({ enabled: "yes" })).toEqual({ enabled: false, accounts: {} });
    expect(paymentsSettingOf({ enabled: true })).toEqual({ enabled: true, accounts: {} });
  });

  it("picks the account by the shop's method name, then its class, then default (names compared without capitals, hyphens, spaces)", () => {
    const setting = paymentsSettingOf({ enabled: true, accounts: { "Mollie - iDEAL": "1", paypal: "2", default: "9" } });
    expect(paymentAccountFor(setting, "mollie-ideal", "ideal")).toBe("1");
    expect(paymentAccountFor(setting, "PayPal Express", "paypal")).toBe("2");
    expect(paymentAccountFor(setting, "Bank transfer", "banktransfer")).toBe("9");
    expect(paymentAccountFor(paymentsSettingOf({ enabled: true }), "iDEAL", "ideal")).toBeUndefined();
  });
});

describe("nextNight", () => {
  it("is the coming midnight in Amsterdam, before the 03:15 re-try, summer and winter", () => {
    expect(nextNight(new Date("2024-07-05T10:00:00Z")).toISOString()).toBe("2024-07-05T22:00:00.000Z"); // 00:00 CEST
    expect(nextNight(new Date("2024-07-05T22:30:00Z")).toISOString()).toBe("2024-07-06T22:00:00.000Z"); // already the 6th in Amsterdam
    expect(nextNight(new Date("2024-01-10T10:00:00Z")).toISOString()).toBe("2024-01-10T23:00:00.000Z"); // 00:00 CET
  });

  it("is never in the past, also in the hour before a winter midnight", () => {
    for (const now of ["2026-11-21T22:30:00Z", "2026-11-21T22:59:59Z", "2026-03-28T22:30:00Z", "2026-10-24T21:30:00Z"]) {
      expect(nextNight(new Date(now)).getTime(), now).toBeGreaterThan(Date.parse(now));
    }
    expect(nextNight(new Date("2026-11-21T22:30:00Z")).toISOString()).toBe("2026-11-21T23:00:00.000Z");
  });
});
