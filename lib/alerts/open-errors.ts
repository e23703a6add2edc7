import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { causeKey, causeParams, errorCause, type ErrorCause } from "../pipeline/error-cause";

/**
 * Open errors counted in SQL on the (integrationId, status) index, never loaded row by row: an
 * integration with 200,000 documents in error still answers with a handful of rows.
 */

/** SQL fragments one after the other (Prisma.join refuses an empty list). */
const all = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " ", "", "") : Prisma.empty);

/** `"errorParams"->>'region' = 'DE' AND …` for the parameters that make the cause. */
const paramsMatch = (cause: ErrorCause) =>
  Object.entries(cause.params).map(([name, value]) => Prisma.sql`AND "errorParams"->>${name}::text = ${value}::text`);

/** Documents of the integration now in error with this cause, leaving out one (the one just reported) if given. */
export async function documentsWithCause(db: Db, integrationId: string, cause: ErrorCause, except?: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Document"
    WHERE "integrationId" = ${integrationId} AND "status" = 'error' AND "errorCode" = ${cause.code}
    ${all(paramsMatch(cause))}
    ${except ? Prisma.sql`AND "id" <> ${except}` : Prisma.empty}`;
  return Number(rows[0]?.n ?? 0);
}

/** Payments have no parameters: their cause is their code. */
export const paymentsWithCode = (db: Db, integrationId: string, code: string, except?: string) =>
  db.payment.count({ where: { integrationId, status: "error", errorCode: code, ...(except ? { id: { not: except } } : {}) } });

export type CauseCount = { cause: ErrorCause; key: string; count: number };

/** Every parameter any cause is made of: grouped on in SQL, then folded into causes. */
const allParamNames = [...new Set(Object.values(causeParams).flat())].sort();

/** The integration's documents in error, counted per cause, most first. */
export async function documentErrorsByCause(db: Db, integrationId: string): Promise<CauseCount[]> {
  const columns = allParamNames.map((name, i) => Prisma.sql`, "errorParams"->>${name}::text AS ${Prisma.raw(`p${i}`)}`);
  const groups = allParamNames.map((_, i) => Prisma.raw(`, p${i}`));
  const rows = await db.$queryRaw<Record<string, string | number | null>[]>`
    SELECT "errorCode" AS code ${all(columns)}, count(*)::int AS n FROM "Document"
    WHERE "integrationId" = ${integrationId} AND "status" = 'error'
    GROUP BY "errorCode" ${all(groups)}`;
  const byKey = new Map<string, CauseCount>();
  for (const row of rows) {
    const params = Object.fromEntries(allParamNames.map((name, i) => [name, row[`p${i}`]]));
    const cause = errorCause(String(row.code ?? "internal_error"), params);
    const key = causeKey(cause);
    const seen = byKey.get(key);
    if (seen) seen.count += Number(row.n);
    else byKey.set(key, { cause, key, count: Number(row.n) });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The integration's payments in error, counted per code, most first. */
export async function paymentErrorsByCode(db: Db, integrationId: string): Promise<{ code: string; count: number }[]> {
  const rows = await db.payment.groupBy({ by: ["errorCode"], where: { integrationId, status: "error" }, _count: { _all: true } });
  return rows.map((r) => ({ code: r.errorCode ?? "internal_error", count: r._count._all })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
