import { cents, D, money, type Dec } from "@/lib/domain/money";
import type { SalesLine } from "@/lib/domain/sales-document";
import { asPercentage, salesLine } from "@/lib/domain/sales-line";
import { ConnectorError } from "../types";

/**
 * Line arithmetic. A KMO line or shipping cost gives unit prices after discount, [priceincltax]
 * and/or [priceexcltax], and [tax_rate]. Which price is the truth follows the manual's tax_type
 * rule ("If a priceincltax is passed, then tax_type = intax, otherwise extax"): incl. prices are
 * rounded to cents as line totals incl. VAT and the excl. side is derived from them, and the other
 * way round. VAT per line = incl − excl, so each line adds up to the cent.
 */
export type Priced = { priceincltax?: string | number | null; priceexcltax?: string | number | null; tax_rate?: string | number | null };

const hundred = new D(100);
const isSet = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== "";

/**
 * [tax_rate] as a percentage ("21.00" → 21; a fraction such as 0.21 is read as 21%). Without it the
 * rate is derived from the two prices, to two decimals, faithfully: the pipeline snaps it to a
 * configured rate when the cents allow, so nothing is invented here.
 */
export function vatRate(p: Priced, where: string): Dec {
  if (isSet(p.tax_rate)) {
    const rate = money(p.tax_rate, `${where}.tax_rate`);
    if (rate.isNeg()) throw new ConnectorError("invalid_payload", `The KMO Shops ${where} has a negative tax_rate (${String(p.tax_rate)}).`, false);
    return asPercentage(rate);
  }
  if (isSet(p.priceincltax) && isSet(p.priceexcltax)) {
    const incl = money(p.priceincltax, `${where}.priceincltax`);
    const excl = money(p.priceexcltax, `${where}.priceexcltax`);
    if (excl.isZero()) return new D(0);
    return incl.div(excl).minus(1).times(hundred).toDecimalPlaces(2);
  }
  throw new ConnectorError("invalid_payload", `The KMO Shops ${where} has no tax_rate, and no priceincltax and priceexcltax to derive it from.`, false);
}

/** The line (all units) at `rate`, in the document's price mode. */
export function pricedLine(
  kind: SalesLine["kind"],
  description: string,
  quantity: Dec,
  p: Priced,
  rate: Dec,
  incl: boolean,
  where: string,
  code?: string,
): SalesLine {
  const factor = rate.div(hundred).plus(1);
  let unitIncl: Dec;
  let unitExcl: Dec;
  let totalIncl: Dec;
  let totalExcl: Dec;
  if (incl) {
    unitIncl = isSet(p.priceincltax) ? money(p.priceincltax, `${where}.priceincltax`) : requireExcl(p, where).times(factor);
    unitExcl = unitIncl.div(factor);
    totalIncl = cents(unitIncl.times(quantity));
    totalExcl = cents(totalIncl.div(factor));
  } else {
    unitExcl = requireExcl(p, where);
    unitIncl = unitExcl.times(factor);
    totalExcl = cents(unitExcl.times(quantity));
    totalIncl = cents(totalExcl.times(factor));
  }
  return salesLine({ kind, description, code, quantity, vatRate: rate, unitPrice: { excl: unitExcl, incl: unitIncl }, total: { excl: totalExcl, incl: totalIncl } });
}

function requireExcl(p: Priced, where: string): Dec {
  if (isSet(p.priceexcltax)) return money(p.priceexcltax, `${where}.priceexcltax`);
  if (isSet(p.priceincltax)) return money(p.priceincltax, `${where}.priceincltax`).div(vatRate(p, where).div(hundred).plus(1));
  throw new ConnectorError("invalid_payload", `The KMO Shops ${where} has neither priceincltax nor priceexcltax.`, false);
}

/** Whether a line or cost has any price at all (an empty shipping block is no line). */
export const hasPrice = (p: Priced) =>
  (isSet(p.priceincltax) && !money(p.priceincltax).isZero()) || (isSet(p.priceexcltax) && !money(p.priceexcltax).isZero());

/** The manual's tax_type: incl. when the order says so, else when every priced line passes [priceincltax]. */
export function pricesIncludeTax(flag: boolean | null | undefined, priced: Priced[]): boolean {
  if (flag === true || flag === false) return flag;
  return priced.length > 0 && priced.every((p) => isSet(p.priceincltax));
}
