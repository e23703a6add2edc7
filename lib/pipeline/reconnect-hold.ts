import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { Failure } from "./failure";

/**
 * A document whose shop or accounting connection stopped accepting our credentials (token revoked,
 * key deactivated) is no error of the document: it waits on the Open tab with this code, nothing
 * lost, and is booked once the merchant reconnects (new credentials saved) or, failing a send, by
 * the nightly re-check of the Open tab.
 */
export const HELD_RECONNECT = "reconnect_needed";

export const markWaitingForReconnect = (db: Db, id: string, side: "source" | "target", failure: Pick<Failure, "code" | "message">) =>
  db.document.update({
    where: { id },
    data: {
      status: "open",
      errorCode: HELD_RECONNECT,
      errorDetail: `${failure.message} This document waits here and is booked as soon as the connection works again.`,
      errorParams: { side, code: failure.code } as Prisma.InputJsonValue,
    },
  });

/** The documents of an integration waiting for a reconnect, oldest first. */
export async function documentsWaitingForReconnect(db: Db, integrationId: string): Promise<string[]> {
  const rows = await db.document.findMany({ where: { integrationId, status: "open", errorCode: HELD_RECONNECT }, select: { id: true }, orderBy: { receivedAt: "asc" } });
  return rows.map((r) => r.id);
}

/** A payment refused for the same reason waits too (due at once, so the nightly re-check is a backstop). */
export const markPaymentWaitingForReconnect = (db: Db, id: string, failure: Pick<Failure, "code" | "message">) =>
  db.payment.update({
    where: { id },
    data: { status: "waiting", errorCode: HELD_RECONNECT, errorDetail: `${failure.message} This payment waits here and is booked as soon as the connection works again.`, nextAttemptAt: new Date() },
  });

/** The payments of an integration waiting for a reconnect, oldest first. */
export async function paymentsWaitingForReconnect(db: Db, integrationId: string): Promise<string[]> {
  const rows = await db.payment.findMany({ where: { integrationId, status: "waiting", errorCode: HELD_RECONNECT }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.id);
}
