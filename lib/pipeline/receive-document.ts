import type { DocumentKind } from "@/connectors/types";
import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
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
  const row = await db.document.upsert({
    where: { integrationId_kind_sourceId: { integrationId: input.integrationId, kind: input.kind, sourceId: input.sourceId } },
    create: { integrationId: input.integrationId, kind: input.kind, sourceId: input.sourceId, status: "queued", rawPayload: (input.payload ?? {}) as Prisma.InputJsonValue },
    update: {},
    select: { id: true, status: true, errorCode: true },
  });
  // An undone booking waits for the merchant's Process, not for the shop's next notice.
  const skipBooked = options.booked !== "compare" && row.status === "booked";
  return { documentId: row.id, process: row.errorCode !== BOOKING_UNDONE && !skipBooked };
}

/**
 * `booked`: "compare" where the shop says the document changed (webhooks, the updated-since poll):
 * a booked one is then processed to be compared with its booking (changes after booking); "skip"
 * (default, e.g. the nightly re-check of a window, which announces documents changed or not).
 */
export type ReceiveOptions = { booked?: "compare" | "skip" };

/** Records every document a webhook, poll or re-check announced; returns the ids to (re)process. */
export async function receiveNotices(db: Db, integrationId: string, notices: { kind: DocumentKind; sourceId: string }[], options: ReceiveOptions = {}): Promise<string[]> {
  const toProcess: string[] = [];
  for (const notice of notices) {
    // A garbled shop answer can name a megabyte or control characters as an id: that is no document
    // (and would not fit the unique key); the page's real documents are recorded all the same.
    if (!isSourceId(notice.sourceId)) {
      console.warn(`[receive] integration ${integrationId}: skipped a ${notice.kind} whose id is not a shop id (${String(notice.sourceId).length} characters)`);
      continue;
    }
    const { documentId, process } = await receiveDocument(db, { integrationId, ...notice }, options);
    if (process) toProcess.push(documentId);
  }
  return toProcess;
}
