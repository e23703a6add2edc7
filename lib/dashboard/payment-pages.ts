import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { decodeCursor, keyset, PAGE_SIZE, pageOf, utc, type Page, type PageRequest } from "./keyset";
import type { Period } from "./integrations";

/**
 * One page of the Payments tab (newest first, keyset on when the payment arrived) of the signed-in
 * account's integration, with the total; the same rows as lib/dashboard/payments.ts lists.
 */
export type PaymentFilter = { period?: Period; statuses?: string[] };

const paymentSelect = {
  id: true, sourceId: true, amount: true, currency: true, method: true, paidAt: true, status: true, attempts: true,
  nextAttemptAt: true, targetRef: true, errorCode: true, errorDetail: true, createdAt: true,
  document: { select: { id: true, kind: true, sourceId: true, sourceNumber: true, status: true } },
} as const satisfies Prisma.PaymentSelect;

export type ListedPayment = Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>;

function filterSql(accountId: string, integrationId: string, filter: PaymentFilter): Prisma.Sql {
  const parts = [
    Prisma.sql`p."integrationId" = ${integrationId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Integration" i WHERE i.id = p."integrationId" AND i."accountId" = ${accountId})`,
  ];
  if (filter.statuses) parts.push(Prisma.sql`p.status = ANY(${filter.statuses}::text[])`);
  if (filter.period?.from) parts.push(Prisma.sql`p."createdAt" >= ${utc(filter.period.from)}`);
  if (filter.period?.to) parts.push(Prisma.sql`p."createdAt" < ${utc(filter.period.to)}`);
  return Prisma.join(parts, " AND ");
}

export async function paymentPage(
  db: Db, accountId: string, integrationId: string, filter: PaymentFilter = {}, page: PageRequest = {}, options: { size?: number; withTotal?: boolean } = {},
): Promise<Page<ListedPayment>> {
  const size = options.size ?? PAGE_SIZE;
  const where = filterSql(accountId, integrationId, filter);
  const k = keyset(Prisma.sql`p."createdAt"`, Prisma.sql`p.id`, page);
  const [idRows, totalRows] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT p.id FROM "Payment" p WHERE ${where} AND ${k.where} ${k.orderBy} LIMIT ${size + 1}`,
    options.withTotal === false ? Promise.resolve([{ n: -1 }]) : db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Payment" p WHERE ${where}`,
  ]);
  const ids = idRows.map((r) => r.id);
  const found = ids.length ? await db.payment.findMany({ where: { id: { in: ids } }, select: paymentSelect }) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const rows = ids.map((id) => byId.get(id)).filter((p): p is ListedPayment => !!p);
  return pageOf(rows, page, size, (p) => p.createdAt, totalRows[0]?.n ?? 0);
}

/** Every payment of the list, in bounded batches (CSV export). */
export async function* eachListedPayment(db: Db, accountId: string, integrationId: string, filter: PaymentFilter = {}, batch = 1000): AsyncGenerator<ListedPayment[]> {
  let page: PageRequest = {};
  for (;;) {
    const { rows, next } = await paymentPage(db, accountId, integrationId, filter, page, { size: batch, withTotal: false });
    if (rows.length) yield rows;
    const after = decodeCursor(next);
    if (!after) return;
    page = { after };
  }
}
