import { describe, expect, it } from "vitest";
import { CronError, nextCronTime, parseCron } from "./cron";

const at = (iso: string) => Date.parse(iso);
const next = (expr: string, from: string) => new Date(nextCronTime(parseCron(expr), at(from))).toISOString();

describe("cron", () => {
  it("steps through minutes, hours, lists and ranges in UTC", () => {
    expect(next("* * * * *", "2026-01-01T10:00:30Z")).toBe("2026-01-01T10:01:00.000Z");
    expect(next("*/15 * * * *", "2026-01-01T10:00:00Z")).toBe("2026-01-01T10:15:00.000Z");
    expect(next("0 9-17/4 * * *", "2026-01-01T10:00:00Z")).toBe("2026-01-01T13:00:00.000Z");
    expect(next("5,35 0 * * *", "2026-01-01T00:06:00Z")).toBe("2026-01-01T00:35:00.000Z");
    expect(next("0 0 1 jan *", "2026-03-01T00:00:00Z")).toBe("2027-01-01T00:00:00.000Z");
    expect(next("@hourly", "2026-01-01T10:59:59Z")).toBe("2026-01-01T11:00:00.000Z");
  });

  it("is strictly after the given time", () => {
    expect(next("0 * * * *", "2026-01-01T10:00:00Z")).toBe("2026-01-01T11:00:00.000Z");
  });

  it("combines day of month and day of week like Vixie cron", () => {
    // 2026-01-01 is a Thursday. dom=15 OR Monday.
    expect(next("0 0 15 * mon", "2026-01-01T00:00:00Z")).toBe("2026-01-05T00:00:00.000Z");
    // Only weekday restricted: Sundays (0 and 7).
    expect(next("0 12 * * 7", "2026-01-01T00:00:00Z")).toBe("2026-01-04T12:00:00.000Z");
    expect(next("0 12 * * SUN", "2026-01-01T00:00:00Z")).toBe("2026-01-04T12:00:00.000Z");
    // Leap day.
    expect(next("0 0 29 2 *", "2026-01-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("uses the TZ prefix's wall clock across DST changes", () => {
    // Amsterdam: CET (+1) in winter, CEST (+2) in summer; 2026 switches on Mar 29 and Oct 25.
    expect(next("TZ=Europe/Amsterdam 0 3 * * *", "2026-03-28T12:00:00Z")).toBe("2026-03-29T01:00:00.000Z");
    expect(next("TZ=Europe/Amsterdam 0 3 * * *", "2026-03-29T12:00:00Z")).toBe("2026-03-30T01:00:00.000Z");
    expect(next("TZ=Europe/Amsterdam 0 3 * * *", "2026-10-24T12:00:00Z")).toBe("2026-10-25T02:00:00.000Z");
    expect(next("CRON_TZ=Europe/Amsterdam 30 8 * * 1-5", "2026-07-03T07:00:00Z")).toBe("2026-07-06T06:30:00.000Z");
  });

  it("skips wall times that do not exist and fires repeated ones once", () => {
    // 02:30 does not exist in Amsterdam on 2026-03-29.
    expect(next("TZ=Europe/Amsterdam 30 2 * * *", "2026-03-28T12:00:00Z")).toBe("2026-03-30T00:30:00.000Z");
    // 02:30 happens twice on 2026-10-25 (00:30Z and 01:30Z): only the first fires.
    expect(next("TZ=Europe/Amsterdam 30 2 * * *", "2026-10-24T12:00:00Z")).toBe("2026-10-25T00:30:00.000Z");
    expect(next("TZ=Europe/Amsterdam 30 2 * * *", "2026-10-25T00:30:00Z")).toBe("2026-10-26T01:30:00.000Z");
    // A fixed-hour job every 30 minutes in the repeated hour: each wall time once.
    const walk = (expr: string, from: string, n: number) => {
      const fires: string[] = [];
      let t = at(from);
      const cron = parseCron(expr);
      for (let i = 0; i < n; i++) { t = nextCronTime(cron, t); fires.push(new Date(t).toISOString()); }
      return fires;
    };
    expect(walk("TZ=Europe/Amsterdam */30 2-3 * * *", "2026-10-24T23:59:00Z", 4)).toEqual([
      "2026-10-25T00:00:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-25T02:00:00.000Z", "2026-10-25T02:30:00.000Z",
    ]);
    // An every-hour job keeps real-time spacing through the repeated hour.
    expect(walk("TZ=Europe/Amsterdam */30 * * * *", "2026-10-24T23:59:00Z", 5)).toEqual([
      "2026-10-25T00:00:00.000Z", "2026-10-25T00:30:00.000Z", "2026-10-25T01:00:00.000Z", "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:00:00.000Z",
    ]);
    // ... and across the spring-forward gap.
    expect(walk("TZ=Europe/Amsterdam 0 * * * *", "2026-03-29T00:30:00Z", 2)).toEqual([
      "2026-03-29T01:00:00.000Z", "2026-03-29T02:00:00.000Z",
    ]);
  });

  it("rejects malformed expressions and unknown zones", () => {
    for (const bad of ["* * * *", "60 * * * *", "* * 0 * *", "*/0 * * * *", "5-1 * * * *", "TZ=Nowhere/City * * * * *", "a b c d e"]) {
      expect(() => parseCron(bad), bad).toThrow(CronError);
    }
  });
});
