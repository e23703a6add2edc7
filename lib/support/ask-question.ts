import { z } from "zod";
import { ticketText } from "./ticket-text";
import type { Db } from "../db/client";
import { ticketNumber } from "./ticket-number";

export const questionSchema = z.object({
  subject: ticketText(200).pipe(z.string().min(1)),
  message: ticketText(5000).pipe(z.string().min(1)),
  integrationId: z.string().trim().max(100).optional().transform((v) => v || undefined),
});
export type Question = z.infer<typeof questionSchema>;

export type AskResult = { ok: true; ticketId: string; number: string } | { ok: false; error: "integration_not_found" };

/** The green Ask us button: a "question" ticket about anything, optionally about one of the account's integrations. */
export async function askQuestion(db: Db, accountId: string, userId: string, question: Question): Promise<AskResult> {
  if (question.integrationId) {
    const own = await db.integration.findFirst({ where: { id: question.integrationId, accountId }, select: { id: true } });
    if (!own) return { ok: false, error: "integration_not_found" };
  }
  const ticket = await db.ticket.create({
    data: { accountId, userId, integrationId: question.integrationId, kind: "question", subject: question.subject, message: question.message },
    select: { id: true },
  });
  return { ok: true, ticketId: ticket.id, number: ticketNumber(ticket.id) };
}
