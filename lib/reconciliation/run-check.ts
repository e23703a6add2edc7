import { ConnectorError, systemNames, type SystemId, type TargetConnector } from "@/connectors/types";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { bookingReference } from "@/lib/pipeline/prepare-booking";
import { add, negate, toJson, zero, type Amounts, type AmountsJson } from "./amounts";
import { dayOf, lastDayOf, type ReconciliationPeriod } from "./period";
import { documentBreakdown } from "./period-totals";
import { compareWithTarget, type OurBooking, type TargetFindings } from "./target-findings";

/** What a check stores: the findings and how they move the booked side per rate and country. */
export type StoredFindings = TargetFindings & { adjustments: { rate: string; country: string; amounts: AmountsJson }[] };

const CHECK_TIMEOUT_MS = 60_000;
/** Target documents dated a few days around the period still count: a booking may carry the next day's date. */
const MARGIN_DAYS = 7;

const shift = (day: string, days: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorError("timeout", `${what} did not answer within ${ms / 1000} seconds`, true)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Our bookings of the period, with the reference the target knows them by. */
async function ourBookings(db: Db, integrationId: string, licenseKey: string, p: ReconciliationPeriod): Promise<OurBooking[]> {
  const docs = await db.document.findMany({
    where: { integrationId, status: "booked", documentDate: { gte: p.from, lt: p.to } },
    select: { id: true, kind: true, sourceId: true, sourceNumber: true, targetRef: true, targetNumber: true, totalInclVat: true },
  });
  return docs.map((d) => ({
    documentId: d.id, kind: d.kind, label: d.sourceNumber ?? d.sourceId, reference: bookingReference(licenseKey, d.kind, d.sourceId),
    targetRef: d.targetRef, targetNumber: d.targetNumber, incl: d.totalInclVat?.toFixed(2) ?? "0",
  }));
}

/** Deleted bookings leave the booked side; extra copies add to it, per rate and country. */
async function adjustmentsFor(db: Db, findings: TargetFindings): Promise<StoredFindings["adjustments"]> {
  const factor = new Map<string, number>();
  for (const f of findings.deleted) factor.set(f.documentId, -1);
  for (const f of findings.twice) factor.set(f.documentId, f.targetNumbers.length - 1);
  const breakdown = await documentBreakdown(db, [...factor.keys()]);
  const sums = new Map<string, { rate: string; country: string; amounts: Amounts }>();
  for (const [documentId, rows] of breakdown) {
    const times = factor.get(documentId) ?? 0;
    for (const row of rows) {
      const key = `${row.rate}|${row.country}`;
      const entry = sums.get(key) ?? { rate: row.rate, country: row.country, amounts: zero() };
      let moved = zero();
      for (let i = 0; i < Math.abs(times); i++) moved = add(moved, row.amounts);
      entry.amounts = add(entry.amounts, times < 0 ? negate(moved) : moved);
      sums.set(key, entry);
    }
  }
  return [...sums.values()].map((s) => ({ rate: s.rate, country: s.country, amounts: toJson(s.amounts) }));
}

/**
 * Checks one period against the accounting system: reads its documents back (listBooked), compares
 * them with what we booked, and stores the result for the page ("Checked against … at …").
 * A failure is stored too, with the reason, so the page can say why there is no fresh check.
 */
export async function runReconciliationCheck(db: Db, args: {
  integrationId: string; licenseKey: string; targetSystem: string; target: Pick<TargetConnector, "listBooked">; period: ReconciliationPeriod; now?: Date;
}) {
  const { integrationId, period } = args;
  const where = { integrationId_periodFrom_periodTo: { integrationId, periodFrom: period.from, periodTo: period.to } };
  const save = (data: { status: string; error: string | null; findings: Prisma.InputJsonValue | undefined }) =>
    db.reconciliationCheck.upsert({
      where,
      create: { integrationId, periodFrom: period.from, periodTo: period.to, checkedAt: args.now ?? new Date(), ...data },
      update: { checkedAt: args.now ?? new Date(), ...data },
    });
  const name = systemNames[args.targetSystem as SystemId] ?? args.targetSystem;
  if (!args.target.listBooked) {
    return save({ status: "failed", error: `${name} cannot be read back by the integration.`, findings: undefined });
  }
  try {
    const range = { from: shift(dayOf(period.from), -MARGIN_DAYS), to: shift(lastDayOf(period), MARGIN_DAYS) };
    const [target, ours] = await Promise.all([
      withTimeout(args.target.listBooked(range), CHECK_TIMEOUT_MS, name),
      ourBookings(db, integrationId, args.licenseKey, period),
    ]);
    const findings = compareWithTarget(ours, target);
    const stored: StoredFindings = { ...findings, adjustments: await adjustmentsFor(db, findings) };
    return save({ status: "done", error: null, findings: stored as unknown as Prisma.InputJsonValue });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return save({ status: "failed", error: message, findings: undefined });
  }
}
