import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import type { ErrorCause } from "../pipeline/error-cause";
import { causeCondition } from "./cause-sql";
import { decodeCursor, keyset, PAGE_SIZE, pageOf, utc, type Page, type PageRequest } from "./keyset";
import type { DocumentTab, Period } from "./integrations";

/**
 * One page of a document list (Report, Errors, Open, or the documents of one error cause) of the
 * signed-in account's integration, with the total. The page is chosen in SQL by keyset on the
 * list's date (booked for Report, received otherwise), so it stays fast at 200,000 documents.
 */
export type DocumentFilter = { tab: DocumentTab; period?: Period; cause?: ErrorCause };

const statusOf: Record<DocumentTab, string> = { report: "booked", errors: "error", open: "open" };
const dateColumn = (tab: DocumentTab) => (tab === "report" ? Prisma.sql`d."bookedAt"` : Prisma.sql`d."receivedAt"`);

const listSelect = {
  id: true, kind: true, sourceId: true, sourceNumber: true, status: true, customerName: true,
  totalInclVat: true, totalExclVat: true, currency: true, documentDate: true, targetRef: true, targetNumber: true,
  errorCode: true, errorDetail: true, errorParams: true, attempts: true, receivedAt: true, bookedAt: true,
} as const satisfies Prisma.DocumentSelect;

export type ListedDocument = Prisma.DocumentGetPayload<{ select: typeof listSelect }>;

/** The WHERE of a list: this account's integration, the tab's status, the period, the cause. */
function filterSql(accountId: string, integrationId: string, filter: DocumentFilter): Prisma.Sql {
  const date = dateColumn(filter.tab);
  const parts = [
    Prisma.sql`d."integrationId" = ${integrationId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Integration" i WHERE i.id = d."integrationId" AND i."accountId" = ${accountId})`,
    Prisma.sql`d.status = ${statusOf[filter.tab]}`,
  ];
  if (filter.period?.from) parts.push(Prisma.sql`${date} >= ${utc(filter.period.from)}`);
  if (filter.period?.to) parts.push(Prisma.sql`${date} < ${utc(filter.period.to)}`);
  if (filter.cause) parts.push(causeCondition(Prisma.sql`d`, filter.cause));
  return Prisma.join(parts, " AND ");
}

export async function countListed(db: Db, accountId: string, integrationId: string, filter: DocumentFilter): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Document" d WHERE ${filterSql(accountId, integrationId, filter)}`;
  return rows[0]?.n ?? 0;
}

/** The ids of one page (size + 1, to know whether there is more), in the page's reading order. */
async function pageIds(db: Db, accountId: string, integrationId: string, filter: DocumentFilter, page: PageRequest, size: number): Promise<string[]> {
  const k = keyset(dateColumn(filter.tab), Prisma.sql`d.id`, page);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Document" d
     WHERE ${filterSql(accountId, integrationId, filter)} AND ${k.where}
     ${k.orderBy} LIMIT ${size + 1}`;
  return rows.map((r) => r.id);
}

async function rowsByIds(db: Db, ids: string[]): Promise<ListedDocument[]> {
  if (ids.length === 0) return [];
  const found = await db.document.findMany({ where: { id: { in: ids } }, select: listSelect });
  const byId = new Map(found.map((d) => [d.id, d]));
  return ids.map((id) => byId.get(id)).filter((d): d is ListedDocument => !!d);
}

const keyOf = (tab: DocumentTab) => (d: ListedDocument) => (tab === "report" ? d.bookedAt : d.receivedAt);

export async function documentPage(
  db: Db, accountId: string, integrationId: string, filter: DocumentFilter, page: PageRequest = {}, options: { size?: number; withTotal?: boolean } = {},
): Promise<Page<ListedDocument>> {
  const size = options.size ?? PAGE_SIZE;
  const [ids, total] = await Promise.all([
    pageIds(db, accountId, integrationId, filter, page, size),
    options.withTotal === false ? Promise.resolve(-1) : countListed(db, accountId, integrationId, filter),
  ]);
  return pageOf(await rowsByIds(db, ids), page, size, keyOf(filter.tab), total);
}

/** Every document of a list, in bounded batches (for CSV exports): never the whole list at once. */
export async function* eachListedDocument(db: Db, accountId: string, integrationId: string, filter: DocumentFilter, batch = 1000): AsyncGenerator<ListedDocument[]> {
  let page: PageRequest = {};
  for (;;) {
    const { rows, next } = await documentPage(db, accountId, integrationId, filter, page, { size: batch, withTotal: false });
    if (rows.length) yield rows;
    const after = decodeCursor(next);
    if (!after) return;
    page = { after };
  }
}
