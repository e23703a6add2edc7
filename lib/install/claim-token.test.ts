import { describe, expect, it } from "vitest";
import { createClaimToken, readClaimToken } from "./claim-token";
import { createOAuthState, readOAuthState } from "./oauth-state";

describe("claim tickets", () => {
  it("name one pending install of one store, for 30 minutes", () => {
    const token = createClaimToken("kmoshops", "pend-1", 1_000);
    expect(readClaimToken(token, 2_000)).toEqual({ system: "kmoshops", pendingId: "pend-1" });
    expect(readClaimToken(token, 1_000 + 31 * 60_000)).toBeNull();
  });

  it("are not OAuth states, and OAuth states are not tickets", () => {
    expect(readClaimToken(createOAuthState("LICENSE-KEY"))).toBeNull();
    expect(readOAuthState(createClaimToken("ccvshop", "p"))).toBe("claim:ccvshop:p"); // names no license key
    expect(readClaimToken(createOAuthState("claim:magento2:p"))).toBeNull();
    expect(readClaimToken("garbage")).toBeNull();
  });
});
