import { describe, expect, it } from "vitest";
import { amsterdamDay, amsterdamMidnight, lastWeek } from "./amsterdam-time";

describe("Amsterdam days and weeks", () => {
  it.each([
    ["2026-11-23T07:00:00Z", "2026-11-16", "2026-11-22", "2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"], // Monday morning, winter time
    ["2026-11-22T23:30:00Z", "2026-11-16", "2026-11-22", "2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"], // Monday 00:30 in Amsterdam, still Sunday in UTC
    ["2026-11-29T22:59:00Z", "2026-11-16", "2026-11-22", "2026-11-15T23:00:00.000Z", "2026-11-22T23:00:00.000Z"], // Sunday 23:59: the week before is still last week
    ["2026-03-30T06:00:00Z", "2026-03-23", "2026-03-29", "2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"], // the clocks moved forward on Sunday 29 March
    ["2026-10-26T07:00:00Z", "2026-10-19", "2026-10-25", "2026-10-18T22:00:00.000Z", "2026-10-25T23:00:00.000Z"], // and back on 25 October
  ])("at %s last week is %s to %s", (now, monday, sunday, start, end) => {
    const week = lastWeek(new Date(now));
    expect([week.monday, week.sunday, week.start.toISOString(), week.end.toISOString()]).toEqual([monday, sunday, start, end]);
  });

  it("knows the calendar day and its midnight in Amsterdam", () => {
    expect(amsterdamDay(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
    expect(amsterdamMidnight("2026-07-02").toISOString()).toBe("2026-07-01T22:00:00.000Z");
    expect(amsterdamMidnight("2026-01-02").toISOString()).toBe("2026-01-01T23:00:00.000Z");
  });
});
