import type { DocumentKind } from "@/connectors/types";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";

/**
 * Records that a document arrived (webhook, poll or Fetch now). The (integration, kind, source id)
 * key is unique, so a webhook delivered twice finds the same row. Returns whether it should be
 * processed now: never again once booked.
 */
export async function receiveDocument(db: Db, input: { integrationId: string; kind: DocumentKind; sourceId: string; payload?: unknown }) {
  const row = await db.document.upsert({
    where: { integrationId_kind_sourceId: { integrationId: input.integrationId, kind: input.kind, sourceId: input.sourceId } },
    create: { integrationId: input.integrationId, kind: input.kind, sourceId: input.sourceId, status: "queued", rawPayload: (input.payload ?? {}) as Prisma.InputJsonValue },
    update: {},
    select: { id: true, status: true },
  });
  return { documentId: row.id, process: row.status !== "booked" };
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
