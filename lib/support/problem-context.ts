import type { Db } from "../db/client";

/**
 * What a Report problem ticket carries (Ticket.context): per reported document a snapshot as it
 * was (kind, numbers, totals, status), its error and the raw exchange with the shop and the
 * accounting system (ExternalCall rows, already redacted when recorded). Capped so a ticket stays
 * small whatever a document went through: the latest calls, each body clipped.
 */
export const MAX_CALLS = 25;
export const MAX_BODY = 4_000;
/** Documents kept with their exchange on one ticket; later ones are noted in a reply only. */
export const MAX_DOCUMENTS = 20;

export type ExchangeSnapshot = {
  at: string; system: string; method: string; url: string; status: number | null; durationMs: number | null; error: string | null;
  requestBody: string | null; responseBody: string | null;
};

export type DocumentSnapshot = {
  reportedAt: string;
  document: {
    id: string; kind: string; sourceId: string; sourceNumber: string | null; status: string;
    currency: string | null; totalInclVat: string | null; totalExclVat: string | null;
    documentDate: string | null; customerName: string | null; targetRef: string | null; targetNumber: string | null;
    attempts: number; receivedAt: string;
  };
  error: { code: string | null; detail: string | null };
  calls: ExchangeSnapshot[];
  /** Older calls left out by the cap. */
  callsOmitted: number;
};

export type ProblemContext = { errorCode: string | null; documents: DocumentSnapshot[] };

const clip = (text: string | null) =>
  text && text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}… (${text.length - MAX_BODY} more characters)` : text;

/** The snapshot of one document of the account's integration, or null when it is not theirs. */
export async function snapshotDocument(db: Db, accountId: string, integrationId: string, documentId: string, now = new Date()): Promise<DocumentSnapshot | null> {
  const doc = await db.document.findFirst({
    where: { id: documentId, integrationId, integration: { accountId } },
    select: {
      id: true, kind: true, sourceId: true, sourceNumber: true, status: true, currency: true, totalInclVat: true, totalExclVat: true,
      documentDate: true, customerName: true, targetRef: true, targetNumber: true, attempts: true, receivedAt: true, errorCode: true, errorDetail: true,
    },
  });
  if (!doc) return null;
  const where = { documentId, integrationId };
  const [latest, total] = await Promise.all([
    db.externalCall.findMany({ where, orderBy: { at: "desc" }, take: MAX_CALLS }),
    db.externalCall.count({ where }),
  ]);
  return {
    reportedAt: now.toISOString(),
    document: {
      id: doc.id, kind: doc.kind, sourceId: doc.sourceId, sourceNumber: doc.sourceNumber, status: doc.status, currency: doc.currency,
      totalInclVat: doc.totalInclVat?.toFixed(2) ?? null, totalExclVat: doc.totalExclVat?.toFixed(2) ?? null,
      documentDate: doc.documentDate?.toISOString() ?? null, customerName: doc.customerName, targetRef: doc.targetRef, targetNumber: doc.targetNumber,
      attempts: doc.attempts, receivedAt: doc.receivedAt.toISOString(),
    },
    error: { code: doc.errorCode, detail: doc.errorDetail },
    // Oldest first, as the exchange happened.
    calls: latest.reverse().map((c) => ({
      at: c.at.toISOString(), system: c.system, method: c.method, url: c.url, status: c.status, durationMs: c.durationMs, error: c.error,
      requestBody: clip(c.requestBody), responseBody: clip(c.responseBody),
    })),
    callsOmitted: Math.max(0, total - latest.length),
  };
}

/** Reads a ticket's context back; anything not of this shape (a question, an old ticket) is null. */
export function problemContextOf(value: unknown): ProblemContext | null {
  if (!value || typeof value !== "object" || !Array.isArray((value as ProblemContext).documents)) return null;
  const context = value as ProblemContext;
  return { errorCode: typeof context.errorCode === "string" ? context.errorCode : null, documents: context.documents };
}
