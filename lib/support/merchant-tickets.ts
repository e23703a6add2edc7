import type { Db } from "../db/client";

/**
 * The merchant's own tickets. Every read is scoped by the account, so another account's ticket id
 * finds nothing (the pages answer 404).
 */
export function listTickets(db: Db, accountId: string) {
  return db.ticket.findMany({
    where: { accountId },
    orderBy: [{ updatedAt: "desc" }],
    select: { id: true, kind: true, subject: true, status: true, createdAt: true, updatedAt: true },
  });
}

/** One ticket of the account with its conversation (the first message, then the replies oldest first). */
export function findTicket(db: Db, accountId: string, ticketId: string) {
  return db.ticket.findFirst({
    where: { id: ticketId, accountId },
    select: {
      id: true, kind: true, subject: true, message: true, status: true, createdAt: true, updatedAt: true,
      integration: { select: { id: true, name: true, licenseKey: true } },
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, author: true, body: true, createdAt: true } },
    },
  });
}
