import { beforeEach, describe, expect, it } from "vitest";
import { forgetLookups, noteNotFound, takeNotFound } from "./fresh-lookups";

describe("fresh look-ups", () => {
  beforeEach(() => forgetLookups());

  it("lets exactly one create skip the look-up after a look-up that found nothing", () => {
    noteNotFound("int-1", "ref-1", 0);
    expect(takeNotFound("int-1", "ref-1", 1_000)).toBe(true);
    expect(takeNotFound("int-1", "ref-1", 1_000)).toBe(false); // a retry of the create looks again
  });

  it("knows nothing of other integrations, other references, a restart or an old look-up", () => {
    expect(takeNotFound("int-1", "ref-1")).toBe(false);
    noteNotFound("int-1", "ref-1", 0);
    expect(takeNotFound("int-2", "ref-1", 0)).toBe(false);
    expect(takeNotFound("int-1", "ref-2", 0)).toBe(false);
    expect(takeNotFound("int-1", "ref-1", 3 * 60_000)).toBe(false);
  });
});
