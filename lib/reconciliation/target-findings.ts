import Decimal from "decimal.js";
import type { BookedTargetDocument } from "@/connectors/types";

/** A document we booked in the period, as the check compares it with the target. */
export type OurBooking = { documentId: string; kind: string; label: string; reference: string; targetRef: string | null; targetNumber: string | null; incl: string };

export type Finding = {
  documentId: string;
  kind: string;
  /** The shop's number of the document. */
  label: string;
  /** The target's number(s) of it, for the merchant to look up. */
  targetNumbers: string[];
  /** Our (shop's current) total incl. VAT. */
  shopIncl: string;
  /** What the target holds of it, total incl. VAT (0 when deleted; the sum of both copies when twice). */
  targetIncl: string;
};

export type TargetFindings = {
  /** Booked by us, no longer in the target. */
  deleted: Finding[];
  /** Two or more target documents carry the reference of one of ours. */
  twice: Finding[];
  /** In the target with another total than the shop's current one. */
  otherAmounts: Finding[];
  /** How many target documents the check read, and their total. */
  targetCount: number;
  targetIncl: string;
};

const numbersOf = (docs: BookedTargetDocument[]) => docs.map((d) => d.number ?? d.id);

/**
 * Pure: which of our bookings the target lost, holds twice or holds with other amounts. A target
 * document without a total (the system does not report one) is never called "other amounts".
 */
export function compareWithTarget(ours: OurBooking[], target: BookedTargetDocument[]): TargetFindings {
  const byReference = new Map<string, BookedTargetDocument[]>();
  const byId = new Map<string, BookedTargetDocument>();
  for (const t of target) {
    byId.set(t.id, t);
    if (t.reference) byReference.set(t.reference, [...(byReference.get(t.reference) ?? []), t]);
  }
  const findings: TargetFindings = { deleted: [], twice: [], otherAmounts: [], targetCount: target.length, targetIncl: "0.00" };
  findings.targetIncl = target.reduce((sum, t) => sum.plus(t.totalIncl ?? 0), new Decimal(0)).toFixed(2);
  for (const doc of ours) {
    const byRef = byReference.get(doc.reference) ?? [];
    const own = doc.targetRef !== null ? byId.get(doc.targetRef) : undefined;
    const matches = own && !byRef.includes(own) ? [own, ...byRef] : byRef.length ? byRef : own ? [own] : [];
    const base = { documentId: doc.documentId, kind: doc.kind, label: doc.label, shopIncl: new Decimal(doc.incl).toFixed(2) };
    if (matches.length === 0) {
      findings.deleted.push({ ...base, targetNumbers: doc.targetNumber ? [doc.targetNumber] : doc.targetRef ? [doc.targetRef] : [], targetIncl: "0.00" });
      continue;
    }
    const total = matches.reduce((sum, t) => sum.plus(t.totalIncl ?? doc.incl), new Decimal(0));
    if (matches.length > 1) {
      findings.twice.push({ ...base, targetNumbers: numbersOf(matches), targetIncl: total.toFixed(2) });
      continue;
    }
    const only = matches[0]!;
    if (only.totalIncl !== undefined && !new Decimal(only.totalIncl).equals(doc.incl)) {
      findings.otherAmounts.push({ ...base, targetNumbers: numbersOf(matches), targetIncl: new Decimal(only.totalIncl).toFixed(2) });
    }
  }
  return findings;
}
