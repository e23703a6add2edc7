import type { SourceSystem } from "@/connectors/types";
import type { Db } from "../db/client";
import { bookingIntegrations } from "../integrations/lifecycle";
import { paymentsSettingOf } from "./payments-setting";

/** Shops whose payments are checked on a schedule (their source offers listPayments): CCV Shop, manual 001. */
export const PAYMENT_CHECK_SOURCES: readonly SourceSystem[] = ["ccvshop"];

/** How long a booked document is waited for to show a payment in the shop (keeps the listed window bounded). */
export const PAYMENT_CHECK_WINDOW_DAYS = 31;

/** Running integrations of such shops with payments switched on. */
export async function integrationsToCheckPayments(db: Db): Promise<string[]> {
  const rows = await db.integration.findMany({
    where: { ...bookingIntegrations, sourceSystem: { in: [...PAYMENT_CHECK_SOURCES] } },
    select: { id: true, settings: { where: { key: "payments" }, select: { value: true } } },
  });
  return rows.filter((r) => paymentsSettingOf(r.settings[0]?.value).enabled).map((r) => r.id);
}

export type AwaitingDocument = { id: string; kind: string; sourceId: string; day: string };

/**
 * Documents this integration booked in the window for which no payment is recorded yet: what a
 * payments check looks for. A document with a payment (booked, waiting or on Errors) is followed
 * by that payment's own retries, never by the check.
 */
export async function documentsAwaitingPayment(db: Db, integrationId: string, now = new Date()): Promise<AwaitingDocument[]> {
  const rows = await db.document.findMany({
    where: { integrationId, status: "booked", bookedAt: { gte: new Date(now.getTime() - PAYMENT_CHECK_WINDOW_DAYS * 86_400_000) }, payments: { none: {} } },
    select: { id: true, kind: true, sourceId: true, documentDate: true, bookedAt: true },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, sourceId: r.sourceId, day: (r.documentDate ?? r.bookedAt ?? now).toISOString().slice(0, 10) }));
}

/** The first day the shop's list is asked from: the oldest awaiting document's day, one day earlier (the shop's day may start before ours). */
export function firstDayOf(awaiting: AwaitingDocument[]): string {
  const oldest = awaiting.map((d) => d.day).sort()[0]!;
  return new Date(Date.parse(`${oldest}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
