import { describe, expect, it } from "vitest";
import { bookingHold, canBook, canFetch, canReceive, HELD_CANCELLED, HELD_PAUSED, statusAfterInstall } from "./lifecycle";

describe("integration lifecycle", () => {
  it.each([
    // status       records  fetches  books
    ["installing", true, false, true],
    ["active", true, true, true],
    ["paused", true, true, false],
    ["cancelled", false, false, false],
  ])("%s: receives %s, fetches %s, books %s", (status, receives, fetches, books) => {
    expect([canReceive(status), canFetch(status), canBook(status)]).toEqual([receives, fetches, books]);
  });

  it("finishing the wizard activates an installing integration only", () => {
    expect(["installing", "active", "paused", "cancelled"].map(statusAfterInstall)).toEqual(["active", "active", "paused", "cancelled"]);
  });

  it("says why nothing is booked, with a stable code", () => {
    expect(bookingHold("active")).toBeNull();
    expect(bookingHold("paused")).toMatchObject({ code: HELD_PAUSED, message: expect.stringContaining("booked automatically as soon as the renewal is paid") });
    expect(bookingHold("cancelled")).toMatchObject({ code: HELD_CANCELLED, message: expect.stringContaining("cancelled") });
  });
});
