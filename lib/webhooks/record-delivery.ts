import type { DocumentKind } from "@/connectors/types";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { receiveNotices, recordDocumentsSql, shopIdsOnly, toProcess, type Recorded } from "../pipeline/receive-document";
import { claimSql } from "./replay-guard";

export type DeliveryClaim = { key: string; ttlMs: number };
export type RecordedDelivery = { replayed: true } | { replayed: false; toProcess: string[] };

/**
 * A verified webhook delivery in one statement, the one its acknowledgement waits on: the replay
 * guard's claim (when the shop's delivery has an identity) and the documents it names, recorded
 * together or not at all. A replay within the claim's lifetime records nothing. Documents whose
 * shop says they changed are processed again when booked ("compare").
 */
export async function recordDelivery(db: Db, integrationId: string, claim: DeliveryClaim | undefined, notices: { kind: DocumentKind; sourceId: string }[], now = new Date()): Promise<RecordedDelivery> {
  const options = { booked: "compare" } as const;
  if (!claim) return { replayed: false, toProcess: await receiveNotices(db, integrationId, notices, options) };
  const docs = shopIdsOnly(integrationId, notices);
  const claimed = claimSql(integrationId, claim.key, claim.ttlMs, now);
  if (!docs.length) return (await db.$queryRaw<unknown[]>`${claimed}`).length ? { replayed: false, toProcess: [] } : { replayed: true };
  const rows = await db.$queryRaw<(Recorded & { claimed: boolean })[]>`
    WITH claim AS (${claimed}), ${recordDocumentsSql(integrationId, docs, {}, Prisma.sql`EXISTS (SELECT 1 FROM claim)`)}
    SELECT EXISTS (SELECT 1 FROM claim) AS claimed, id, status, "errorCode" FROM recorded`;
  // Every row says whether the claim was taken (there is one row per document asked).
  return rows[0]?.claimed ? { replayed: false, toProcess: toProcess(rows, options) } : { replayed: true };
}
