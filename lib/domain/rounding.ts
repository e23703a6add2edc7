import type Decimal from "decimal.js";
import { BookingError } from "./booking-error";
import { cents, D, money, sum } from "./money";
import type { SalesLine } from "./sales-document";

/**
 * The one place where cents are decided. Shops and accounting systems round VAT in different
 * places (per line or on the total per rate, from prices excl. or incl. VAT); this module makes
 * what the accounting system will compute equal to what the shop charged, per VAT rate, to the
 * cent, or says precisely why it cannot.
 */

/** How an accounting system computes an invoice from the lines we send. */
export type TargetArithmetic = {
  /** "line": VAT rounded per line; "rate": VAT rounded once per rate on the total; "given": the system stores the VAT we send. */
  vat: "line" | "rate" | "given";
  /** Whether we send line amounts excl. VAT (the system adds VAT) or incl. VAT (it takes VAT out). */
  basis: "excl" | "incl";
};

export type RateTotals = { rate: string; excl: Decimal; vat: Decimal; incl: Decimal };

const hundred = new D(100);
// rate/100 per rate string: a document has few rates, and the division is the costly part (Decimals are immutable).
const fractions = new Map<string, Decimal>();
function fractionOf(rate: string): Decimal {
  let fraction = fractions.get(rate);
  if (!fraction) {
    if (fractions.size >= 1000) fractions.clear();
    fractions.set(rate, (fraction = money(rate).div(hundred)));
  }
  return fraction;
}

/** What the lines add up to, per VAT rate (rates in order of first appearance). */
export function totalsPerRate(lines: Pick<SalesLine, "vatRate" | "totalExcl" | "vatAmount" | "totalIncl">[]): RateTotals[] {
  const map = new Map<string, RateTotals>();
  for (const line of lines) {
    const rate = money(line.vatRate).toFixed();
    const t = map.get(rate) ?? { rate, excl: new D(0), vat: new D(0), incl: new D(0) };
    t.excl = t.excl.plus(money(line.totalExcl));
    t.vat = t.vat.plus(money(line.vatAmount));
    t.incl = t.incl.plus(money(line.totalIncl));
    map.set(rate, t);
  }
  return [...map.values()];
}

/** VAT of a line amount the way the target computes it. */
function lineVat(amount: Decimal, rate: string | Decimal, basis: TargetArithmetic["basis"]): Decimal {
  const f = typeof rate === "string" ? fractionOf(rate) : rate;
  return basis === "excl" ? cents(amount.times(f)) : amount.minus(cents(amount.div(f.plus(1))));
}

/** The totals per rate the accounting system will compute from our lines. */
export function targetTotals(lines: SalesLine[], arithmetic: TargetArithmetic): RateTotals[] {
  if (arithmetic.vat === "given") return totalsPerRate(lines);
  return totalsPerRate(lines).map((source) => {
    const group = lines.filter((l) => money(l.vatRate).eq(money(source.rate)));
    const sent = (l: SalesLine) => cents(money(arithmetic.basis === "excl" ? l.totalExcl : l.totalIncl));
    const vat =
      arithmetic.vat === "line"
        ? sum(group.map((l) => lineVat(sent(l), source.rate, arithmetic.basis)))
        : lineVat(sum(group.map(sent)), source.rate, arithmetic.basis);
    const amount = sum(group.map(sent));
    return arithmetic.basis === "excl"
      ? { rate: source.rate, excl: amount, vat, incl: amount.plus(vat) }
      : { rate: source.rate, excl: amount.minus(vat), vat, incl: amount };
  });
}

/** Per rate: how far the target's totals would be from the shop's. Empty when they agree to the cent. */
export function differences(source: RateTotals[], target: RateTotals[]) {
  return source
    .map((s) => {
      const t = target.find((x) => x.rate === s.rate);
      return { rate: s.rate, vat: (t?.vat ?? new D(0)).minus(s.vat), incl: (t?.incl ?? new D(0)).minus(s.incl) };
    })
    .filter((d) => !d.vat.isZero() || !d.incl.isZero());
}

/**
 * Lines whose amounts the target will reproduce, per rate, to the cent: unchanged when it already
 * does. A target that rounds VAT per line can land a cent off the shop's per-rate VAT; then cents
 * of the amount we send move between lines of that rate (the rate's amount stays the shop's, only
 * where the target rounds changes). With `roundingLine`, a rate where no move helps (one line) gets
 * a "Rounding difference" line at the same rate holding a few cents of its largest line.
 * Anything else is a BookingError that says what the shop charged and what would be booked.
 */
export function reconcile<T extends SalesLine>(lines: T[], arithmetic: TargetArithmetic, options: Options): T[] {
  let result = lines;
  let booked = targetTotals(lines, arithmetic);
  for (const want of totalsPerRate(lines)) {
    const got = booked.find((t) => t.rate === want.rate)!;
    if (got.vat.eq(want.vat) && got.incl.eq(want.incl)) continue;
    const fixed = arithmetic.vat === "line" ? fixRate(result, want, arithmetic, options) : null;
    if (!fixed) throw cannotReproduce(want, got, arithmetic);
    result = fixed;
    booked = targetTotals(result, arithmetic);
  }
  return result;
}

type Options = { roundingLine: boolean; roundingDescription?: string };

const ofRate = (line: SalesLine, rate: string) => money(line.vatRate).toFixed() === rate;
const sentKey = (arithmetic: TargetArithmetic) => (arithmetic.basis === "excl" ? "totalExcl" : "totalIncl");

/** The line as the target computes it from the amount we send (VAT rounded per line). */
function asTargetComputes<T extends SalesLine>(line: T, sent: Decimal, arithmetic: TargetArithmetic): T {
  const vat = lineVat(sent, line.vatRate, arithmetic.basis);
  const [excl, incl] = arithmetic.basis === "excl" ? [sent, sent.plus(vat)] : [sent.minus(vat), sent];
  const q = money(line.quantity);
  const unit = (total: Decimal) => (q.isZero() ? total : total.div(q)).toDecimalPlaces(6).toFixed();
  return {
    ...line,
    totalExcl: excl.toFixed(2),
    totalIncl: incl.toFixed(2),
    vatAmount: vat.toFixed(2),
    unitPriceExcl: unit(excl.plus(money(line.discountExcl))),
    unitPriceIncl: unit(incl.plus(money(line.discountIncl))),
  };
}

/** Per-line VAT targets: move cents between lines of the rate until its VAT is the shop's. */
function fixRate<T extends SalesLine>(lines: T[], want: RateTotals, arithmetic: TargetArithmetic, options: Options): T[] | null {
  const key = sentKey(arithmetic);
  let sent = lines.map((l) => cents(money(l[key])));
  let group = lines.map((l, i) => (ofRate(l, want.rate) ? i : -1)).filter((i) => i >= 0);
  let current = [...lines];
  const fraction = fractionOf(want.rate); // every line of the group has this rate
  const vatOf = (amount: Decimal) => lineVat(amount, fraction, arithmetic.basis);
  const groupVat = () => sum(group.map((i) => vatOf(sent[i]!)));

  const tryMoves = () => {
    for (let round = 0; round < 2 * group.length + 4; round++) {
      const need = want.vat.minus(groupVat());
      if (need.isZero()) return true;
      const move = bestMove(group, sent, vatOf, need);
      if (!move) return false;
      sent = sent.map((s, i) => (i === move.from ? s.minus(move.cents) : i === move.to ? s.plus(move.cents) : s));
    }
    return want.vat.eq(groupVat());
  };

  let ok = tryMoves();
  if (!ok && options.roundingLine && group.length) {
    const largest = group.reduce((a, b) => (sent[b]!.abs().gt(sent[a]!.abs()) ? b : a));
    current = [...current, roundingLine(current[largest]!, want.rate, options.roundingDescription ?? "Rounding difference")];
    sent = [...sent, new D(0)];
    group = [...group, current.length - 1];
    ok = tryMoves();
  }
  if (!ok) return null;
  const members = new Set(group);
  return current.map((line, i) => (members.has(i) ? asTargetComputes(line, sent[i]!, arithmetic) : line)).filter((l, i) => i < lines.length || !sent[i]!.isZero());
}

/** The moves bestMove tries, in order: a cent either way, then two, … up to five. */
const MOVES = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5].map((c) => new D(c).div(100));

/** One move of up to 5 cents (either way) between two lines of the group that brings its VAT closer to the shop's. */
function bestMove(group: number[], sent: Decimal[], vatOf: (amount: Decimal) => Decimal, need: Decimal) {
  const toCents = (d: Decimal) => d.times(100).toNumber();
  const needCents = toCents(need);
  const now = new Map(group.map((i) => [i, vatOf(sent[i]!)]));
  let best: { from: number; to: number; cents: Decimal; left: number } | null = null;
  for (const d of MOVES) {
    // What giving or taking d does to each line's VAT, in whole cents: pairs are then plain sums.
    const lose = new Map(group.map((i) => [i, toCents(vatOf(sent[i]!.minus(d)).minus(now.get(i)!))]));
    const gain = new Map(group.map((i) => [i, toCents(vatOf(sent[i]!.plus(d)).minus(now.get(i)!))]));
    for (const from of group) {
      for (const to of group) {
        if (to === from) continue;
        const change = lose.get(from)! + gain.get(to)!;
        const left = Math.abs(needCents - change);
        if (change === 0 || left >= Math.abs(needCents)) continue;
        if (!best || left < best.left) best = { from, to, cents: d, left };
        if (left === 0) return best;
      }
    }
  }
  return best;
}

/** A line at the rate of `like` (same VAT code and account once resolved), still without amount. */
function roundingLine<T extends SalesLine>(like: T, rate: string, description: string): T {
  const quantity = money(like.quantity).isNegative() ? "-1" : "1";
  const zero = { unitPriceExcl: "0", unitPriceIncl: "0", discountExcl: "0", discountIncl: "0", totalExcl: "0", totalIncl: "0", vatAmount: "0" };
  return { ...like, kind: "surcharge", code: undefined, description, quantity, vatRate: rate, ...zero };
}

function cannotReproduce(want: RateTotals, got: RateTotals, arithmetic: TargetArithmetic): BookingError {
  const how = arithmetic.vat === "line" ? "per line" : "on the total per rate";
  // A rounding line only helps where VAT is rounded per line; once per rate, no line placement changes the total.
  const fix =
    arithmetic.vat === "line"
      ? `Turn on "Book rounding differences" on the Configuration tab to add a rounding line, then click Process.`
      : `Book this document by hand in the accounting system, with the webshop's amounts.`;
  return new BookingError(
    "rounding_mismatch",
    `At ${want.rate}% VAT the webshop charged ${want.vat.toFixed(2)} VAT (${want.incl.toFixed(2)} incl.), but the accounting system, which rounds VAT ${how}, ` +
      `would book ${got.vat.toFixed(2)} (${got.incl.toFixed(2)} incl.). ${fix}`,
    { rate: want.rate, shopVat: want.vat.toFixed(2), shopIncl: want.incl.toFixed(2), targetVat: got.vat.toFixed(2), targetIncl: got.incl.toFixed(2) },
  );
}

/**
 * Shops that compute VAT on the total per rate report a total VAT a cent or two away from the
 * sum of their lines' VAT (each line rounded on its own). The document total is what the customer
 * was charged, so the lines are made to add up to it: per rate, the VAT the rate's total implies
 * (from its incl. amount when the shop's prices include VAT, from its excl. amount otherwise)
 * replaces the sum of the lines' VAT, the difference placed on the rate's largest line. Returns the
 * lines unchanged when they already add up, or when rounding cannot explain the gap (the
 * pre-check then reports it).
 */
export function alignVatWithTotal(lines: SalesLine[], totals: { vat: Decimal; vatPerRate?: { rate: string; vat: string }[] }, pricesIncludeVat = true): SalesLine[] {
  const perRate = totalsPerRate(lines).filter((t) => !money(t.rate).isZero());
  const gaps = totals.vatPerRate ? reportedGaps(lines, perRate, totals.vatPerRate, pricesIncludeVat) : impliedGaps(lines, perRate, totals.vat, pricesIncludeVat);
  if (!gaps) return lines;
  const next = [...lines];
  for (const { rate, gap: rateGap, fromIncl } of gaps) {
    if (rateGap.isZero()) continue;
    const i = largestLineOf(next, rate);
    const line = next[i]!;
    const vat = money(line.vatAmount).plus(rateGap);
    next[i] = fromIncl
      ? { ...line, vatAmount: vat.toFixed(2), totalExcl: money(line.totalExcl).minus(rateGap).toFixed(2) }
      : { ...line, vatAmount: vat.toFixed(2), totalIncl: money(line.totalIncl).plus(rateGap).toFixed(2) };
  }
  return next;
}

/**
 * The lines must add up to what the customer was charged, to the cent. VAT must already (after
 * alignment): a VAT gap has no rate to go to. A gap in the amount of a few cents that the shop's
 * own rounding explains becomes a "Rounding difference" line at 0% when the merchant allows it;
 * otherwise it is an error that names both amounts.
 */
export function settleDocumentTotal<T extends SalesLine>(lines: T[], totals: { incl: Decimal; vat: Decimal }, options: Options & { what: string }): T[] {
  const vatGap = totals.vat.minus(sum(lines.map((l) => money(l.vatAmount))));
  if (!vatGap.isZero()) {
    const linesVat = totals.vat.minus(vatGap).toFixed(2);
    throw new BookingError(
      "vat_rounding_difference",
      `The ${options.what} charges ${totals.vat.toFixed(2)} VAT in total, but its lines charge ${linesVat}, and the webshop does not say at which VAT rate the difference belongs. ` +
        `Check the VAT of the ${options.what} in your webshop; if it is right there, book this one by hand in the accounting system.`,
      { totalVat: totals.vat.toFixed(2), linesVat },
    );
  }
  const totalIncl = totals.incl;
  const gap = totalIncl.minus(sum(lines.map((l) => money(l.totalIncl))));
  if (gap.isZero()) return lines;
  if (!options.roundingLine) {
    throw new BookingError(
      "rounding_difference",
      `The ${options.what} total is ${totalIncl.toFixed(2)}, but its lines add up to ${totalIncl.minus(gap).toFixed(2)} (the webshop rounded ${gap.abs().toFixed(2)} away). ` +
        `Turn on "Book rounding differences" on the Configuration tab to book the difference on a separate line, then click Process.`,
      { totalIncl: totalIncl.toFixed(2), linesIncl: totalIncl.minus(gap).toFixed(2) },
    );
  }
  const zero = { discountExcl: "0", discountIncl: "0", vatAmount: "0.00" };
  const amount = gap.toFixed(2);
  const like = lines[0]!;
  return [...lines, { ...like, ...zero, kind: "surcharge", code: undefined, description: options.roundingDescription ?? "Rounding difference", quantity: "1", vatRate: "0", unitPriceExcl: amount, unitPriceIncl: amount, totalExcl: amount, totalIncl: amount }];
}

type RateGap = { rate: string; gap: Decimal; fromIncl: boolean };

/** The shop reported its VAT per rate: each rate's lines must add up to it. */
function reportedGaps(lines: SalesLine[], perRate: RateTotals[], reported: { rate: string; vat: string }[], fromIncl: boolean): RateGap[] | null {
  const gaps = perRate.map((t) => {
    const shop = reported.find((r) => money(r.rate).eq(money(t.rate)));
    return { rate: t.rate, gap: shop ? money(shop.vat).minus(t.vat) : new D(0), fromIncl };
  });
  // Half a cent per line is what rounding each line can explain; more is not ours to move (the pre-check reports it).
  const explained = (g: RateGap) => g.gap.abs().lte(new D("0.005").times(lines.filter((l) => ofRate(l, g.rate)).length + 1));
  return gaps.every(explained) ? gaps : null;
}

/** Only the total is known: per rate, the VAT its total implies, if those add up to the shop's total. */
function impliedGaps(lines: SalesLine[], perRate: RateTotals[], totalVat: Decimal, pricesIncludeVat: boolean): RateGap[] | null {
  const gap = totalVat.minus(sum(lines.map((l) => money(l.vatAmount))));
  if (gap.isZero()) return null;
  const implied = (fromIncl: boolean) =>
    perRate.map((t) => {
      const f = fractionOf(t.rate);
      const vat = fromIncl ? cents(t.incl.times(f).div(f.plus(1))) : cents(t.excl.times(f));
      return { rate: t.rate, gap: vat.minus(t.vat), fromIncl };
    });
  const fits = (gaps: RateGap[]) => sum(gaps.map((g) => g.gap)).eq(gap);
  const [first, second] = [implied(pricesIncludeVat), implied(!pricesIncludeVat)];
  return fits(first) ? first : fits(second) ? second : null;
}

function largestLineOf(lines: SalesLine[], rate: string): number {
  let best = -1;
  lines.forEach((l, i) => {
    if (money(l.vatRate).toFixed() !== rate) return;
    if (best < 0 || money(l.totalIncl).abs().gt(money(lines[best]!.totalIncl).abs())) best = i;
  });
  return best;
}
