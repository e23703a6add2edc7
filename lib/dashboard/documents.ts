import type { Db } from "../db/client";

/** One document of the signed-in account's integration, or null. */
export function findDocument(db: Db, accountId: string, integrationId: string, documentId: string) {
  return db.document.findFirst({
    where: { id: documentId, integrationId, integration: { accountId } },
    select: {
      id: true, kind: true, sourceId: true, sourceNumber: true, status: true, errorCode: true, errorDetail: true,
      attempts: true, receivedAt: true, bookedAt: true, targetRef: true, targetNumber: true, rawPayload: true, normalized: true,
      totalInclVat: true, currency: true, customerName: true, shopChanges: true, shopChangedAt: true,
    },
  });
}

/** The exchanges with the webshop and accounting system for one document, newest first (More info). */
export function externalCallsFor(db: Db, accountId: string, documentId: string, take = 50) {
  return db.externalCall.findMany({
    where: { documentId, integration: { accountId } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, system: true, method: true, url: true, status: true, requestBody: true, responseBody: true, durationMs: true, error: true, at: true },
  });
}
