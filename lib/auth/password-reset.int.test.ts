import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../crypto/password";
import { createTestDb, type TestDb } from "../db/testing";
import { authenticate } from "./authenticate";
import { THROTTLE } from "./login-throttle";
import { findResetToken, requestPasswordReset, resetPassword, RESET_MAX_PER_TTL, RESET_TTL_MS } from "./password-reset";

const APP = "https://app.example";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  for (const [email, locale] of [["anna@shop.nl", "en"], ["bram@shop.nl", "nl"], ["cees@shop.nl", "en"], ["dirk@shop.nl", "en"]] as const) {
    await t.db.account.create({ data: { name: email, locale, users: { create: { email, passwordHash: await hashPassword("old password!") } } } });
  }
});
afterAll(async () => { await t.close(); });

/** The link in the newest reset mail to `to`, and the token in it. */
async function mailedToken(to: string): Promise<string> {
  const mail = await t.db.mail.findFirstOrThrow({ where: { to, kind: "password-reset" }, orderBy: { createdAt: "desc" } });
  const link = /https:\/\/app\.example\/reset-password\?token=([\w-]+)/.exec(mail.text);
  expect(link).not.toBeNull();
  return decodeURIComponent(link![1]!);
}

describe("password reset by mail", () => {
  it("mails a link for a login and does nothing visible for an unknown address; only the token's hash is stored", async () => {
    const smtp: { text: string }[] = [];
    const transport = { sendMail: async (mail: { text: string }) => { smtp.push(mail); } };
    expect(await requestPasswordReset(t.db, " Anna@Shop.nl ", { appUrl: APP, transport })).toBeUndefined();
    expect(await requestPasswordReset(t.db, "nobody@shop.nl", { appUrl: APP, transport })).toBeUndefined();
    expect(await t.db.mail.count({ where: { to: "nobody@shop.nl" } })).toBe(0);
    expect(smtp).toHaveLength(1);
    const token = decodeURIComponent(/reset-password\?token=([\w-]+)/.exec(smtp[0]!.text)![1]!);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    // Sent over SMTP, the link is not kept: the database has the token's hash only.
    expect(await t.dump()).not.toContain(token);
    expect((await t.db.mail.findFirstOrThrow({ where: { to: "anna@shop.nl" } })).text).toContain("token=%3Csent%2C%20not%20kept%3E");
    const row = await t.db.passwordResetToken.findFirstOrThrow();
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(RESET_TTL_MS);
  });

  it("mails in the account's language", async () => {
    await requestPasswordReset(t.db, "bram@shop.nl", { appUrl: APP });
    const mail = await t.db.mail.findFirstOrThrow({ where: { to: "bram@shop.nl" } });
    expect([mail.locale, mail.subject]).toEqual(["nl", "Je Boekkoppeling-wachtwoord opnieuw instellen"]);
    expect(mail.text).toContain("De link werkt één keer en verloopt over een uur.");
  });

  it("sets the new password once; the link then no longer works", async () => {
    await requestPasswordReset(t.db, "cees@shop.nl", { appUrl: APP });
    const token = await mailedToken("cees@shop.nl");
    expect(await resetPassword(t.db, token, "short", "short")).toEqual({ ok: false, error: "too_short" });
    expect(await resetPassword(t.db, token, "a new password", "another one!")).toEqual({ ok: false, error: "mismatch" });
    expect(await findResetToken(t.db, token)).not.toBeNull(); // a typo does not use up the link
    expect(await resetPassword(t.db, token, "a new password", "a new password")).toEqual({ ok: true, email: "cees@shop.nl" });
    expect((await authenticate(t.db, "cees@shop.nl", "a new password")).ok).toBe(true);
    expect((await authenticate(t.db, "cees@shop.nl", "old password!")).ok).toBe(false);
    expect(await resetPassword(t.db, token, "third password", "third password")).toEqual({ ok: false, error: "invalid_link" });
    expect(await resetPassword(t.db, "made-up-token", "third password", "third password")).toEqual({ ok: false, error: "invalid_link" });
  });

  it("expires after an hour, retires the other links when one is used, and limits how many are mailed", async () => {
    const start = new Date(Date.now() - 2 * RESET_TTL_MS);
    await requestPasswordReset(t.db, "dirk@shop.nl", { appUrl: APP, now: start });
    const expired = await mailedToken("dirk@shop.nl");
    expect(await findResetToken(t.db, expired, new Date(start.getTime() + RESET_TTL_MS - 1000))).not.toBeNull();
    expect(await resetPassword(t.db, expired, "a new password", "a new password")).toEqual({ ok: false, error: "invalid_link" });

    for (let i = 0; i < RESET_MAX_PER_TTL + 2; i++) await requestPasswordReset(t.db, "dirk@shop.nl", { appUrl: APP });
    const dirk = await t.db.user.findUniqueOrThrow({ where: { email: "dirk@shop.nl" } });
    expect(await t.db.passwordResetToken.count({ where: { userId: dirk.id, createdAt: { gt: start } } })).toBe(RESET_MAX_PER_TTL);
    const newest = await mailedToken("dirk@shop.nl");
    const older = (await t.db.mail.findMany({ where: { to: "dirk@shop.nl" }, orderBy: { createdAt: "asc" } }))[1]!.text.match(/token=([\w-]+)/)![1]!;
    expect(older).not.toBe(newest);

    // Locked out by failed logins: the reset ends the lock (the owner proved access to the mailbox).
    for (let i = 0; i < THROTTLE.perEmail; i++) await authenticate(t.db, "dirk@shop.nl", `guess ${i}`);
    expect(await authenticate(t.db, "dirk@shop.nl", "old password!")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await resetPassword(t.db, newest, "dirk's new password", "dirk's new password")).toMatchObject({ ok: true });
    expect(await resetPassword(t.db, older, "yet another one", "yet another one")).toEqual({ ok: false, error: "invalid_link" });
    expect((await authenticate(t.db, "dirk@shop.nl", "dirk's new password")).ok).toBe(true);
  });
});
