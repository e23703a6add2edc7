import { z } from "zod";
import { ticketText } from "./ticket-text";
import type { Db } from "../db/client";

export const replySchema = z.object({ message: ticketText(5000).pipe(z.string().min(1)) });

/** The merchant answers on their own ticket: it is open again for us (also after it was closed). */
export async function replyAsMerchant(db: Db, accountId: string, userId: string, ticketId: string, body: string): Promise<boolean> {
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, accountId }, select: { id: true } });
  if (!ticket) return false;
  await db.$transaction([
    db.ticketMessage.create({ data: { ticketId, author: "merchant", userId, body } }),
    db.ticket.update({ where: { id: ticketId }, data: { status: "open" } }),
  ]);
  return true;
}

/** The merchant closes their own ticket. */
export async function closeTicket(db: Db, accountId: string, ticketId: string): Promise<boolean> {
  const { count } = await db.ticket.updateMany({ where: { id: ticketId, accountId }, data: { status: "closed" } });
  return count === 1;
}
