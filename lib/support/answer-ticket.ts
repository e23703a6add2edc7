import { z } from "zod";
import type { Db } from "../db/client";
import { sendMail } from "../email/send-mail";
import { parseLocale } from "../i18n/locale";
import { supportMessages } from "../i18n/messages/support";
import { translator } from "../i18n/translate";
import { ticketNumber } from "./ticket-number";

export const answerSchema = z.object({ message: z.string().trim().min(1).max(10_000) });

/**
 * An operator answers a ticket: the answer joins the conversation, the ticket is "answered", and
 * the merchant gets a mail in their account's language (to whoever opened the ticket, else the
 * account's first user; sendMail copies the account's notification address).
 */
export async function answerTicket(db: Db, operatorId: string, ticketId: string, body: string, appUrl: string): Promise<{ ok: true; mailId: string | null } | { ok: false }> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true, subject: true, userId: true, accountId: true,
      account: { select: { locale: true, users: { orderBy: { createdAt: "asc" }, select: { id: true, email: true } } } },
    },
  });
  if (!ticket) return { ok: false };
  await db.$transaction([
    db.ticketMessage.create({ data: { ticketId, author: "operator", userId: operatorId, body } }),
    db.ticket.update({ where: { id: ticketId }, data: { status: "answered" } }),
  ]);

  const users = ticket.account.users;
  const to = (users.find((u) => u.id === ticket.userId) ?? users[0])?.email;
  if (!to) return { ok: true, mailId: null };
  const locale = parseLocale(ticket.account.locale);
  const t = translator(supportMessages, locale);
  const number = ticketNumber(ticket.id);
  const url = `${appUrl.replace(/\/$/, "")}/dashboard/support/${ticket.id}`;
  const mail = await sendMail(db, {
    kind: "ticket-answer", locale, to, accountId: ticket.accountId,
    subject: t("mailSubject", { number, subject: ticket.subject }),
    text: [t("mailGreeting"), t("mailIntro", { number, subject: ticket.subject }), body, t("mailLink", { url }), t("mailSignature")].join("\n\n"),
  });
  return { ok: true, mailId: mail.id };
}
