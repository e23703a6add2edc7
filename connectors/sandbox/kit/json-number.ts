import Decimal from "decimal.js";

/**
 * An amount as the JSON number a real API sends (CCV, e-Boekhouden, Factuursturen, Magento answer
 * with numbers, not strings). Simulators compute in Decimal and convert only here, at the edge:
 * a value of at most 15 significant digits (every amount a shop or ledger holds) survives the
 * trip through a double and back to text exactly, so a client reading it with `money()` gets the
 * same decimal. `decimals` rounds half-up first (cents: 2); without it the value is kept as it is.
 */
export function jsonNumber(value: Decimal, decimals?: number): number {
  const text = decimals === undefined ? value.toFixed() : value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  return Number(text);
}
