import { cents, D, money, sum, type Dec } from "@/lib/domain/money";
import type { SalesLine } from "@/lib/domain/sales-document";
import { asPercentage, salesLine, type Amounts } from "@/lib/domain/sales-line";
import type { OrderDetail, OrderPayload, Tax } from "./schemas";

/**
 * The line arithmetic of the manual's tables "Specification Prestashop order lines / discount
 * rules / surcharges". `zeroVat` is ICP or international: those book at 0%.
 */
const hundred = new D(100);

/** A line from amounts the shop gives for all units: unit prices are the totals divided by the quantity. */
export function line(kind: SalesLine["kind"], description: string, quantity: Dec, rate: Dec, total: Amounts, code?: string): SalesLine {
  const perUnit = (d: Dec) => (quantity.isZero() ? d : d.div(quantity));
  return salesLine({ kind, description, code, quantity, vatRate: rate, unitPrice: { excl: perUnit(total.excl), incl: perUnit(total.incl) }, total });
}

/**
 * The VAT percentage of an order detail: the rate of its tax (order_details → associations.taxes
 * → /api/taxes/{id}; tax_rate itself is hidden in the webservice), summed when several apply;
 * without a tax, derived from its amounts ((incl − excl) / excl, which the < 1 rule turns into a percentage).
 */
export function detailRate(detail: OrderDetail, taxes: Tax[], where: string): Dec {
  const ids = detail.associations?.taxes ?? [];
  const rates = ids.map((t) => taxes.find((x) => x.id === t.id)).filter((t): t is Tax => !!t).map((t) => money(t.rate, `tax ${t.id}.rate`));
  if (ids.length && rates.length === ids.length) return asPercentage(sum(rates)).toDecimalPlaces(3);
  const excl = money(detail.total_price_tax_excl, `${where}.total_price_tax_excl`);
  const incl = money(detail.total_price_tax_incl, `${where}.total_price_tax_incl`);
  if (excl.isZero()) return new D(0);
  return asPercentage(incl.minus(excl).div(excl)).toDecimalPlaces(2);
}

/** An order line ("type article" with a product, "custom" without one); null for quantity 0 (skipped). */
export function detailLine(detail: OrderDetail, payload: OrderPayload, zeroVat: boolean, index: number): SalesLine | null {
  const where = `order_details[${index}]`;
  const quantity = money(detail.product_quantity, `${where}.product_quantity`);
  if (quantity.isZero()) return null;
  const excl = money(detail.total_price_tax_excl ?? money(detail.unit_price_tax_excl, `${where}.unit_price_tax_excl`).times(quantity), `${where}.total_price_tax_excl`);
  const incl = money(detail.total_price_tax_incl ?? money(detail.unit_price_tax_incl, `${where}.unit_price_tax_incl`).times(quantity), `${where}.total_price_tax_incl`);
  const rate = zeroVat ? new D(0) : detailRate(detail, payload.taxes, where);
  const code = detail.product_reference?.trim() || payload.products.find((p) => p.id === detail.product_id)?.reference?.trim() || undefined;
  return line("product", detail.product_name?.trim() || code || "Product", quantity, rate, { excl, incl }, code);
}

/**
 * The order-level discount ([total_discounts_tax_incl/excl]) spread over the VAT rates of the
 * product lines in proportion to [total_products_wt]; excl. VAT from each share and its rate.
 * The last share takes the remainder, so the shares add up to the discount exactly.
 */
export function discountLines(payload: OrderPayload, products: SalesLine[], zeroVat: boolean): SalesLine[] {
  const discountIncl = money(payload.total_discounts_tax_incl, "total_discounts_tax_incl");
  const discountExcl = money(payload.total_discounts_tax_excl, "total_discounts_tax_excl");
  if (discountIncl.isZero() && discountExcl.isZero()) return [];
  const productsWt = money(payload.total_products_wt, "total_products_wt");
  const byRate = new Map<string, Dec>();
  for (const l of products) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? new D(0)).plus(money(l.totalIncl)));
  const rates = [...byRate.keys()].sort((a, b) => money(b).comparedTo(money(a)));
  if (productsWt.isZero() || rates.length === 0) {
    // Nothing to weigh by: one line at the discount's own rate.
    const rate = zeroVat || discountExcl.isZero() ? new D(0) : asPercentage(discountIncl.minus(discountExcl).div(discountExcl)).toDecimalPlaces(2);
    return [line("discount", "Discount", new D(1), rate, { excl: discountExcl.neg(), incl: discountIncl.neg() })];
  }
  let left = cents(discountIncl);
  return rates.map((key, i) => {
    const rate = money(key);
    const share = i === rates.length - 1 ? left : cents(discountIncl.times(byRate.get(key)!).div(productsWt));
    left = left.minus(share);
    const excl = share.div(rate.div(hundred).plus(1));
    const description = rates.length > 1 ? `Discount ${rate.toFixed()}% VAT` : "Discount";
    return line("discount", description, new D(1), rate, { excl: excl.neg(), incl: share.neg() });
  });
}

/** Shipping: [total_shipping_tax_excl/incl] at [carrier_tax_rate]; none when 0. */
export function shippingLine(payload: OrderPayload, zeroVat: boolean): SalesLine[] {
  const excl = money(payload.total_shipping_tax_excl, "total_shipping_tax_excl");
  const incl = money(payload.total_shipping_tax_incl, "total_shipping_tax_incl");
  if (excl.isZero() && incl.isZero()) return [];
  const rate = zeroVat ? new D(0) : asPercentage(money(payload.carrier_tax_rate, "carrier_tax_rate"));
  return [line("shipping", "Shipping costs", new D(1), rate, { excl, incl })];
}

/**
 * Gift wrapping as a surcharge: [total_wrapping_tax_excl/incl], VAT percentage (incl − excl) / excl,
 * where 0.204 < p < 0.21 counts as 21% (the manual's rounding for wrapping VAT computed on rounded amounts).
 */
export function wrappingLine(payload: OrderPayload, zeroVat: boolean): SalesLine[] {
  const excl = money(payload.total_wrapping_tax_excl, "total_wrapping_tax_excl");
  const incl = money(payload.total_wrapping_tax_incl, "total_wrapping_tax_incl");
  if (excl.isZero() && incl.isZero()) return [];
  return [line("surcharge", "Surcharge", new D(1), zeroVat ? new D(0) : wrappingRate(incl, excl), { excl, incl })];
}

export function wrappingRate(incl: Dec, excl: Dec): Dec {
  if (excl.isZero()) return new D(0);
  const ratio = incl.minus(excl).div(excl);
  if (ratio.gt("0.204") && ratio.lt("0.21")) return new D(21);
  return asPercentage(ratio).toDecimalPlaces(2);
}
