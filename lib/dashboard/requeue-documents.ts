import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record-audit";
import type { ErrorCause } from "../pipeline/error-cause";
import { causeCondition } from "./cause-sql";
import { utc } from "./keyset";
import type { Period } from "./integrations";

/**
 * Bulk Process: puts documents of the signed-in account's integration back in the queue, the way
 * the Process button does for one (lib/pipeline/reprocess-document.ts), and records each in the
 * audit trail. Only documents in error or open move; a booked one never does, nor one of another
 * integration or account. The caller sends the process event for each id returned.
 */

export const MAX_SELECTED = 200;
const BATCH = 500;

type Who = { accountId: string; integrationId: string; userId: string };

// Same columns as reprocessDocument clears; updatedAt by hand, as raw SQL skips Prisma's @updatedAt.
const requeue = Prisma.sql`status = 'queued', "errorCode" = NULL, "errorDetail" = NULL, "errorParams" = NULL, "updatedAt" = CURRENT_TIMESTAMP`;
const owned = (who: Who) => Prisma.sql`d."integrationId" = ${who.integrationId}
  AND EXISTS (SELECT 1 FROM "Integration" i WHERE i.id = d."integrationId" AND i."accountId" = ${who.accountId})`;

async function audit(db: Db, who: Who, ids: string[], detail: Record<string, unknown>) {
  for (const documentId of ids) {
    await recordAudit(db, { actor: "merchant", actorId: who.userId, integrationId: who.integrationId, documentId, action: "document.process", detail });
  }
}

/** The documents ticked on a list ("Process selected"). Returns the ids that were requeued. */
export async function requeueSelected(db: Db, who: Who, documentIds: string[]): Promise<string[]> {
  const wanted = [...new Set(documentIds)].slice(0, MAX_SELECTED);
  if (wanted.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Document" d SET ${requeue}
     WHERE d.id = ANY(${wanted}::text[]) AND ${owned(who)} AND d.status IN ('error', 'open')
     RETURNING d.id`;
  const ids = rows.map((r) => r.id);
  await audit(db, who, ids, { bulk: true });
  return ids;
}

/**
 * Every error document of one cause (within the period shown), in batches of 500. A document that
 * fails again while this runs is not picked up a second time.
 */
export async function requeueGroup(db: Db, who: Who, group: { key: string; cause: ErrorCause }, period: Period = {}): Promise<string[]> {
  const done: string[] = [];
  const conditions = [
    owned(who),
    Prisma.sql`d.status = 'error'`,
    causeCondition(Prisma.sql`d`, group.cause),
    ...(period.from ? [Prisma.sql`d."receivedAt" >= ${utc(period.from)}`] : []),
    ...(period.to ? [Prisma.sql`d."receivedAt" < ${utc(period.to)}`] : []),
  ];
  for (;;) {
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "Document" SET ${requeue}
       WHERE id IN (
         SELECT d.id FROM "Document" d
          WHERE ${Prisma.join(conditions, " AND ")} AND NOT (d.id = ANY(${done}::text[]))
          LIMIT ${BATCH})
         AND status = 'error'
       RETURNING id`;
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    await audit(db, who, ids, { group: group.key });
    done.push(...ids);
  }
  return done;
}
