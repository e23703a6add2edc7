import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { causeKey, errorCause, type ErrorCause } from "../pipeline/error-cause";
import { causeParamColumns, causeParamSelects } from "./cause-sql";
import { utc } from "./keyset";
import type { Period } from "./integrations";

/** One group of the Errors tab: documents failing for the same cause. */
export type ErrorGroup = { key: string; cause: ErrorCause; count: number; firstDocumentId: string };

const MAX_GROUPS = 100;

/**
 * The Errors tab's groups, largest first: one GROUP BY over this integration's error documents on
 * the code and the parameters that decide the fix (lib/pipeline/error-cause.ts), so a run that
 * failed 37 orders on Germany 19% is one line, not 37.
 */
export async function errorGroups(db: Db, accountId: string, integrationId: string, period: Period = {}): Promise<ErrorGroup[]> {
  const names = causeParamColumns();
  const params = causeParamSelects(Prisma.sql`d`);
  const select = params.length ? Prisma.sql`, ${Prisma.join(params.map((p, i) => Prisma.sql`${p} AS ${Prisma.raw(`p${i}`)}`))}` : Prisma.empty;
  const groupBy = Prisma.join([Prisma.sql`code`, ...params.map((_, i) => Prisma.raw(`p${i}`))]);
  const conditions = [
    Prisma.sql`d."integrationId" = ${integrationId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Integration" i WHERE i.id = d."integrationId" AND i."accountId" = ${accountId})`,
    Prisma.sql`d.status = 'error'`,
    ...(period.from ? [Prisma.sql`d."receivedAt" >= ${utc(period.from)}`] : []),
    ...(period.to ? [Prisma.sql`d."receivedAt" < ${utc(period.to)}`] : []),
  ];
  const rows = await db.$queryRaw<({ code: string | null; n: number; first: string } & Record<string, string | null>)[]>`
    SELECT COALESCE(d."errorCode", '') AS code, count(*)::int AS n, min(d.id) AS first ${select}
      FROM "Document" d
     WHERE ${Prisma.join(conditions, " AND ")}
     GROUP BY ${groupBy}
     ORDER BY n DESC, code ASC
     LIMIT ${MAX_GROUPS}`;
  return rows.map((row) => {
    const values: Record<string, string | null> = {};
    names.forEach((name, i) => { values[name] = row[`p${i}`] ?? null; });
    const cause = errorCause(row.code ?? "", values);
    return { key: causeKey(cause), cause, count: row.n, firstDocumentId: row.first };
  });
}

/** The group with this key (as shown on the page, within the same period), or undefined. */
export async function findErrorGroup(db: Db, accountId: string, integrationId: string, key: string, period: Period = {}): Promise<ErrorGroup | undefined> {
  return (await errorGroups(db, accountId, integrationId, period)).find((g) => g.key === key);
}
