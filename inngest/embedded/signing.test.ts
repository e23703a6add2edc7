import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerMatches, canonicalJson, hashedKey, signature } from "./signing";

const key = "signkey-embedded-" + "ab".repeat(32);

describe("signing", () => {
  it("serializes canonically: sorted keys, no undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
  });

  it("signs body + unix seconds with the key minus its prefix, like the SDK verifies", () => {
    const body = canonicalJson({ x: 1 });
    const expected = createHmac("sha256", "ab".repeat(32)).update(body + "1700000000").digest("hex");
    expect(signature(body, key, 1_700_000_000_999)).toBe(`t=1700000000&s=${expected}`);
  });

  it("recognizes the SDK's hashed key in Authorization", () => {
    const hashed = "signkey-embedded-" + createHash("sha256").update(Buffer.from("ab".repeat(32), "hex")).digest("hex");
    expect(hashedKey(key)).toBe(hashed);
    expect(bearerMatches(`Bearer ${hashed}`, key)).toBe(true);
    expect(bearerMatches("Bearer ", key)).toBe(false);
    expect(bearerMatches(undefined, key)).toBe(false);
  });
});
