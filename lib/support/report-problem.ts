import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { parseLocale } from "../i18n/locale";
import { supportMessages, type SupportKey } from "../i18n/messages/support";
import { translator } from "../i18n/translate";
import { MAX_DOCUMENTS, problemContextOf, snapshotDocument, type ProblemContext } from "./problem-context";
import { ticketNumber } from "./ticket-number";

export type ReportProblemInput = { accountId: string; userId: string; integrationId: string; documentId: string; message: string };
export type ReportProblemResult =
  | { ok: true; ticketId: string; number: string; merged: boolean }
  | { ok: false; error: "document_not_found" | "not_an_error" };

/**
 * The red Report problem button: a "problem" ticket carrying the document, its error and the raw
 * exchange. The manuals ask for one or two tickets when many documents fail alike, so a document
 * whose error code already has a ticket in progress for this integration (open or answered, not
 * closed) is added to that ticket, with a reply saying so, instead of opening another.
 */
export async function reportProblem(db: Db, input: ReportProblemInput): Promise<ReportProblemResult> {
  const snapshot = await snapshotDocument(db, input.accountId, input.integrationId, input.documentId);
  if (!snapshot) return { ok: false, error: "document_not_found" };
  if (snapshot.document.status !== "error") return { ok: false, error: "not_an_error" };

  const account = await db.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { locale: true } });
  const t = translator(supportMessages, parseLocale(account.locale));
  const { document, error } = snapshot;
  const label = `${t(`kind_${document.kind}` as SupportKey)} ${document.sourceNumber ?? document.sourceId}`;
  const code = error.code ?? "error";
  const message = input.message.trim();

  const existing = error.code ? await openProblemTicket(db, input.accountId, input.integrationId, error.code) : null;
  if (existing) {
    const documents = existing.context.documents;
    const already = documents.findIndex((d) => d.document.id === document.id);
    // The same document again: its fresh snapshot replaces the old one; a new one is kept while there is room.
    const kept = already >= 0 ? documents.map((d, i) => (i === already ? snapshot : d)) : documents.length < MAX_DOCUMENTS ? [...documents, snapshot] : documents;
    const note = t(already >= 0 ? "reportedAgain" : "mergedNote", { document: label, code });
    await db.$transaction([
      db.ticketMessage.create({ data: { ticketId: existing.id, author: "merchant", userId: input.userId, body: message ? `${note}\n\n${message}` : note } }),
      db.ticket.update({
        where: { id: existing.id },
        data: { status: "open", context: { ...existing.context, documents: kept } as unknown as Prisma.InputJsonValue },
      }),
    ]);
    return { ok: true, ticketId: existing.id, number: ticketNumber(existing.id), merged: true };
  }

  const context: ProblemContext = { errorCode: error.code, documents: [snapshot] };
  const ticket = await db.ticket.create({
    data: {
      accountId: input.accountId, integrationId: input.integrationId, documentId: document.id, kind: "problem", userId: input.userId,
      subject: t("problemSubject", { document: label, code }),
      message: message || t("noMessage"),
      context: context as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { ok: true, ticketId: ticket.id, number: ticketNumber(ticket.id), merged: false };
}

/** The oldest problem ticket still in progress for this integration and error code, if any. */
async function openProblemTicket(db: Db, accountId: string, integrationId: string, errorCode: string) {
  const tickets = await db.ticket.findMany({
    where: { accountId, integrationId, kind: "problem", status: { not: "closed" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, context: true },
  });
  for (const ticket of tickets) {
    const context = problemContextOf(ticket.context);
    if (context?.errorCode === errorCode) return { id: ticket.id, context };
  }
  return null;
}
