import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";

/** Who did it: the pipeline itself, the merchant, or one of our operators. */
export type AuditActor = { actor: "system" } | { actor: "merchant" | "operator"; actorId: string };

export type AuditEntry = AuditActor & {
  integrationId: string;
  documentId?: string;
  /** Stable dotted code, e.g. `attempt.failed`, `document.process`, `settings.saved`. */
  action: string;
  /** Anything that explains the action (never a secret). */
  detail?: Record<string, unknown>;
};

/** Appends one event to the audit trail of an integration (and of a document when it is about one). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      integrationId: entry.integrationId,
      documentId: entry.documentId,
      actor: entry.actor,
      actorId: entry.actor === "system" ? null : entry.actorId,
      action: entry.action,
      detail: entry.detail as Prisma.InputJsonValue | undefined,
    },
  });
}
