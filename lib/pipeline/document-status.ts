import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { BookingHold } from "../integrations/lifecycle";
import type { Failure } from "./failure";

/** The document's life on the dashboard: queued → processing → booked | error | open. */
export const markProcessing = (db: Db, id: string) =>
  db.document.update({ where: { id }, data: { status: "processing", attempts: { increment: 1 } } });

export const markOpen = (db: Db, id: string, reason: string) =>
  db.document.update({ where: { id }, data: { status: "open", errorCode: "not_eligible", errorDetail: reason, errorParams: Prisma.DbNull } });

/** The integration may not book now (paused, cancelled): kept on the Open tab with the reason. */
export const markHeld = (db: Db, id: string, hold: BookingHold) =>
  db.document.update({ where: { id }, data: { status: "open", errorCode: hold.code, errorDetail: hold.message, errorParams: Prisma.DbNull } });

export const markError = (db: Db, id: string, failure: Pick<Failure, "code" | "message" | "params">) =>
  db.document.update({
    where: { id },
    data: { status: "error", errorCode: failure.code, errorDetail: failure.message, errorParams: (failure.params as Prisma.InputJsonValue | undefined) ?? Prisma.DbNull },
  });

export const markBooked = (db: Db, id: string, target: { id: string; number?: string }) =>
  db.document.update({
    where: { id },
    data: { status: "booked", targetRef: target.id, targetNumber: target.number ?? null, bookedAt: new Date(), errorCode: null, errorDetail: null, errorParams: Prisma.DbNull },
  });

/** Keeps what the shop sent and what we made of it, for More info and the Report tab. */
export const storeFetched = (db: Db, id: string, data: { payload: unknown; number?: string; normalized?: unknown; totals?: { incl: string; excl: string }; currency?: string; date?: string; customerName?: string }) =>
  db.document.update({
    where: { id },
    data: {
      rawPayload: data.payload as Prisma.InputJsonValue,
      sourceNumber: data.number,
      ...(data.normalized ? { normalized: data.normalized as Prisma.InputJsonValue } : {}),
      ...(data.totals ? { totalInclVat: data.totals.incl, totalExclVat: data.totals.excl } : {}),
      currency: data.currency,
      documentDate: data.date ? new Date(`${data.date}T00:00:00Z`) : undefined,
      customerName: data.customerName,
    },
  });
