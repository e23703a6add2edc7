import type { DocumentKind } from "@/connectors/types";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { BOOKING_UNDONE } from "../undo/booking-undone";

/**
 * Records that a document arrived (webhook, poll or Fetch now). The (integration, kind, source id)
 * key is unique, so a webhook delivered twice finds the same row. Returns whether it should be
 * processed now: never again once booked (nor after the merchant undid its booking).
 */
export async function receiveDocument(db: Db, input: { integrationId: string; kind: DocumentKind; sourceId: string; payload?: unknown }) {
  const row = await db.document.upsert({
    where: { integrationId_kind_sourceId: { integrationId: input.integrationId, kind: input.kind, sourceId: input.sourceId } },
    create: { integrationId: input.integrationId, kind: input.kind, sourceId: input.sourceId, status: "queued", rawPayload: (input.payload ?? {}) as Prisma.InputJsonValue },
    update: {},
    select: { id: true, status: true, errorCode: true },
  });
  // An undone booking waits for the merchant's Process, not for the shop's next notice.
  return { documentId: row.id, process: row.status !== "booked" && row.errorCode !== BOOKING_UNDONE };
}

/** Records every document a webhook, poll or re-check announced; returns the ids to (re)process. */
export async function receiveNotices(db: Db, integrationId: string, notices: { kind: DocumentKind; sourceId: string }[]): Promise<string[]> {
  const toProcess: string[] = [];
  for (const notice of notices) {
    const { documentId, process } = await receiveDocument(db, { integrationId, ...notice });
    if (process) toProcess.push(documentId);
  }
  return toProcess;
}
