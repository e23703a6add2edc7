import { describe, expect, it } from "vitest";
import { createOAuthState, readOAuthState } from "./oauth-state";

const secret = "s".repeat(40);

describe("OAuth state", () => {
  it("round-trips the license key", () => {
    expect(readOAuthState(createOAuthState("KEY-1", 1000, secret), 2000, secret)).toBe("KEY-1");
  });

  it("rejects a tampered, foreign or expired state", () => {
    const state = createOAuthState("KEY-1", 1000, secret);
    const [payload, mac] = state.split(".");
    const forged = Buffer.from(JSON.stringify({ k: "KEY-2", e: 9e15 })).toString("base64url");
    expect(readOAuthState(`${forged}.${mac}`, 2000, secret)).toBeNull();
    expect(readOAuthState(`${payload}.${mac}x`, 2000, secret)).toBeNull();
    expect(readOAuthState(state, 2000, "other".repeat(10))).toBeNull();
    expect(readOAuthState(state, 1000 + 31 * 60_000, secret)).toBeNull();
    expect(readOAuthState("garbage", 2000, secret)).toBeNull();
  });
});
