import { describe, expect, it } from "vitest";
import { amsterdamDate } from "./dates";

const intl = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

describe("amsterdamDate", () => {
  it("gives Intl's Amsterdam date for every moment, also next to the daylight-saving changes (one Intl call per UTC hour)", () => {
    const start = Date.UTC(2025, 0, 1);
    for (let t = start; t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      // the first and the last minute of each hour, the second read after the first was remembered
      for (const moment of [t, t + 59 * 60_000 + 59_999, t]) expect(amsterdamDate(new Date(moment))).toBe(intl.format(moment));
    }
    expect(amsterdamDate(new Date("2026-04-30T23:30:00Z"))).toBe("2026-05-01");
    expect(amsterdamDate(new Date("2026-03-29T00:59:59Z"))).toBe("2026-03-29");
    expect(amsterdamDate(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
  });

  it("before 1970 (Amsterdam's offset was not whole hours then) it asks Intl every time", () => {
    expect(amsterdamDate(new Date("1930-06-30T23:45:00Z"))).toBe(intl.format(new Date("1930-06-30T23:45:00Z")));
  });
});
