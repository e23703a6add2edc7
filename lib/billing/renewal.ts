import type { Db } from "../db/client";
import { accessEndsAt, DAY_MS, REMINDER_DAYS } from "./access";
import { sendPausedMail, sendRenewalOffer } from "./billing-mail";
import type { MollieClient } from "./mollie-client";
import { payLinkUrl } from "./pay-link";
import { ensureCheckout, openRenewalInvoice } from "./renewal-invoice";

/**
 * The daily renewal round (inngest/functions/billing-daily.ts). The manuals: at the end of the
 * trial or subscription the integration is not renewed automatically; the merchant gets an offer
 * for a year by mail and confirms it by paying with the link in it. Unpaid at the end: paused.
 */

/** "Both dates unset or before `limit`, not both unset": the later of the two is before `limit`. */
const accessEndsBefore = (limit: Date) => ({
  AND: [
    { OR: [{ trialEndsAt: null }, { trialEndsAt: { lte: limit } }] },
    { OR: [{ paidUntil: null }, { paidUntil: { lte: limit } }] },
    { OR: [{ trialEndsAt: { not: null } }, { paidUntil: { not: null } }] },
  ],
});

/** Running integrations whose access ends within the reminder window and that have no offer for that end yet. */
export async function renewalsDue(db: Db, now: Date): Promise<string[]> {
  const rows = await db.integration.findMany({
    where: { status: "active", ...accessEndsBefore(new Date(now.getTime() + REMINDER_DAYS * DAY_MS)) },
    select: { id: true, trialEndsAt: true, paidUntil: true, renewalReminderFor: true },
  });
  return rows
    .filter((r) => {
      const end = accessEndsAt(r)!;
      return end > now && r.renewalReminderFor?.getTime() !== end.getTime();
    })
    .map((r) => r.id);
}

/** Running integrations whose access has ended. */
export async function accessEnded(db: Db, now: Date): Promise<string[]> {
  const rows = await db.integration.findMany({ where: { status: "active", ...accessEndsBefore(now) }, select: { id: true } });
  return rows.map((r) => r.id);
}

type Deps = { mollie: MollieClient; now: Date };

/**
 * The renewal offer: claims the reminder for this access end (so a second run sends nothing),
 * makes the invoice and its payment, mails the link. A failure gives the claim back, so the
 * retry (or tomorrow's run) sends it after all.
 */
export async function offerRenewal(db: Db, integrationId: string, { mollie, now }: Deps): Promise<{ sent: boolean; invoiceId?: string }> {
  const row = await db.integration.findUniqueOrThrow({ where: { id: integrationId } });
  const end = accessEndsAt(row);
  if (!end || row.status !== "active" || end <= now || row.renewalReminderFor?.getTime() === end.getTime()) return { sent: false };
  const claim = await db.integration.updateMany({
    where: { id: integrationId, status: "active", OR: [{ renewalReminderFor: null }, { renewalReminderFor: { not: end } }] },
    data: { renewalReminderFor: end },
  });
  if (claim.count !== 1) return { sent: false };
  try {
    const invoice = await openRenewalInvoice(db, integrationId, now);
    await ensureCheckout(db, invoice.id, mollie);
    await sendRenewalOffer(db, row, end, invoice, payLinkUrl(invoice.id));
    return { sent: true, invoiceId: invoice.id };
  } catch (err) {
    await db.integration.updateMany({ where: { id: integrationId, renewalReminderFor: end }, data: { renewalReminderFor: row.renewalReminderFor } });
    throw err;
  }
}

/**
 * The access ended unpaid: paused (nothing is booked; documents are held on the Open tab) and
 * mailed the payment link. The status change is the claim; a failure before the mail undoes it.
 */
export async function pauseIntegration(db: Db, integrationId: string, { mollie, now }: Deps): Promise<{ paused: boolean; invoiceId?: string }> {
  const row = await db.integration.findUniqueOrThrow({ where: { id: integrationId } });
  const end = accessEndsAt(row);
  if (!end || end > now || row.status !== "active") return { paused: false };
  const claim = await db.integration.updateMany({ where: { id: integrationId, status: "active" }, data: { status: "paused", pausedAt: now } });
  if (claim.count !== 1) return { paused: false };
  try {
    const invoice = await openRenewalInvoice(db, integrationId, now);
    await ensureCheckout(db, invoice.id, mollie);
    await sendPausedMail(db, row, end, invoice, payLinkUrl(invoice.id));
    return { paused: true, invoiceId: invoice.id };
  } catch (err) {
    await db.integration.updateMany({ where: { id: integrationId, status: "paused", pausedAt: now }, data: { status: "active", pausedAt: null } });
    throw err;
  }
}
