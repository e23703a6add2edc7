import type { DocumentKind } from "@/connectors/types";
import { receiveDocument } from "../pipeline/receive-document";
import type { Db } from "../db/client";

/** `draining`: nothing left to hand over, but documents handed over earlier are still in the pipeline. */
export type QueuedBatch = { stop: "paused" | "cancelled" | "done" | "superseded" | null; documentIds: string[]; draining?: true };

/**
 * Hands the next `size` bookable items of a running import to the pipeline, oldest first, through
 * `receiveDocument` like any live document: the (integration, kind, source id) row is shared with live
 * traffic, so a document booked live (before or meanwhile) is booked once. Stops when the import is no
 * longer running under this generation (paused, cancelled, resumed by a newer run), and marks it done
 * when nothing is left.
 */
export async function queueNextBatch(db: Db, importId: string, generation: number, size: number): Promise<QueuedBatch> {
  const run = await db.historyImport.findUniqueOrThrow({ where: { id: importId }, select: { status: true, generation: true, integrationId: true } });
  if (run.generation !== generation) return { stop: "superseded", documentIds: [] };
  if (run.status === "paused" || run.status === "cancelled") return { stop: run.status, documentIds: [] };
  if (run.status !== "running") return { stop: "done", documentIds: [] };

  const items = await db.historyImportItem.findMany({ where: { importId, state: "pending" }, orderBy: { seq: "asc" }, take: size, select: { id: true, kind: true, sourceId: true } });
  if (items.length === 0) {
    if ((await importInPipeline(db, importId)) > 0) return { stop: null, documentIds: [], draining: true };
    await db.historyImport.update({ where: { id: importId }, data: { status: "done", finishedAt: new Date() } });
    return { stop: "done", documentIds: [] };
  }
  const documentIds: string[] = [];
  for (const item of items) {
    const received = await receiveDocument(db, { integrationId: run.integrationId, kind: item.kind as DocumentKind, sourceId: item.sourceId });
    if (received.process) documentIds.push(received.documentId);
    await db.historyImportItem.update({
      where: { id: item.id },
      data: received.process ? { state: "queued", documentId: received.documentId } : { state: "skipped", alreadyBooked: true, documentId: received.documentId },
    });
  }
  return { stop: null, documentIds };
}

/** How many documents this import handed over the pipeline has not finished with yet. */
export async function importInPipeline(db: Db, importId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "HistoryImportItem" i JOIN "Document" d ON d.id = i."documentId"
    WHERE i."importId" = ${importId} AND i.state = 'queued' AND d.status IN ('queued', 'processing')`;
  return row?.n ?? 0;
}
