import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../crypto/password";
import { createTestDb, type TestDb } from "../db/testing";
import { authenticate } from "./authenticate";
import { THROTTLE } from "./login-throttle";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  for (const email of ["anna@shop.nl", "bert@shop.nl"]) {
    await t.db.account.create({ data: { name: email, users: { create: { email, passwordHash: await hashPassword("s3cret!") } } } });
  }
});
afterAll(async () => { await t.close(); });

describe("login", () => {
  it("accepts the right password, case-insensitive email, and scopes to the user's account", async () => {
    const result = await authenticate(t.db, " Anna@Shop.nl ", "s3cret!", "10.0.0.1");
    expect(result.ok).toBe(true);
    if (result.ok) {
      const account = await t.db.account.findUniqueOrThrow({ where: { id: result.user.accountId } });
      expect(account.name).toBe("anna@shop.nl");
    }
  });

  it("refuses a wrong password and an unknown user with the same answer", async () => {
    expect(await authenticate(t.db, "anna@shop.nl", "wrong", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t.db, "nobody@shop.nl", "s3cret!", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email after too many failures, even for the right password, without locking others", async () => {
    for (let i = 0; i < THROTTLE.perEmail; i++) await authenticate(t.db, "bert@shop.nl", `guess-${i}`, `10.1.0.${i}`);
    const locked = await authenticate(t.db, "bert@shop.nl", "s3cret!", "10.1.0.99");
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.reason).toBe("throttled");
      expect(locked.retryAt!.getTime()).toBeGreaterThan(Date.now());
    }
    expect((await authenticate(t.db, "anna@shop.nl", "s3cret!", "10.1.0.98")).ok).toBe(true);
  });

  it("locks a client address that sprays many emails", async () => {
    for (let i = 0; i < THROTTLE.perIp; i++) await authenticate(t.db, `spray${i}@x.nl`, "x", "10.9.9.9");
    const result = await authenticate(t.db, "anna@shop.nl", "s3cret!", "10.9.9.9");
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
  });
});
