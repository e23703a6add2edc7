import type { Db } from "../db/client";

export const TICKET_STATUSES = ["open", "answered", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The operators' inbox: open tickets first, then answered, then closed; the latest activity first within each. */
export async function ticketInbox(db: Db, status?: TicketStatus, takePerStatus = 100) {
  const statuses = status ? [status] : TICKET_STATUSES;
  const groups = await Promise.all(
    statuses.map((s) =>
      db.ticket.findMany({
        where: { status: s },
        orderBy: { updatedAt: "desc" },
        take: takePerStatus,
        select: {
          id: true, kind: true, subject: true, status: true, updatedAt: true,
          account: { select: { id: true, name: true } },
          integration: { select: { licenseKey: true } },
          _count: { select: { replies: true } },
        },
      }),
    ),
  );
  return groups.flat();
}

/** One ticket with everything an operator needs: merchant, integration, context, conversation. */
export function ticketForOperator(db: Db, ticketId: string) {
  return db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true, kind: true, subject: true, message: true, status: true, context: true, documentId: true, createdAt: true, updatedAt: true,
      account: { select: { id: true, name: true, locale: true } },
      integration: { select: { id: true, name: true, licenseKey: true } },
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, author: true, body: true, createdAt: true } },
    },
  });
}
