import type { Db } from "../db/client";
import { HELD_PAUSED } from "../integrations/lifecycle";

/**
 * A paused integration runs again: every document and payment held while it was paused goes back
 * in the queue. They keep the hold's code until their run starts, so a repeated call (a repeated
 * webhook, the daily job healing a lost send) finds and sends them again instead of losing them;
 * booking twice is impossible (a booked document is never booked again, and the target is searched
 * by our reference first).
 */
export async function releaseHeldWork(db: Db, integrationId: string): Promise<{ documents: string[]; payments: string[] }> {
  await db.document.updateMany({ where: { integrationId, errorCode: HELD_PAUSED, status: "open" }, data: { status: "queued" } });
  await db.payment.updateMany({ where: { integrationId, errorCode: HELD_PAUSED, status: "waiting" }, data: { status: "queued", attempts: 0, nextAttemptAt: null } });
  const [documents, payments] = await Promise.all([
    db.document.findMany({ where: { integrationId, errorCode: HELD_PAUSED, status: "queued" }, select: { id: true }, orderBy: { receivedAt: "asc" } }),
    db.payment.findMany({ where: { integrationId, errorCode: HELD_PAUSED, status: "queued" }, select: { id: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { documents: documents.map((d) => d.id), payments: payments.map((p) => p.id) };
}

/** Integrations that run again but still have released work waiting to be sent (the daily job heals a lost send). */
export async function integrationsWithReleasableWork(db: Db): Promise<string[]> {
  const [documents, payments] = await Promise.all([
    db.document.findMany({ where: { errorCode: HELD_PAUSED, status: { in: ["open", "queued"] }, integration: { status: "active" } }, distinct: ["integrationId"], select: { integrationId: true } }),
    db.payment.findMany({ where: { errorCode: HELD_PAUSED, status: { in: ["waiting", "queued"] }, integration: { status: "active" } }, distinct: ["integrationId"], select: { integrationId: true } }),
  ]);
  return [...new Set([...documents, ...payments].map((r) => r.integrationId))];
}
