import type { Db } from "../db/client";
import { accessEndsAt } from "./access";

/**
 * What the Profile tab and the integration header show of the login's integrations: each with its
 * subscription state and its open renewal invoice, keys removed from the list (hiddenAt) left out.
 */
export async function subscriptions(db: Db, accountId: string) {
  const rows = await db.integration.findMany({
    where: { accountId, hiddenAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, name: true, licenseKey: true, status: true, trialEndsAt: true, paidUntil: true, pausedAt: true, cancelledAt: true,
      subscriptionInvoices: { where: { status: "open" }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, number: true, amountInclVat: true } },
    },
  });
  return rows.map(({ subscriptionInvoices, ...i }) => ({ ...i, accessEndsAt: accessEndsAt(i), openInvoice: subscriptionInvoices[0] ?? null }));
}

export type SubscriptionRow = Awaited<ReturnType<typeof subscriptions>>[number];

/** One integration's subscription state, for its dashboard header (null: not the account's). */
export async function subscriptionOf(db: Db, accountId: string, integrationId: string): Promise<SubscriptionRow | null> {
  return (await subscriptions(db, accountId)).find((s) => s.id === integrationId) ?? null;
}
