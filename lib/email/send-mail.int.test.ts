import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { sendMail } from "./send-mail";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("sendMail", () => {
  it("keeps a mail for the local mailbox when no SMTP server is configured", async () => {
    const { id, sent } = await sendMail(t.db, { kind: "registration", locale: "nl", to: "jan@example.nl", subject: "Welkom", text: "Hallo" });
    expect(sent).toBe(false);
    expect(await t.db.mail.findUniqueOrThrow({ where: { id } })).toMatchObject({ to: "jan@example.nl", subject: "Welkom", sentAt: null, error: null });
  });

  it("sends through the transport, copying the account's extra notification address", async () => {
    const account = await t.db.account.create({ data: { name: "Shop", notificationEmail: "boekhouding@example.nl" } });
    const sentMails: unknown[] = [];
    const { id, sent } = await sendMail(t.db, { kind: "trial-reminder", locale: "en", to: "owner@example.nl", subject: "Trial", text: "Ends soon", accountId: account.id }, { sendMail: async (m) => { sentMails.push(m); } });
    expect(sent).toBe(true);
    expect(sentMails).toEqual([expect.objectContaining({ to: "owner@example.nl", cc: "boekhouding@example.nl", subject: "Trial" })]);
    expect((await t.db.mail.findUniqueOrThrow({ where: { id } })).sentAt).toBeInstanceOf(Date);
  });

  it("keeps a mail whose SMTP send failed, with the reason", async () => {
    const { id, sent } = await sendMail(t.db, { kind: "x", locale: "en", to: "a@example.nl", subject: "S", text: "T" }, { sendMail: async () => { throw new Error("connection refused"); } });
    expect(sent).toBe(false);
    expect((await t.db.mail.findUniqueOrThrow({ where: { id } })).error).toBe("connection refused");
  });
});
