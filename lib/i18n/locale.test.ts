import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, localeFromAcceptLanguage, parseLocale } from "./locale";
import { defineMessages, translator } from "./translate";

describe("formatMoney", () => {
  it("writes Dutch amounts with a dot per thousand and a decimal comma", () => {
    expect(formatMoney("nl", "1234.56")).toBe("€ 1.234,56");
    expect(formatMoney("nl", "1234567.5")).toBe("€ 1.234.567,50");
    expect(formatMoney("nl", "-12.1")).toBe("€ -12,10");
  });
  it("writes English amounts with a comma per thousand and a decimal point", () => {
    expect(formatMoney("en", "1234.56")).toBe("€1,234.56");
    expect(formatMoney("en", "-0.5")).toBe("-€0.50");
  });
  it("shows cents exactly, rounding half up only for display", () => {
    expect(formatMoney("nl", "0.005")).toBe("€ 0,01");
    expect(formatMoney("en", "999999999999.99")).toBe("€999,999,999,999.99");
  });
});

describe("formatMoney in the shop's currency", () => {
  it("formats a stored Decimal per locale, euro by default", () => {
    expect(formatMoney("nl", new Decimal("1234.56"), null)).toBe("€ 1.234,56");
    expect(formatMoney("en", new Decimal("1234.56"), "EUR")).toBe("€1,234.56");
  });
  it("writes other currencies with their symbol", () => {
    expect(formatMoney("en", "10", "usd")).toBe("$10.00");
  });
  it("writes an unknown currency code instead of failing", () => {
    expect(formatMoney("nl", "1234.5", "EURO")).toBe("EURO 1.234,50");
    expect(formatMoney("en", "1234.5", "EURO")).toBe("EURO 1,234.50");
  });
});

describe("formatDate", () => {
  it("writes day-month-year in Dutch", () => {
    expect(formatDate("nl", new Date("2026-11-01T00:00:00Z"))).toBe("01-11-2026");
  });
  it("writes the short month name in English", () => {
    expect(formatDate("en", new Date("2026-11-01T00:00:00Z"))).toBe("1 Nov 2026");
  });
});

describe("locale choice", () => {
  it("takes the best supported language of Accept-Language", () => {
    expect(localeFromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(localeFromAcceptLanguage("de-DE,en;q=0.7,nl;q=0.9")).toBe("nl");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
  it("falls back for anything that is not a supported language", () => {
    expect(parseLocale("nl")).toBe("nl");
    expect(parseLocale("de")).toBe("en");
    expect(parseLocale(undefined, "nl")).toBe("nl");
  });
});

describe("translator", () => {
  const messages = defineMessages({ en: { hello: "Hello {name}" }, nl: { hello: "Hallo {name}" } });
  it("fills parameters in the chosen language", () => {
    expect(translator(messages, "nl")("hello", { name: "Jan" })).toBe("Hallo Jan");
    expect(translator(messages, "en")("hello", { name: "Jan" })).toBe("Hello Jan");
  });
  it("leaves a missing parameter visible", () => {
    expect(translator(messages, "en")("hello")).toBe("Hello {name}");
  });
});
