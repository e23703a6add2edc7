import { cents, D, money, sum, type Dec } from "@/lib/domain/money";
import type { Json } from "./state";
import { jsonNumber } from "../../sandbox/kit/json-number";

/**
 * Fills in the amounts a real shop computes, for admin payloads that leave them out: row prices
 * and totals, total_price and total_tax. Arithmetic is Decimal; results become JSON numbers only
 * because that is how CCV sends amounts (webshop-apis.md §2.6).
 */

const isSet = (v: unknown) => v !== undefined && v !== null && v !== "";
const rateOf = (v: unknown) => {
  const r = money(v as string | number | null | undefined);
  return r.gt(0) && r.lt(1) ? r.times(100) : r;
};

/** Row defaults: selling price from price − discount, and the derived price fields CCV serves. */
export function completeRow(row: Json): Json {
  const count = isSet(row.count) ? row.count : 1;
  const price = isSet(row.price) ? money(row.price as number) : undefined;
  const discount = isSet(row.discount) ? money(row.discount as number) : undefined;
  const selling = isSet(row.selling_price) ? money(row.selling_price as number) : isSet(row.price_with_attributes) ? money(row.price_with_attributes as number) : price ? price.minus(discount ?? 0) : new D(0);
  const before = isSet(row.price_without_discount) ? money(row.price_without_discount as number) : price ?? selling;
  return {
    product_type: "product",
    tax: 21,
    ...row,
    count,
    price: jsonNumber(price ?? before, 2),
    discount: jsonNumber(discount ?? before.minus(selling), 2),
    selling_price: jsonNumber(selling, 2),
    price_without_discount: jsonNumber(before, 2),
    price_with_attributes: isSet(row.price_with_attributes) ? row.price_with_attributes : jsonNumber(selling, 2),
    price_without_discount_with_attributes: isSet(row.price_without_discount_with_attributes) ? row.price_without_discount_with_attributes : jsonNumber(before, 2),
    total_price: isSet(row.total_price) ? row.total_price : jsonNumber(selling.times(money(count as number)), 2),
  };
}

/** total_price / total_tax (and the row subtotal) when the payload has none, rounded per line like the mapping. */
export function completeTotals(doc: Json, rows: Json[], opts: { rowsIncl: boolean; priceField: "selling_price" | "price_with_attributes"; paymentAtShippingRate: boolean }): Json {
  const { rowsIncl, priceField, paymentAtShippingRate } = opts;
  const gross = (r: Json) => money(r[priceField] as number).times(money(r.count as number));
  const taxesIncluded = doc.taxes_included !== false;
  const icp = doc.is_intra_community_order === true;
  const lines: { excl: Dec; vat: Dec }[] = [];
  const add = (gross: Dec, rate: Dec) => {
    const factor = rate.div(100).plus(1);
    const excl = rowsIncl ? gross.div(factor) : gross;
    const vat = icp ? new D(0) : rowsIncl ? gross.minus(excl) : gross.times(rate).div(100);
    lines.push({ excl: cents(excl), vat: cents(vat) });
  };
  const rates = rows.map((r) => rateOf(r.tax));
  rows.forEach((r, i) => add(gross(r), rates[i]!));
  const shippingRate = isSet(doc.shipping_tax_percentage) ? rateOf(doc.shipping_tax_percentage) : new D(21);
  const highest = rates.length ? D.max(...rates) : shippingRate;
  const amount = (field: string) => money(doc[field] as number | undefined);
  // Cost lines of an ICP document carry 0% (their amounts are net), unlike rows whose catalog price includes VAT.
  const cost = (rate: Dec) => (icp ? new D(0) : rate);
  if (!amount("total_shipping").isZero()) add(amount("total_shipping"), cost(shippingRate));
  const payment = amount("paymethod_costs").plus(amount("extra_payment_option_price"));
  if (!payment.isZero()) add(payment, cost(paymentAtShippingRate ? shippingRate : highest));
  for (const field of ["extra_costs", "credit_point_discount"]) if (!amount(field).isZero()) add(amount(field), cost(highest));

  const excl = sum(lines.map((l) => l.excl));
  const vat = sum(lines.map((l) => l.vat));
  const rowsTotal = sum(rows.map(gross));
  return {
    ...doc,
    total_orderrow_price: isSet(doc.total_orderrow_price) ? doc.total_orderrow_price : jsonNumber(rowsTotal, 2),
    total_tax: isSet(doc.total_tax) ? doc.total_tax : jsonNumber(vat, 2),
    total_price: isSet(doc.total_price) ? doc.total_price : jsonNumber(taxesIncluded ? excl.plus(vat) : excl, 2),
  };
}
