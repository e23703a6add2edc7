import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { sendMail } from "../email/send-mail";
import { linkify, listMails } from "./mailbox";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("local mailbox", () => {
  it("lists kept mails newest first, and only those to one address (case-insensitive, copies included)", async () => {
    const account = await t.db.account.create({ data: { name: "Shop", notificationEmail: "books@example.nl" } });
    await sendMail(t.db, { kind: "registration", locale: "en", to: "jan@example.nl", subject: "First", text: "1" });
    await sendMail(t.db, { kind: "registration", locale: "en", to: "piet@example.nl", subject: "Other", text: "2", accountId: account.id });
    await sendMail(t.db, { kind: "registration", locale: "nl", to: "jan@example.nl", subject: "Second", text: "3" });
    expect((await listMails(t.db)).map((m) => m.subject)).toEqual(["Second", "Other", "First"]);
    expect((await listMails(t.db, " JAN@example.nl ")).map((m) => m.subject)).toEqual(["Second", "First"]);
    expect((await listMails(t.db, "books@example.nl")).map((m) => m.subject)).toEqual(["Other"]);
    expect(await listMails(t.db, "nobody@example.nl")).toEqual([]);
  });

  it("cuts a mail's text into text and links, leaving a sentence's closing punctuation out of the link", () => {
    expect(linkify("Installation URL: http://localhost:3000/install/BK-1\nLog in at https://x.nl/login.")).toEqual([
      { text: "Installation URL: " },
      { url: "http://localhost:3000/install/BK-1" },
      { text: "\nLog in at " },
      { url: "https://x.nl/login" },
      { text: "." },
    ]);
    expect(linkify("no links")).toEqual([{ text: "no links" }]);
  });
});
