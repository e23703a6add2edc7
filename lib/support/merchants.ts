import type { Db } from "../db/client";
import { OPERATOR_ROLE } from "../auth/operator";

/**
 * The operator's view of merchants (app/ops). Not scoped by account: only operator pages call
 * these, after checking the role.
 */

/** Merchants whose company name, a user's email or a license key contains the search text (newest first). */
export function searchMerchants(db: Db, query: string, take = 50) {
  const q = query.trim();
  const contains = { contains: q, mode: "insensitive" as const };
  return db.account.findMany({
    where: {
      users: { none: { role: OPERATOR_ROLE } },
      ...(q ? { OR: [{ name: contains }, { users: { some: { email: contains } } }, { integrations: { some: { licenseKey: contains } } }] } : {}),
    },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true, name: true, createdAt: true,
      users: { orderBy: { createdAt: "asc" }, select: { email: true } },
      integrations: { orderBy: { createdAt: "asc" }, select: { licenseKey: true, status: true } },
      _count: { select: { tickets: { where: { status: "open" } } } },
    },
  });
}

/** One merchant: account, users, integrations with their error and open counts, recent errors, tickets. */
export async function merchantOverview(db: Db, accountId: string) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true, name: true, locale: true, country: true, notificationEmail: true, createdAt: true,
      users: { orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, lastLoginAt: true } },
      integrations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, name: true, licenseKey: true, sourceSystem: true, targetSystem: true, status: true,
          trialEndsAt: true, paidUntil: true, lastSyncAt: true, pausedAt: true, cancelledAt: true,
        },
      },
    },
  });
  if (!account) return null;
  const [counts, recentErrors, tickets] = await Promise.all([
    db.document.groupBy({ by: ["integrationId", "status"], where: { integration: { accountId }, status: { in: ["error", "open"] } }, _count: { _all: true } }),
    db.document.findMany({
      where: { integration: { accountId }, status: "error" },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: { id: true, kind: true, sourceId: true, sourceNumber: true, errorCode: true, errorDetail: true, updatedAt: true, integration: { select: { id: true, licenseKey: true } } },
    }),
    db.ticket.findMany({
      where: { accountId },
      orderBy: { updatedAt: "desc" },
      select: { id: true, kind: true, subject: true, status: true, updatedAt: true },
    }),
  ]);
  const count = (integrationId: string, status: string) =>
    counts.find((c) => c.integrationId === integrationId && c.status === status)?._count._all ?? 0;
  return {
    ...account,
    integrations: account.integrations.map((i) => ({ ...i, errors: count(i.id, "error"), open: count(i.id, "open") })),
    recentErrors,
    tickets,
  };
}
