import { D, money, type Dec } from "@/lib/domain/money";
import type { SalesLine } from "@/lib/domain/sales-document";
import { salesLine, type Amounts } from "@/lib/domain/sales-line";
import { cleanProductName } from "./product-name";
import type { MagentoItem } from "./schemas";

/**
 * Line arithmetic of the manual's "Specification Magento invoices lines". Every amount is a
 * base_ field (the shop's base currency). `sign` is the document factor (1 invoice, −1 credit
 * memo): quantities, discounts and totals carry it, unit prices stay positive.
 * `zeroVat`: ICP or international, where no VAT is charged, so every line books at 0%.
 */
export type LineContext = { sign: 1 | -1; zeroVat: boolean };

const hundred = new D(100);
/** The manual: "If the amount excl. VAT is 0, the VAT percentage defaults to 21%." */
const DEFAULT_RATE = new D(21);

/** VAT amount / amount excl. VAT, as a percentage rounded to 2 decimals; 21% when excl. is 0. */
export function derivedRate(vat: Dec, excl: Dec): Dec {
  if (excl.isZero()) return DEFAULT_RATE;
  return vat.div(excl).times(hundred).toDecimalPlaces(2);
}

/**
 * The line's VAT percentage: the 4-decimal workaround fields when the shop sends them
 * ([extension_attributes][tax_amount4_decimals] / [base_row_total4_decimals]), else
 * ([base_row_total_incl_tax] − [base_row_total]) / [base_row_total].
 */
export function itemRate(item: MagentoItem, where: string): Dec {
  const ext = item.extension_attributes;
  const hasWorkaround = ext && ext.tax_amount4_decimals !== null && ext.tax_amount4_decimals !== undefined && ext.base_row_total4_decimals !== null && ext.base_row_total4_decimals !== undefined;
  if (hasWorkaround) return derivedRate(money(ext.tax_amount4_decimals, `${where}.tax_amount4_decimals`), money(ext.base_row_total4_decimals, `${where}.base_row_total4_decimals`));
  const excl = money(item.base_row_total, `${where}.base_row_total`);
  return derivedRate(rowIncl(item, where).minus(excl), excl);
}

/** [base_row_total_incl_tax]; when a shop leaves it out: row total + tax + hidden discount tax. */
function rowIncl(item: MagentoItem, where: string): Dec {
  if (item.base_row_total_incl_tax !== null && item.base_row_total_incl_tax !== undefined) return money(item.base_row_total_incl_tax, `${where}.base_row_total_incl_tax`);
  return money(item.base_row_total, `${where}.base_row_total`)
    .plus(money(item.base_tax_amount, `${where}.base_tax_amount`))
    .plus(money(item.base_discount_tax_compensation_amount, `${where}.base_discount_tax_compensation_amount`));
}

/**
 * The discount of a row or of shipping, excl. and incl. VAT. The manual: incl. = [base_discount_amount],
 * excl. = [base_discount_amount] − [base_discount_tax_compensation_amount]. When the tax Magento
 * charged is known, incl. is what the customer did not pay: gross − (net + tax + hidden tax − discount).
 * That equals the manual's value for discounts on prices incl. VAT, and also gets discounts on prices
 * excl. VAT right (a limitation the manual lists).
 */
function discountOf(discount: Dec, compensation: Dec, gross: Amounts, tax: Dec | undefined): Amounts {
  if (discount.isZero()) return { excl: new D(0), incl: new D(0) };
  const excl = discount.minus(compensation);
  const incl = tax === undefined ? discount : gross.incl.minus(gross.excl.plus(tax).plus(compensation).minus(discount));
  return { excl, incl };
}

const optional = (value: number | string | null | undefined, field: string) => (value === null || value === undefined ? undefined : money(value, field));

/**
 * A product line: quantity [qty]; unit prices [base_row_total(_incl_tax)] / qty; discount as above;
 * totals = row totals − discount, rounded half-up to cents.
 */
export function productLine(item: MagentoItem, ctx: LineContext, index: number): SalesLine {
  const where = `items.${index}`;
  const qty = money(item.qty, `${where}.qty`);
  const gross = { excl: money(item.base_row_total, `${where}.base_row_total`), incl: rowIncl(item, where) };
  const rate = ctx.zeroVat ? new D(0) : itemRate(item, where);
  const discount = discountOf(
    money(item.base_discount_amount, `${where}.base_discount_amount`).abs(),
    money(item.base_discount_tax_compensation_amount, `${where}.base_discount_tax_compensation_amount`),
    gross,
    optional(item.base_tax_amount, `${where}.base_tax_amount`),
  );
  const unitPrice = qty.isZero() ? { excl: new D(0), incl: new D(0) } : { excl: gross.excl.div(qty), incl: gross.incl.div(qty) };
  const s = ctx.sign;
  const sku = item.sku?.trim() || undefined;
  return salesLine({
    kind: "product",
    description: cleanProductName(item.name) || sku || "Product",
    code: sku,
    quantity: qty.times(s),
    vatRate: rate,
    unitPrice,
    total: { excl: gross.excl.minus(discount.excl).times(s), incl: gross.incl.minus(discount.incl).times(s) },
    discount: { excl: discount.excl.times(s), incl: discount.incl.times(s) },
  });
}

/**
 * The shipping line ([base_shipping_amount] excl., [base_shipping_incl_tax] incl., the rate derived
 * like a row's), with the part of the document discount that fell on shipping. Only when not 0.
 */
export function shippingLine(input: { excl: Dec; incl: Dec; tax?: Dec; discount: Dec; compensation: Dec }, ctx: LineContext): SalesLine | undefined {
  if (input.excl.isZero() && input.incl.isZero()) return undefined;
  const gross = { excl: input.excl, incl: input.incl };
  const rate = ctx.zeroVat ? new D(0) : derivedRate(input.incl.minus(input.excl), input.excl);
  const discount = discountOf(input.discount, input.compensation, gross, input.tax);
  const s = ctx.sign;
  return salesLine({
    kind: "shipping",
    description: "Shipping costs",
    quantity: new D(s),
    vatRate: rate,
    unitPrice: gross,
    total: { excl: gross.excl.minus(discount.excl).times(s), incl: gross.incl.minus(discount.incl).times(s) },
    discount: { excl: discount.excl.times(s), incl: discount.incl.times(s) },
  });
}

/**
 * Payment costs, surcharges and credit adjustments: one unit of `amount` at `rate`, incl. or excl.
 * VAT as the document's row flag says ("as in other lines"). Only when not 0.
 */
export function costLine(kind: "payment" | "surcharge", description: string, amount: Dec, rate: Dec, incl: boolean, ctx: LineContext): SalesLine | undefined {
  if (amount.isZero()) return undefined;
  const lineRate = ctx.zeroVat ? new D(0) : rate;
  const factor = lineRate.div(hundred).plus(1);
  const value = incl ? { excl: amount.div(factor), incl: amount } : { excl: amount, incl: amount.times(factor) };
  const s = ctx.sign;
  return salesLine({ kind, description, quantity: new D(s), vatRate: lineRate, unitPrice: value, total: { excl: value.excl.times(s), incl: value.incl.times(s) } });
}
