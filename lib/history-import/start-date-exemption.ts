import type { Db } from "../db/client";

/**
 * Whether a document is being booked on purpose by a history import (handed over by an import
 * that is running or paused): the reason a document dated before the integration's start date may
 * be booked, while the same document arriving only live is not. For the pipeline's start-date rule.
 */
export async function historyImportReason(db: Db, documentId: string): Promise<{ importId: string } | null> {
  const item = await db.historyImportItem.findFirst({
    where: { documentId, state: "queued", import: { status: { in: ["running", "paused"] } } },
    select: { importId: true },
  });
  return item ? { importId: item.importId } : null;
}
