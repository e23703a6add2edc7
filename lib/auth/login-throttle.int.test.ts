import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { lockedUntil, recordFailure, recordSuccess, THROTTLE } from "./login-throttle";

// The throttle's window: locked at the limit, free again when the window ends, the count restarted.
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("login throttle window", () => {
  it("locks at the limit until the window ends, then counts afresh", async () => {
    const start = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < THROTTLE.perEmail - 1; i++) await recordFailure(t.db, "eva@shop.nl", undefined, start);
    expect(await lockedUntil(t.db, "eva@shop.nl", undefined, start)).toBeNull();
    await recordFailure(t.db, "Eva@Shop.nl", undefined, start);
    const until = await lockedUntil(t.db, "eva@shop.nl", undefined, start);
    expect(until?.toISOString()).toBe(new Date(start.getTime() + THROTTLE.windowMs).toISOString());
    expect(await lockedUntil(t.db, "eva@shop.nl", undefined, new Date(start.getTime() + THROTTLE.windowMs - 1))).not.toBeNull();
    const later = new Date(start.getTime() + THROTTLE.windowMs + 1);
    expect(await lockedUntil(t.db, "eva@shop.nl", undefined, later)).toBeNull();
    // A failure after the window starts a new count: one more failure does not lock again.
    await recordFailure(t.db, "eva@shop.nl", undefined, later);
    expect(await lockedUntil(t.db, "eva@shop.nl", undefined, later)).toBeNull();
  });

  it("a successful login clears the address's count, not the client address's", async () => {
    const now = new Date();
    for (let i = 0; i < THROTTLE.perEmail - 1; i++) await recordFailure(t.db, "jan@shop.nl", "10.2.0.1", now);
    await recordSuccess(t.db, "jan@shop.nl");
    await recordFailure(t.db, "jan@shop.nl", "10.2.0.1", now);
    expect(await lockedUntil(t.db, "jan@shop.nl", undefined, now)).toBeNull();
    expect((await t.db.loginThrottle.findUniqueOrThrow({ where: { key: "ip:10.2.0.1" } })).failures).toBe(THROTTLE.perEmail);
  });
});
