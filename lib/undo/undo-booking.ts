import { targetFactory } from "@/connectors/registry";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { saveRefreshedCredentials } from "../integrations/connection-credentials";
import { loadIntegration } from "../integrations/load-integration";
import { callRecorder } from "../pipeline/call-recorder";
import { toFailure, type Failure } from "../pipeline/failure";
import { undoSupportOf } from "./undo-support";

import { BOOKING_UNDONE } from "./booking-undone";

export type UndoOutcome =
  | { ok: true; how: "deleted" | "credited"; creditRef?: { id: string; number?: string } }
  | { ok: false; reason: "not_booked" | "not_supported" | "busy" } | { ok: false; reason: "target"; failure: Failure };

/**
 * "Undo booking": deletes or credits the document's booking in the accounting system, then puts
 * the document on the Errors tab as "booking undone" so Process books it again. The booking is
 * claimed first (booked → processing), so two clicks never undo twice; a failure gives it back.
 * The target's find-by-reference skips undone bookings, so the rebooking is a new one.
 */
export async function undoBooking(db: Db, documentId: string, actor: AuditActor): Promise<UndoOutcome> {
  const doc = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { integrationId: true, status: true, targetRef: true, targetNumber: true } });
  if (doc.status !== "booked" || !doc.targetRef) return { ok: false, reason: "not_booked" };
  const integration = await loadIntegration(db, doc.integrationId);
  if (!undoSupportOf(integration.targetSystem, integration.settings.target).supported) return { ok: false, reason: "not_supported" };
  const calls = callRecorder();
  const target = targetFactory(integration.targetSystem)(
    { baseUrl: integration.target.baseUrl, credentials: integration.target.credentials, onCall: calls.onCall },
    integration.settings.target ?? {},
    { onCredentials: (c) => saveRefreshedCredentials(db, integration.id, "target", c) },
  );
  if (!target.undoBooking) return { ok: false, reason: "not_supported" };

  const claimed = await db.document.updateMany({ where: { id: documentId, status: "booked" }, data: { status: "processing" } });
  if (claimed.count !== 1) return { ok: false, reason: "busy" };
  const ref = { id: doc.targetRef, ...(doc.targetNumber ? { number: doc.targetNumber } : {}) };
  try {
    const undone = await target.undoBooking(ref);
    const creditRef = undone.how === "credited" ? undone.creditRef : undefined;
    const shown = ref.number ?? ref.id;
    await db.document.update({
      where: { id: documentId },
      data: {
        status: "error", targetRef: null, targetNumber: null, bookedAt: null, errorCode: BOOKING_UNDONE, shopChanges: Prisma.DbNull, shopChangedAt: null,
        errorDetail: creditRef
          ? `The booking ${shown} was credited (credit invoice ${creditRef.number ?? creditRef.id}). Click Process to book this document again.`
          : `The booking ${shown} was deleted. Click Process to book this document again.`,
        errorParams: { how: undone.how, targetRef: ref.id } as Prisma.InputJsonValue,
      },
    });
    await recordAudit(db, { ...actor, integrationId: doc.integrationId, documentId, action: "booking.undone", detail: { how: undone.how, targetRef: ref.id, targetNumber: ref.number, ...(creditRef ? { creditRef: creditRef.id, creditNumber: creditRef.number } : {}) } });
    return { ok: true, how: undone.how, ...(creditRef ? { creditRef } : {}) };
  } catch (err) {
    const failure = toFailure(err);
    await db.document.update({ where: { id: documentId }, data: { status: "booked" } });
    await recordAudit(db, { ...actor, integrationId: doc.integrationId, documentId, action: "booking.undo_failed", detail: { code: failure.code, message: failure.message } });
    return { ok: false, reason: "target", failure };
  } finally {
    await calls.save(db, doc.integrationId, documentId);
  }
}
