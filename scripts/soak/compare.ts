import Decimal from "decimal.js";
import type { BookedInTarget } from "./booked-in-targets";
import type { PlacedDocument } from "./demo-documents";
import type { DocumentRow } from "./documents-in-db";

/**
 * The soak's verdict: every document placed in a shop against the target's books and our
 * database. Booked = exactly one booking in the target; duplicate = more than one (in the target,
 * or more than one Document row); lost = none in the target; totals compared to the cent.
 */
export type Verdict = {
  placed: number;
  booked: number;
  duplicates: number;
  lost: number;
  /** The lost ones by their status in our database ("queued"/"processing" at the bound: not finished in time; "none": never recorded). */
  lostByDbStatus: Record<string, number>;
  /** Sum of expected totals minus sum of booked totals, to the cent ("0.00" when equal). */
  totalsDiff: string;
  /** Booked documents whose own total differs from the shop's. */
  wrongTotals: number;
  /** Our database: rows per status, and booked rows whose total differs from the shop's. */
  db: { rows: number; byStatus: Record<string, number>; duplicateRows: number; bookedButMissingInTarget: number; wrongTotals: number };
  problems: { identity: string; licenseKey: string; sourceId: string; problem: string; status?: string; error?: string | null }[];
};

export function compare(placed: PlacedDocument[], targets: Map<string, BookedInTarget>, rows: DocumentRow[]): Verdict {
  const v: Verdict = { placed: placed.length, booked: 0, duplicates: 0, lost: 0, lostByDbStatus: {}, totalsDiff: "0.00", wrongTotals: 0, db: { rows: rows.length, byStatus: {}, duplicateRows: 0, bookedButMissingInTarget: 0, wrongTotals: 0 }, problems: [] };
  const rowsByDoc = new Map<string, DocumentRow[]>();
  for (const r of rows) {
    const key = `${r.licenseKey}|${r.kind}|${r.sourceId}`;
    rowsByDoc.set(key, [...(rowsByDoc.get(key) ?? []), r]);
    v.db.byStatus[r.status] = (v.db.byStatus[r.status] ?? 0) + 1;
  }
  let expected = new Decimal(0);
  let booked = new Decimal(0);
  for (const doc of placed) {
    expected = expected.plus(doc.incl);
    const inTarget = targets.get(doc.licenseKey)?.get(doc.identity) ?? [];
    const ours = rowsByDoc.get(`${doc.licenseKey}|${doc.kind}|${doc.sourceId}`) ?? [];
    const note = (problem: string) => v.problems.push({ identity: doc.identity, licenseKey: doc.licenseKey, sourceId: doc.sourceId, problem, status: ours[0]?.status, error: ours[0]?.errorDetail ?? ours[0]?.errorCode });
    for (const incl of inTarget) booked = booked.plus(incl);
    if (inTarget.length === 0) {
      v.lost++;
      const status = ours[0]?.status ?? "none";
      v.lostByDbStatus[status] = (v.lostByDbStatus[status] ?? 0) + 1;
      note("not in the target's books");
    }
    else if (inTarget.length > 1) { v.duplicates++; note(`booked ${inTarget.length} times`); }
    else {
      v.booked++;
      if (!new Decimal(inTarget[0]!).eq(doc.incl)) { v.wrongTotals++; note(`booked ${inTarget[0]}, shop says ${doc.incl}`); }
    }
    if (ours.length > 1) { v.db.duplicateRows++; note(`${ours.length} Document rows`); }
    const row = ours[0];
    if (row?.status === "booked" && inTarget.length === 0) v.db.bookedButMissingInTarget++;
    if (row?.status === "booked" && (row.totalInclVat === null || !new Decimal(row.totalInclVat).eq(doc.incl))) { v.db.wrongTotals++; note(`database total ${row.totalInclVat}, shop says ${doc.incl}`); }
  }
  v.totalsDiff = expected.minus(booked).toFixed(2);
  return v;
}

export const failed = (v: Verdict) => v.duplicates > 0 || v.lost > 0 || v.db.duplicateRows > 0 || v.wrongTotals > 0 || v.db.wrongTotals > 0 || v.totalsDiff !== "0.00";
