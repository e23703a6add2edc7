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
  const text = value.trim().replace(",", ".");
  if (!/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(text)) throw new Error(`${field} is not a number: ${JSON.stringify(value)}`);
  return new D(text);
}

/** The one rounding rule for booked amounts: half-up to cents. */
export const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** Decimal → canonical string for JSON (no exponent, no trailing zeros beyond what the value has). */
export const toDecimalString = (value: Decimal) => value.toFixed();

export const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new D(0));
