import type { Db } from "@/lib/db/client";

/**
 * When each side last did something: the shop (last poll, last document received) and the
 * accounting system (last booking), with the connections' health as the pipeline recorded it.
 * Two indexed MAX queries, never a scan of the documents.
 */
export async function lastActivity(db: Db, integrationId: string) {
  const [received, booked, integration] = await Promise.all([
    db.document.findFirst({ where: { integrationId }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    db.document.findFirst({ where: { integrationId, bookedAt: { not: null } }, orderBy: { bookedAt: "desc" }, select: { bookedAt: true } }),
    db.integration.findUnique({
      where: { id: integrationId },
      select: { lastSyncAt: true, connections: { select: { side: true, system: true, status: true, statusDetail: true, lastCheckedAt: true } } },
    }),
  ]);
  const connection = (side: string) => integration?.connections.find((c) => c.side === side) ?? null;
  return {
    source: { lastSyncAt: integration?.lastSyncAt ?? null, lastDocumentAt: received?.receivedAt ?? null, connection: connection("source") },
    target: { lastBookingAt: booked?.bookedAt ?? null, connection: connection("target") },
  };
}
