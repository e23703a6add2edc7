import Decimal from "decimal.js";
import type { Db } from "@/lib/db/client";
import { add, fromJson, minus, zero, type Amounts } from "./amounts";
import { NOT_BOOKED_STATUSES, NOT_ELIGIBLE_STATUSES } from "./eligibility";
import type { ReconciliationPeriod } from "./period";
import { periodStatusCounts, periodTotals } from "./period-totals";
import type { StoredFindings } from "./run-check";
import type { Finding } from "./target-findings";

export type ReportRow = { rate: string; country: string; shop: Amounts; booked: Amounts; difference: Amounts };
export type NotBooked = { documentId: string; kind: string; label: string; status: string; incl: string };
export type ReconciliationReport = {
  period: ReconciliationPeriod;
  rows: ReportRow[];
  /** Target totals that differ from the shop's (not attributable to a rate): target minus shop, incl. VAT. */
  otherAmounts: Decimal;
  total: { shop: Amounts; booked: Amounts; difference: Amounts };
  notEligibleCount: number;
  notBooked: { count: number; documents: NotBooked[] };
  check: { status: string; checkedAt: Date; error: string | null; findings: StoredFindings | null } | null;
};

const LIST_LIMIT = 200;

/**
 * The reconciliation of one period, from the database only: SQL aggregates per rate and country,
 * the documents not booked, and the last stored check against the target (which moves deleted and
 * duplicated bookings out of and into the booked side).
 */
export async function buildReconciliationReport(db: Db, integrationId: string, period: ReconciliationPeriod): Promise<ReconciliationReport> {
  const notBookedWhere = { integrationId, status: { in: [...NOT_BOOKED_STATUSES] }, documentDate: { gte: period.from, lt: period.to } };
  const [totals, counts, check, notBookedDocs] = await Promise.all([
    periodTotals(db, integrationId, period),
    periodStatusCounts(db, integrationId, period),
    db.reconciliationCheck.findUnique({
      where: { integrationId_periodFrom_periodTo: { integrationId, periodFrom: period.from, periodTo: period.to } },
      select: { status: true, checkedAt: true, error: true, findings: true },
    }),
    db.document.findMany({
      where: notBookedWhere, orderBy: [{ documentDate: "asc" }, { id: "asc" }], take: LIST_LIMIT,
      select: { id: true, kind: true, sourceId: true, sourceNumber: true, status: true, totalInclVat: true },
    }),
  ]);
  const findings = check?.status === "done" ? (check.findings as unknown as StoredFindings | null) : null;

  const rows = new Map<string, ReportRow>();
  const rowOf = (rate: string, country: string) => {
    const key = `${rate}|${country}`;
    const row = rows.get(key) ?? { rate, country, shop: zero(), booked: zero(), difference: zero() };
    rows.set(key, row);
    return row;
  };
  for (const t of totals) Object.assign(rowOf(t.rate, t.country), { shop: t.shop, booked: t.booked });
  for (const a of findings?.adjustments ?? []) {
    const row = rowOf(a.rate, a.country);
    row.booked = add(row.booked, fromJson(a.amounts));
  }
  const otherAmounts = (findings?.otherAmounts ?? []).reduce((sum, f: Finding) => sum.plus(f.targetIncl).minus(f.shopIncl), new Decimal(0));

  let shop = zero();
  let booked = zero();
  const list = [...rows.values()].map((r) => {
    shop = add(shop, r.shop);
    booked = add(booked, r.booked);
    return { ...r, difference: minus(r.shop, r.booked) };
  });
  booked = { ...booked, incl: booked.incl.plus(otherAmounts) };
  const notBookedCount = counts.filter((c) => (NOT_BOOKED_STATUSES as readonly string[]).includes(c.status)).reduce((n, c) => n + c.count, 0);
  return {
    period,
    rows: list.sort((a, b) => (a.rate === b.rate ? a.country.localeCompare(b.country) : Number(b.rate || -1) - Number(a.rate || -1))),
    otherAmounts,
    total: { shop, booked, difference: minus(shop, booked) },
    notEligibleCount: counts.filter((c) => (NOT_ELIGIBLE_STATUSES as readonly string[]).includes(c.status)).reduce((n, c) => n + c.count, 0),
    notBooked: {
      count: notBookedCount,
      documents: notBookedDocs.map((d) => ({ documentId: d.id, kind: d.kind, label: d.sourceNumber ?? d.sourceId, status: d.status, incl: d.totalInclVat?.toFixed(2) ?? "0.00" })),
    },
    check: check ? { status: check.status, checkedAt: check.checkedAt, error: check.error, findings } : null,
  };
}
