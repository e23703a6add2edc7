import Decimal from "decimal.js";

/**
 * Money is Decimal end to end. Amounts cross JSON as decimal strings and are parsed straight
 * into Decimal at the connector boundary; never through a JS number.
 */
// 24 significant digits: amounts up to 10^12 keep 12 decimals through a division, far more than
// the cents and 6-decimal unit prices we book; more digits only make every division slower.
export const D = Decimal.clone({ precision: 24, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;
const ZERO = new D(0);

export const decimalString = /^-?\d+(\.\d+)?$/;

/** Parses a shop amount ("12.40", "12,40", 12.4 as JSON number text) into Decimal; throws on anything else. */
export function money(value: string | number | Decimal | null | undefined, field = "amount"): Decimal {
  // Decimals are immutable: one of ours is returned as is, another configuration's is re-read as ours.
  // (every clone shares one prototype, so instanceof cannot tell them apart; the constructor can)
  if (value instanceof Decimal) return value.constructor === D ? value : new D(value);
  if (value === null || value === undefined || value === "") return ZERO;
  // JSON numbers are already floats by the time we see them; Decimal reads their shortest exact text.
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${field} is not a number: ${JSON.stringify(value)}`);
    return new D(value);
  }
  // The domain reads the same amount strings again at every step (lines, totals, rates): Decimals are
  // immutable, so one read per distinct string serves them all.
  const known = readStrings.get(value);
  if (known) return known;
  const text = value.trim().replace(",", ".");
  if (!/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(text)) throw new Error(`${field} is not a number: ${JSON.stringify(value)}`);
  const read = new D(text);
  if (readStrings.size >= 10_000) readStrings.clear();
  readStrings.set(value, read);
  return read;
}
const readStrings = new Map<string, Decimal>();

/** The one rounding rule for booked amounts: half-up to cents. */
export const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** Decimal → canonical string for JSON (no exponent, no trailing zeros beyond what the value has). */
export const toDecimalString = (value: Decimal) => value.toFixed();

export const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new D(0));

// ─── Exact scaled integers: the fast path beside Decimal ──────────────────
// Most shop amounts have two to four decimals; as safe integers of 10^-dp they add, multiply and
// round exactly, without a Decimal per step. Every helper answers undefined where it cannot be
// exact (too many digits, an exponent, a product beyond 2^53, a value exactly half-way), and the
// caller then takes the Decimal path: same results, only cheaper where it can be.

/** An exact decimal: value = n / 10^dp, n a safe integer. */
export type Scaled = { n: number; dp: number };

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact up to 10^22
export const pow10 = (dp: number) => POW10[dp] ?? Number.NaN;
/** x when it is a safe integer, else NaN (which every later step carries along). */
export const safe = (x: number) => (Number.isSafeInteger(x) ? x : Number.NaN);

const plainDecimal = /^([-+]?)(\d*)(?:\.(\d+))?$/;

/** The value money() reads from the same input, as Scaled; undefined when money() would refuse it or it has more than 15 digits. */
export function scaledOf(value: string | number | null | undefined): Scaled | undefined {
  if (value === null || value === undefined || value === "") return { n: 0, dp: 0 };
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return { n: value || 0, dp: 0 };
    if (!Number.isFinite(value)) return undefined;
    // money() reads a JSON number by its shortest text (Decimal does). Below 10^9 with up to six
    // decimals that text is the one decimal n / 10^dp, with dp as small as possible, that reads back
    // as the same number (decimals that far apart cannot both read back as one double); no String() needed.
    if (Math.abs(value) < 1e9) {
      for (let dp = 1; dp <= 6; dp++) {
        const n = Math.round(value * POW10[dp]!);
        if (n / POW10[dp]! === value) return { n, dp };
      }
    }
    // Otherwise (or beyond six decimals) by the text itself: "-12.34", or "1e-7", which is left to money().
    const text = String(value);
    const dot = text.indexOf(".");
    if (dot < 0 || text.length - 1 - (value < 0 ? 1 : 0) > 15 || text.includes("e")) return undefined;
    return { n: Number(text.slice(0, dot) + text.slice(dot + 1)), dp: text.length - dot - 1 };
  }
  // A string as money() reads it: trimmed, with a decimal comma.
  const text = value.trim().replace(",", ".");
  const m = plainDecimal.exec(text);
  if (!m || (!m[2] && !m[3])) return undefined;
  const digits = (m[2] ?? "") + (m[3] ?? "");
  if (digits.length > 15) return undefined;
  const n = Number(digits);
  return { n: m[1] === "-" && n !== 0 ? -n : n, dp: m[3]?.length ?? 0 };
}

/**
 * n / d (d > 0) rounded half-up (away from zero, as cents() does) to `dp` decimals, as a count of
 * 10^-dp. Undefined outside safe integers. Exactly half-way it rounds only when `decimalExact` says
 * the Decimal path holds this value exactly (no division on the way); otherwise that path's own
 * 24-digit rounding of a quotient decides which side it falls, so it is left to that path.
 */
export function roundRatio(n: number, d: number, dp: number, decimalExact = false): number | undefined {
  const twice = 2 * Math.abs(n) * pow10(dp) + d;
  if (!Number.isSafeInteger(twice) || !Number.isSafeInteger(d) || d <= 0) return undefined;
  const rest = twice % (2 * d);
  if (rest === 0 && !decimalExact) return undefined;
  const rounded = (twice - rest) / (2 * d);
  return n < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Whether n / d (d > 0) is a terminating decimal: Decimal then holds the quotient exactly (within its 24 digits at safe-integer sizes). */
export function terminates(n: number, d: number): boolean {
  let a = Math.abs(n), b = d;
  while (b) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  let rest = d / a;
  while (rest % 2 === 0) rest /= 2;
  while (rest % 5 === 0) rest /= 5;
  return rest === 1;
}

/** n / 10^dp as Decimal's toFixed() writes it: no trailing zeros, "0" for zero. */
export function formatScaled(n: number, dp: number): string {
  if (n === 0) return "0";
  let units = Math.abs(n);
  while (dp > 0 && units % 10 === 0) {
    units /= 10;
    dp -= 1;
  }
  let text = String(units);
  if (dp > 0) {
    if (text.length <= dp) text = "0".repeat(dp + 1 - text.length) + text;
    text = `${text.slice(0, -dp)}.${text.slice(-dp)}`;
  }
  return n < 0 ? `-${text}` : text;
}

/** Integer cents of a decimal string with at most two decimals; undefined otherwise. */
export function centsOf(value: string): number | undefined {
  // The common case, as the domain writes amounts ("-12.3", "4"), read digit by digit; the rest via scaledOf.
  const length = value.length;
  let at = value.charCodeAt(0) === 45 ? 1 : 0;
  const start = at;
  let units = 0, decimals = -1;
  for (; at < length; at++) {
    const c = value.charCodeAt(at);
    if (c === 46 && decimals < 0 && at > start && at < length - 1) decimals = 0;
    else if (c >= 48 && c <= 57 && decimals < 2 && at - start < 15) {
      units = units * 10 + (c - 48);
      if (decimals >= 0) decimals += 1;
    } else return scaledCents(value);
  }
  if (at === start) return scaledCents(value);
  const cents = units * (decimals === 1 ? 10 : decimals === 2 ? 1 : 100);
  if (!Number.isSafeInteger(cents)) return undefined;
  return start === 1 && cents !== 0 ? -cents : cents;
}

function scaledCents(value: string): number | undefined {
  const s = scaledOf(value);
  if (!s || s.dp > 2) return undefined;
  const c = safe(s.n * pow10(2 - s.dp));
  return Number.isNaN(c) ? undefined : c;
}
