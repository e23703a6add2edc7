import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";

/** The Process button: puts an error or open document back in the queue (never a booked one). */
export async function reprocessDocument(db: Db, documentId: string): Promise<boolean> {
  const { count } = await db.document.updateMany({
    where: { id: documentId, status: { in: ["error", "open", "queued"] } },
    data: { status: "queued", errorCode: null, errorDetail: null, errorParams: Prisma.DbNull },
  });
  return count === 1;
}
