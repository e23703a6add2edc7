import type { Db } from "../db/client";
import { bookingIntegrations, type BookingHold } from "../integrations/lifecycle";
import type { Failure } from "./failure";

/** How many times the target may say "not yet": the first try, then the two following nights (the manuals). */
export const PAYMENT_TRIES = 3;

/** Midnight (Amsterdam) after `now`: the nightly re-try picks the payment up from then. */
export function nextNight(now = new Date()): Date {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
  const midnightAsUtc = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  // Clocks change at 01:00 UTC, never around midnight: the offset two hours before it is the one at it.
  return new Date(midnightAsUtc - amsterdamOffsetMs(new Date(midnightAsUtc - 2 * 3_600_000)));
}

const amsterdamClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
});

/** How far Amsterdam's clock is ahead of UTC at `at` (1 or 2 hours). */
function amsterdamOffsetMs(at: Date): number {
  const p = Object.fromEntries(amsterdamClock.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  const wallAsUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
  return wallAsUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

export const markPaymentBooked = (db: Db, id: string, target: { id: string; number?: string }) =>
  db.payment.update({
    where: { id },
    data: { status: "booked", targetRef: target.number ? `${target.number} (${target.id})` : target.id, errorCode: null, errorDetail: null, nextAttemptAt: null, attempts: { increment: 1 } },
  });

/** Waiting for its document to be booked by us: no target call was made, so no try is used up. */
export const markPaymentAwaitingDocument = (db: Db, id: string, message: string, now = new Date()) =>
  db.payment.update({ where: { id }, data: { status: "waiting", errorCode: "document_not_booked", errorDetail: message, nextAttemptAt: nextNight(now) } });

/**
 * The target said "not yet": wait for the next night, or after the last try land on Errors with
 * the reason. Returns the new status.
 */
export async function markPaymentNotYet(db: Db, id: string, failure: Pick<Failure, "code" | "message">, now = new Date()): Promise<"waiting" | "error"> {
  const row = await db.payment.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
  if (row.attempts >= PAYMENT_TRIES) {
    await db.payment.update({
      where: { id },
      data: { status: "error", errorCode: failure.code, errorDetail: `${failure.message} Tried ${row.attempts} times over the following nights; once it is right in the accounting system, click Process.`, nextAttemptAt: null },
    });
    return "error";
  }
  await db.payment.update({ where: { id }, data: { status: "waiting", errorCode: failure.code, errorDetail: `${failure.message} It is tried again tonight.`, nextAttemptAt: nextNight(now) } });
  return "waiting";
}

/** The integration may not book now (paused, cancelled): the payment waits, with no nightly re-try, until it is released. */
export const markPaymentHeld = (db: Db, id: string, hold: BookingHold) =>
  db.payment.update({ where: { id }, data: { status: "waiting", errorCode: hold.code, errorDetail: hold.message, nextAttemptAt: null } });

export const markPaymentError = (db: Db, id: string, failure: Pick<Failure, "code" | "message">) =>
  db.payment.update({ where: { id }, data: { status: "error", errorCode: failure.code, errorDetail: failure.message, nextAttemptAt: null, attempts: { increment: 1 } } });

/** The Process button on a payment: back in the queue with fresh tries (never a booked one). */
export async function reprocessPayment(db: Db, paymentId: string): Promise<boolean> {
  const { count } = await db.payment.updateMany({
    where: { id: paymentId, status: { in: ["error", "waiting", "queued"] } },
    data: { status: "queued", attempts: 0, errorCode: null, errorDetail: null, nextAttemptAt: null },
  });
  return count === 1;
}

/** Waiting payments of running integrations whose night has come. */
export const duePayments = (db: Db, now = new Date()) =>
  db.payment.findMany({ where: { status: "waiting", nextAttemptAt: { lte: now }, integration: bookingIntegrations }, select: { id: true, integrationId: true } });
