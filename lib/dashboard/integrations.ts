import type { Db } from "../db/client";

/**
 * Account-scoped reads for the dashboard. Every function takes the signed-in accountId and
 * returns null / [] for anything of another account, so a guessed id reveals nothing.
 */

export function listIntegrations(db: Db, accountId: string) {
  // A cancelled key the merchant removed on Profile stays gone from the list too.
  return db.integration.findMany({
    where: { accountId, hiddenAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, name: true, licenseKey: true, sourceSystem: true, targetSystem: true, status: true,
      trialEndsAt: true, lastSyncAt: true,
      connections: { select: { side: true, status: true, lastCheckedAt: true } },
    },
  });
}

export function findIntegration(db: Db, accountId: string, integrationId: string) {
  return db.integration.findFirst({
    where: { id: integrationId, accountId },
    select: {
      id: true, name: true, licenseKey: true, sourceSystem: true, targetSystem: true, status: true,
      trialEndsAt: true, lastSyncAt: true, createdAt: true,
      connections: { select: { side: true, system: true, status: true, statusDetail: true, lastCheckedAt: true, baseUrl: true } },
    },
  });
}

export type DocumentTab = "report" | "errors" | "open";
const statusesFor: Record<DocumentTab, string[]> = { report: ["booked"], errors: ["error"], open: ["open"] };

export type Period = { from?: Date; to?: Date };

export function listDocuments(db: Db, accountId: string, integrationId: string, tab: DocumentTab, period: Period = {}, take = 200) {
  const dateField = tab === "report" ? "bookedAt" : "receivedAt";
  return db.document.findMany({
    where: {
      integrationId, integration: { accountId }, status: { in: statusesFor[tab] },
      ...(period.from || period.to ? { [dateField]: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } } : {}),
    },
    orderBy: tab === "report" ? { bookedAt: "desc" } : { receivedAt: "desc" },
    take,
    select: {
      id: true, kind: true, sourceId: true, sourceNumber: true, status: true, customerName: true,
      totalInclVat: true, currency: true, documentDate: true, targetRef: true, targetNumber: true,
      errorCode: true, errorDetail: true, attempts: true, receivedAt: true, bookedAt: true,
    },
  });
}

export function countDocuments(db: Db, accountId: string, integrationId: string) {
  return db.document.groupBy({
    by: ["status"],
    where: { integrationId, integration: { accountId } },
    _count: { _all: true },
  });
}
