import Decimal from "decimal.js";

/** Excl. VAT, VAT and incl. VAT of some set of lines: Decimal, exact to the cent. */
export type Amounts = { excl: Decimal; vat: Decimal; incl: Decimal };

export const zero = (): Amounts => ({ excl: new Decimal(0), vat: new Decimal(0), incl: new Decimal(0) });
export const add = (a: Amounts, b: Amounts): Amounts => ({ excl: a.excl.plus(b.excl), vat: a.vat.plus(b.vat), incl: a.incl.plus(b.incl) });
export const minus = (a: Amounts, b: Amounts): Amounts => ({ excl: a.excl.minus(b.excl), vat: a.vat.minus(b.vat), incl: a.incl.minus(b.incl) });
export const negate = (a: Amounts): Amounts => ({ excl: a.excl.neg(), vat: a.vat.neg(), incl: a.incl.neg() });
export const isZero = (a: Amounts) => a.excl.isZero() && a.vat.isZero() && a.incl.isZero();
export const amounts = (excl: Decimal.Value | null, vat: Decimal.Value | null, incl: Decimal.Value | null): Amounts =>
  ({ excl: new Decimal(excl ?? 0), vat: new Decimal(vat ?? 0), incl: new Decimal(incl ?? 0) });

/** JSON-safe (findings are stored as JSON): decimal strings with two decimals. */
export type AmountsJson = { excl: string; vat: string; incl: string };
export const toJson = (a: Amounts): AmountsJson => ({ excl: a.excl.toFixed(2), vat: a.vat.toFixed(2), incl: a.incl.toFixed(2) });
export const fromJson = (a: AmountsJson): Amounts => amounts(a.excl, a.vat, a.incl);

/** "21.00" and "21" are one rate: the key is the rate without trailing zeros. */
export const rateKey = (rate: Decimal.Value | null) => (rate === null ? "" : new Decimal(rate).toString());
