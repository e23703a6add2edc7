import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { answerTicket } from "./answer-ticket";
import { askQuestion } from "./ask-question";
import { findTicket, listTickets } from "./merchant-tickets";
import { closeTicket, replyAsMerchant } from "./reply-ticket";
import { createMerchant } from "./testing";
import { ticketNumber } from "./ticket-number";

let t: TestDb;
let anna: Awaited<ReturnType<typeof createMerchant>>;
let bram: Awaited<ReturnType<typeof createMerchant>>;
let operator: Awaited<ReturnType<typeof createMerchant>>;
beforeAll(async () => {
  t = await createTestDb();
  anna = await createMerchant(t.db, "Anna Shop");
  bram = await createMerchant(t.db, "Bram Winkel", { locale: "nl" });
  operator = await createMerchant(t.db, "Boekkoppeling support", { role: "operator" });
});
afterAll(async () => { await t.close(); });

const ask = async (who: typeof anna, subject: string, integrationId?: string) => {
  const result = await askQuestion(t.db, who.accountId, who.userId, { subject, message: `${subject}?`, integrationId });
  if (!result.ok) throw new Error(result.error);
  return result;
};

describe("Ask us", () => {
  it("creates a question ticket, optionally about one of the account's own integrations", async () => {
    const general = await ask(anna, "Invoice address");
    const about = await ask(anna, "Polling", anna.integrationId);
    expect(general.number).toBe(ticketNumber(general.ticketId));
    expect(await t.db.ticket.findUniqueOrThrow({ where: { id: about.ticketId } })).toMatchObject({
      kind: "question", userId: anna.userId, accountId: anna.accountId, integrationId: anna.integrationId, subject: "Polling", message: "Polling?", status: "open",
    });
    expect(await askQuestion(t.db, anna.accountId, anna.userId, { subject: "x", message: "y", integrationId: bram.integrationId })).toEqual({ ok: false, error: "integration_not_found" });
  });
});

describe("the merchant's tickets", () => {
  it("a merchant never sees, answers or closes another merchant's ticket", async () => {
    const annas = await ask(anna, "Anna's own");
    const brams = await ask(bram, "Bram's own");
    expect((await listTickets(t.db, anna.accountId)).map((x) => x.id)).toContain(annas.ticketId);
    expect((await listTickets(t.db, anna.accountId)).map((x) => x.id)).not.toContain(brams.ticketId);
    expect(await findTicket(t.db, anna.accountId, brams.ticketId)).toBeNull();
    expect(await findTicket(t.db, bram.accountId, brams.ticketId)).not.toBeNull();
    expect(await replyAsMerchant(t.db, anna.accountId, anna.userId, brams.ticketId, "sneaky")).toBe(false);
    expect(await closeTicket(t.db, anna.accountId, brams.ticketId)).toBe(false);
    expect(await t.db.ticketMessage.count({ where: { ticketId: brams.ticketId } })).toBe(0);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: brams.ticketId } })).status).toBe("open");
  });

  it("shows the conversation in order; a reply reopens, Close closes", async () => {
    const { ticketId } = await ask(anna, "Conversation");
    await answerTicket(t.db, operator.userId, ticketId, "Here is how.", "http://localhost:3000");
    expect(await replyAsMerchant(t.db, anna.accountId, anna.userId, ticketId, "Thanks, one more thing.")).toBe(true);
    const ticket = await findTicket(t.db, anna.accountId, ticketId);
    expect(ticket?.status).toBe("open");
    expect(ticket?.replies.map((r) => [r.author, r.body])).toEqual([["operator", "Here is how."], ["merchant", "Thanks, one more thing."]]);
    expect(await closeTicket(t.db, anna.accountId, ticketId)).toBe(true);
    expect((await findTicket(t.db, anna.accountId, ticketId))?.status).toBe("closed");
  });
});

describe("an operator's answer", () => {
  it("joins the conversation, marks the ticket answered and mails the merchant in English", async () => {
    const { ticketId, number } = await ask(anna, "Trial");
    const result = await answerTicket(t.db, operator.userId, ticketId, "Your trial runs to the first of next month.", "http://localhost:3000/");
    expect(result.ok).toBe(true);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: ticketId }, include: { replies: true } });
    expect(ticket.status).toBe("answered");
    expect(ticket.replies).toMatchObject([{ author: "operator", userId: operator.userId, body: "Your trial runs to the first of next month." }]);
    const mail = await t.db.mail.findUniqueOrThrow({ where: { id: (result as { mailId: string }).mailId } });
    expect(mail).toMatchObject({ kind: "ticket-answer", locale: "en", to: anna.email, accountId: anna.accountId, subject: `Answer to your ticket ${number}: Trial` });
    expect(mail.text).toContain("Your trial runs to the first of next month.");
    expect(mail.text).toContain(`http://localhost:3000/dashboard/support/${ticketId}`);
  });

  it("mails a Dutch merchant in Dutch", async () => {
    const { ticketId, number } = await ask(bram, "Proefperiode");
    const result = await answerTicket(t.db, operator.userId, ticketId, "Je proefperiode loopt tot de eerste van volgende maand.", "http://localhost:3000");
    const mail = await t.db.mail.findUniqueOrThrow({ where: { id: (result as { mailId: string }).mailId } });
    expect(mail).toMatchObject({ kind: "ticket-answer", locale: "nl", to: bram.email, subject: `Antwoord op je ticket ${number}: Proefperiode` });
    expect(mail.text).toMatch(/^Hallo,/);
    expect(mail.text).toContain("Met vriendelijke groet");
  });

  it("answers nothing for a ticket that does not exist", async () => {
    expect(await answerTicket(t.db, operator.userId, "no-such-ticket", "hello", "http://localhost:3000")).toEqual({ ok: false });
  });
});
