import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, openCredentials, sealCredentials } from "./secrets";

const key = randomBytes(32);

describe("secrets at rest", () => {
  it("round-trips and never contains the plaintext", () => {
    const envelope = encryptSecret("sk_live_123456", key);
    expect(envelope).toMatch(/^v1:/);
    expect(envelope).not.toContain("sk_live_123456");
    expect(decryptSecret(envelope, key)).toBe("sk_live_123456");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("rejects a tampered envelope or a wrong key", () => {
    const envelope = encryptSecret("secret", key);
    const raw = Buffer.from(envelope.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptSecret(`v1:${raw.toString("base64")}`, key)).toThrow();
    expect(() => decryptSecret(envelope, randomBytes(32))).toThrow();
    expect(() => decryptSecret("v0:abc", key)).toThrow(/Unknown secret envelope/);
  });

  it("seals credential objects", () => {
    const sealed = sealCredentials({ apiKey: "abc", secret: "def" }, key);
    expect(openCredentials(sealed, key)).toEqual({ apiKey: "abc", secret: "def" });
  });
});
