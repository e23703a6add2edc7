import { describe, expect, it } from "vitest";
import { newId } from "./new-id";

describe("newId", () => {
  it("makes distinct cuid-shaped ids that sort by the time they were made", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => newId(1_700_000_000_000 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    const earlier = newId(1_700_000_000_000);
    const later = newId(1_800_000_000_000);
    expect(earlier < later).toBe(true);
  });
});
