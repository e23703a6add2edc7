import type { Db } from "../db/client";

/** The Payments view: each payment with its document, newest first (only the signed-in account's). */
export function listPayments(db: Db, accountId: string, integrationId: string, options: { statuses?: string[]; take?: number } = {}) {
  return db.payment.findMany({
    where: { integrationId, integration: { accountId }, ...(options.statuses ? { status: { in: options.statuses } } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 200,
    select: {
      id: true, sourceId: true, amount: true, currency: true, method: true, paidAt: true, status: true, attempts: true,
      nextAttemptAt: true, targetRef: true, errorCode: true, errorDetail: true, createdAt: true,
      document: { select: { id: true, kind: true, sourceId: true, sourceNumber: true, status: true } },
    },
  });
}

/** One payment of the signed-in account's integration, or null. */
export function findPayment(db: Db, accountId: string, integrationId: string, paymentId: string) {
  return db.payment.findFirst({ where: { id: paymentId, integrationId, integration: { accountId } }, select: { id: true, status: true } });
}
