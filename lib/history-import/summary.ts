import { Decimal } from "decimal.js";
import { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";

export type KindTotals = { kind: string; count: number; incl: string; excl: string };

/** What the scan found, before anything is booked: what will be booked, what is skipped and why. */
export type ScanSummary = {
  found: number;
  /** Bookable and not yet booked: what Start books. */
  toBook: KindTotals[];
  toBookCount: number;
  alreadyBooked: number;
  notEligible: number;
  /** The most frequent reasons a document is not bookable, with how many each. */
  reasons: { reason: string; count: number }[];
};

/** Where a running (or finished) import stands; `booked` carries the totals booked per kind. */
export type ImportProgress = { booked: number; errors: number; skipped: number; remaining: number; total: number; bookedTotals: KindTotals[] };

const money = (v: Prisma.Decimal | Decimal | string | null | undefined) => new Decimal(v?.toString() ?? "0").toFixed(2);

export async function scanSummary(db: Db, importId: string): Promise<ScanSummary> {
  const [byKind, counts, reasons] = await Promise.all([
    db.historyImportItem.groupBy({
      by: ["kind"],
      where: { importId, alreadyBooked: false, notEligible: null },
      _count: { _all: true },
      _sum: { totalInclVat: true, totalExclVat: true },
      orderBy: { kind: "asc" },
    }),
    db.historyImportItem.groupBy({ by: ["alreadyBooked"], where: { importId }, _count: { _all: true } }),
    db.historyImportItem.groupBy({
      by: ["notEligible"],
      where: { importId, alreadyBooked: false, notEligible: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { notEligible: "desc" } },
      take: 5,
    }),
  ]);
  const toBook = byKind.map((k) => ({ kind: k.kind, count: k._count._all, incl: money(k._sum.totalInclVat), excl: money(k._sum.totalExclVat) }));
  const found = counts.reduce((n, c) => n + c._count._all, 0);
  const alreadyBooked = counts.find((c) => c.alreadyBooked)?._count._all ?? 0;
  const toBookCount = toBook.reduce((n, k) => n + k.count, 0);
  return {
    found, toBook, toBookCount, alreadyBooked,
    notEligible: found - alreadyBooked - toBookCount,
    reasons: reasons.map((r) => ({ reason: r.notEligible ?? "", count: r._count._all })),
  };
}

/**
 * Progress from the items and the statuses of the documents they were handed over as: booked and
 * errors as the pipeline left them; skipped = already booked or not bookable (at the scan, or found
 * on the Open tab by the pipeline); remaining = not handed over yet, or still in the pipeline.
 * Aggregated in SQL over this import's items only.
 */
export async function importProgress(db: Db, importId: string): Promise<ImportProgress> {
  const [states, handedOver] = await Promise.all([
    db.historyImportItem.groupBy({ by: ["state"], where: { importId }, _count: { _all: true } }),
    db.$queryRaw<{ kind: string; status: string; n: number; incl: Prisma.Decimal | null; excl: Prisma.Decimal | null }[]>`
      SELECT i."kind", d."status", COUNT(*)::int AS n, SUM(COALESCE(d."totalInclVat", i."totalInclVat")) AS incl, SUM(COALESCE(d."totalExclVat", i."totalExclVat")) AS excl
      FROM "HistoryImportItem" i JOIN "Document" d ON d."id" = i."documentId"
      WHERE i."importId" = ${importId} AND i."state" = 'queued'
      GROUP BY i."kind", d."status"`,
  ]);
  const state = (s: string) => states.find((x) => x.state === s)?._count._all ?? 0;
  const of = (...statuses: string[]) => handedOver.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);
  const bookedTotals = new Map<string, KindTotals>();
  for (const r of handedOver.filter((x) => x.status === "booked")) {
    const t = bookedTotals.get(r.kind) ?? { kind: r.kind, count: 0, incl: "0.00", excl: "0.00" };
    bookedTotals.set(r.kind, { kind: r.kind, count: t.count + Number(r.n), incl: new Decimal(t.incl).plus(money(r.incl)).toFixed(2), excl: new Decimal(t.excl).plus(money(r.excl)).toFixed(2) });
  }
  const total = states.reduce((n, s) => n + s._count._all, 0);
  return {
    booked: of("booked"),
    errors: of("error"),
    skipped: state("skipped") + of("open", "skipped"),
    remaining: state("pending") + of("queued", "processing"),
    total,
    bookedTotals: [...bookedTotals.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}
