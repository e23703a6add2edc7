import { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { amounts, rateKey, type Amounts } from "./amounts";
import { countrySql, lineAmountsSql, linesSql } from "./breakdown-sql";
import { ELIGIBLE_STATUSES } from "./eligibility";
import type { ReconciliationPeriod } from "./period";

/** Amounts of one VAT rate in one country: of all eligible documents (shop) and of the booked ones. */
export type RateCountryTotals = { rate: string; country: string; shop: Amounts; booked: Amounts };
export type StatusCount = { status: string; count: number; incl: string };

type Row = { booked: boolean; rate: string | null; country: string | null; excl: string | null; vat: string | null; incl: string | null };

/**
 * The period's eligible documents summed per VAT rate and country: once for all eligible ones (the
 * shop's side), once for the booked ones. Read from the running day totals the Document trigger
 * keeps (a month is a few hundred rows however many documents it holds).
 */
export async function periodTotals(db: Db, integrationId: string, p: ReconciliationPeriod): Promise<RateCountryTotals[]> {
  const eligible = Prisma.join(ELIGIBLE_STATUSES.map((s) => Prisma.sql`${s}`));
  const rows = await db.$queryRaw<Row[]>`
    SELECT v."status" = 'booked' AS booked, v."rate", v."country", SUM(v."excl")::text AS excl, SUM(v."vat")::text AS vat, SUM(v."incl")::text AS incl
    FROM "DocumentDayVat" v
    WHERE v."integrationId" = ${integrationId} AND v."day" >= ${p.from} AND v."day" < ${p.to} AND v."status" IN (${eligible})
    GROUP BY 1, 2, 3`;
  const byKey = new Map<string, RateCountryTotals>();
  for (const row of rows) {
    const a = amounts(row.excl, row.vat, row.incl);
    if (a.excl.isZero() && a.vat.isZero() && a.incl.isZero()) continue;
    const rate = rateKey(row.rate === "" ? null : row.rate);
    const country = row.country ?? "";
    const key = `${rate}|${country}`;
    const entry = byKey.get(key) ?? { rate, country, shop: amounts(0, 0, 0), booked: amounts(0, 0, 0) };
    entry.shop = { excl: entry.shop.excl.plus(a.excl), vat: entry.shop.vat.plus(a.vat), incl: entry.shop.incl.plus(a.incl) };
    if (row.booked) entry.booked = { excl: entry.booked.excl.plus(a.excl), vat: entry.booked.vat.plus(a.vat), incl: entry.booked.incl.plus(a.incl) };
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => (a.rate === b.rate ? a.country.localeCompare(b.country) : Number(b.rate || -1) - Number(a.rate || -1)));
}

/** How many documents of the period are in each status, with their total incl. VAT (running day totals). */
export async function periodStatusCounts(db: Db, integrationId: string, p: ReconciliationPeriod): Promise<StatusCount[]> {
  const rows = await db.$queryRaw<{ status: string; count: number | bigint; incl: string | null }[]>`
    SELECT s."status", SUM(s."count") AS count, SUM(s."incl")::text AS incl
    FROM "DocumentDayStatus" s
    WHERE s."integrationId" = ${integrationId} AND s."day" >= ${p.from} AND s."day" < ${p.to}
    GROUP BY 1`;
  return rows.map((r) => ({ status: r.status, count: Number(r.count), incl: r.incl ?? "0" })).filter((r) => r.count !== 0);
}

/** Per document: its amounts per rate and country (for the few documents a target check names). */
export async function documentBreakdown(db: Db, documentIds: string[]): Promise<Map<string, { rate: string; country: string; amounts: Amounts }[]>> {
  const result = new Map<string, { rate: string; country: string; amounts: Amounts }[]>();
  if (documentIds.length === 0) return result;
  const rows = await db.$queryRaw<(Row & { id: string })[]>`
    SELECT d."id", (l->>'vatRate')::numeric::text AS rate, ${countrySql} AS country, ${lineAmountsSql}
    FROM "Document" d ${linesSql}
    WHERE d."id" IN (${Prisma.join(documentIds)}) GROUP BY 1, 2, 3`;
  for (const row of rows) {
    const list = result.get(row.id) ?? [];
    list.push({ rate: rateKey(row.rate), country: row.country ?? "", amounts: amounts(row.excl, row.vat, row.incl) });
    result.set(row.id, list);
  }
  return result;
}
