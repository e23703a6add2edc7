import type { DocumentKind, PollNotice } from "@/connectors/types";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { newId } from "../db/new-id";
import { BOOKING_UNDONE } from "../undo/booking-undone";

/** The longest document id we accept from a shop; real ones are numbers or short codes. */
export const MAX_SOURCE_ID_LENGTH = 128;

/**
 * Whether a shop's id can be a document id: short, printable text. Anything else (a megabyte, NUL
 * or other control characters) is no id a shop gives, and would not fit the database's unique key.
 */
export const isSourceId = (id: unknown): id is string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  typeof id === "string" && id.length > 0 && id.length <= MAX_SOURCE_ID_LENGTH && !/[\u0000-\u001f\u007f]/.test(id);

/**
 * Records that a document arrived (webhook, poll or Fetch now). The (integration, kind, source id)
 * key is unique, so a webhook delivered twice finds the same row. Returns whether it should be
 * processed now: a booked one only when the caller asks to compare it with its booking (it is never
 * booked twice); one whose booking the merchant undid waits for Process.
 */
export async function receiveDocument(db: Db, input: { integrationId: string; kind: DocumentKind; sourceId: string; payload?: unknown }, options: ReceiveOptions = {}) {
  const [row] = await recordDocuments(db, input.integrationId, [input], input.payload);
  return { documentId: row!.id, process: shouldProcess(row!, options) };
}

/**
 * `booked`: "compare" where the shop says the document changed (webhooks, the updated-since poll):
 * a booked one is then processed to be compared with its booking (changes after booking); "skip"
 * (default, e.g. the nightly re-check of a window, which announces documents changed or not).
 */
export type ReceiveOptions = { booked?: "compare" | "skip" };

/** Records every document a webhook, poll or re-check announced; returns the ids to (re)process. */
export async function receiveNotices(db: Db, integrationId: string, notices: PollNotice[], options: ReceiveOptions = {}): Promise<string[]> {
  // A garbled shop answer can name a megabyte or control characters as an id: that is no document
  // (and would not fit the unique key); the page's real documents are recorded all the same.
  const docs = shopIdsOnly(integrationId, notices);
  const rows = await recordDocuments(db, integrationId, docs);
  // Rows come back in the order asked: a re-checked notice counts only if it recorded a new document.
  return toProcess(rows.filter((row, i) => !docs[i]?.recheck || row.fresh), options);
}

/** The notices whose ids can be a shop's; the others are logged and left out. */
export function shopIdsOnly<T extends { kind: DocumentKind; sourceId: string }>(integrationId: string, notices: T[]): T[] {
  return notices.filter((notice) => {
    if (isSourceId(notice.sourceId)) return true;
    console.warn(`[receive] integration ${integrationId}: skipped a ${notice.kind} whose id is not a shop id (${String(notice.sourceId).length} characters)`);
    return false;
  });
}

/** The distinct ids of recorded documents to (re)process now. */
export const toProcess = (rows: Recorded[], options: ReceiveOptions): string[] => [...new Set(rows.filter((row) => shouldProcess(row, options)).map((row) => row.id))];

/** `fresh`: recorded by this very statement (the shop's first notice of it). */
export type Recorded = { id: string; status: string; errorCode: string | null; fresh?: boolean };

function shouldProcess(row: Recorded, options: ReceiveOptions): boolean {
  // An undone booking waits for the merchant's Process, not for the shop's next notice.
  const skipBooked = options.booked !== "compare" && row.status === "booked";
  return row.errorCode !== BOOKING_UNDONE && !skipBooked;
}

/**
 * One statement for all: new documents are inserted (queued), known ones are read as they are;
 * the rows come back in the order asked. A webhook's acknowledgement waits on this, so it is one
 * round trip however many documents a delivery or a poll page names.
 */
async function recordDocuments(db: Db, integrationId: string, docs: { kind: DocumentKind; sourceId: string }[], payload: unknown = {}): Promise<Recorded[]> {
  if (!docs.length) return [];
  return db.$queryRaw<Recorded[]>`WITH ${recordDocumentsSql(integrationId, docs, payload)} SELECT id, status, "errorCode", fresh FROM recorded`;
}

/**
 * The CTEs that record `docs` (see recordDocuments), ending in `recorded (n, id, status,
 * "errorCode", fresh)` in the order asked. `onlyIf`: a condition (SQL) the insert needs, e.g. that a
 * webhook's delivery was claimed in the same statement.
 */
export function recordDocumentsSql(integrationId: string, docs: { kind: DocumentKind; sourceId: string }[], payload: unknown = {}, onlyIf: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const values = Prisma.join(docs.map((d, i) => Prisma.sql`(${i}::int, ${newId()}, ${d.kind}, ${d.sourceId})`));
  return Prisma.sql`
    input (n, id, kind, "sourceId") AS (VALUES ${values}),
    inserted AS (
      INSERT INTO "Document" (id, "integrationId", kind, "sourceId", status, "rawPayload", "updatedAt")
      SELECT DISTINCT ON (kind, "sourceId") id, ${integrationId}, kind, "sourceId", 'queued', ${JSON.stringify(payload)}::jsonb, ${new Date()}::timestamp
        FROM input WHERE ${onlyIf} ORDER BY kind, "sourceId", n
      ON CONFLICT ("integrationId", kind, "sourceId") DO NOTHING
      RETURNING id, kind, "sourceId", status, "errorCode"
    ),
    found AS (
      SELECT id, kind, "sourceId", status, "errorCode", TRUE AS fresh FROM inserted
      UNION ALL
      SELECT d.id, d.kind, d."sourceId", d.status, d."errorCode", FALSE AS fresh FROM "Document" d
        WHERE d."integrationId" = ${integrationId} AND (d.kind, d."sourceId") IN (SELECT kind, "sourceId" FROM input)
    ),
    recorded AS (SELECT input.n, found.id, found.status, found."errorCode", found.fresh FROM input JOIN found USING (kind, "sourceId") ORDER BY input.n)`;
}
