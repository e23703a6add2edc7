import { lineAmounts } from "@/lib/domain/line-amounts";
import { D, formatScaled, money, pow10, safe, scaledOf, type Dec, type Scaled } from "@/lib/domain/money";
import type { SalesLine } from "@/lib/domain/sales-document";
import { asPercentage, salesLine } from "@/lib/domain/sales-line";
import type { CcvRow } from "./schemas";

/**
 * Line arithmetic of the manual's field-level tables, shared by orders and invoices.
 * `incl` is the document's row flag (order_row_taxes_included / invoice_row_taxes_included);
 * `zeroVat` is ICP or international: VAT is not charged there, so a line books at 0%.
 */
export type LineContext = { incl: boolean; zeroVat: boolean; sign: 1 | -1 };

const hundred = new D(100);

/** The manual: "[tax], if the amount < 1 the percentage is multiplied by 100" (0.21 → 21). */
export function vatPercentage(value: number | string | null | undefined, field = "tax"): Dec {
  return asPercentage(money(value, field));
}

/**
 * One shop amount at the row's rate, as excl. and incl. VAT:
 * excl = incl rows ? x / (1 + r) : x;  incl = incl rows ? x : x × (1 + r);
 * and for ICP/international both are the excl. value ("incl. VAT and international: x / (1 + r)").
 */
export function split(x: Dec, rate: Dec, ctx: Pick<LineContext, "incl" | "zeroVat">): { excl: Dec; incl: Dec } {
  const factor = vatFactor(rate);
  const excl = ctx.incl ? x.div(factor) : x;
  if (ctx.zeroVat) return { excl, incl: excl };
  return { excl, incl: ctx.incl ? x : x.times(factor) };
}

// 1 + r/100 per rate: a document has few distinct rates, and the division is the costly part.
const factors = new Map<string, Dec>();
function vatFactor(rate: Dec): Dec {
  const key = rate.toString();
  let factor = factors.get(key);
  if (!factor) factors.set(key, (factor = rate.div(hundred).plus(1)));
  return factor;
}

/** Prices a row is read from: orders use selling_price, invoices price_with_attributes. */
export type RowPriceFields = { price: "selling_price" | "price_with_attributes"; beforeDiscount: "price_without_discount" | "price_without_discount_with_attributes" };

/**
 * A product line. The unit price is the price before discount and the discount is
 * (price before discount − price) × count, so unit × quantity − discount = the line total,
 * which is the price the customer paid × count, rounded half-up to cents.
 */
export function productLine(row: CcvRow, fields: RowPriceFields, ctx: LineContext, index: number): SalesLine {
  return exactProductLine(row, fields, ctx) ?? decimalProductLine(row, fields, ctx, index);
}

/** productLine in exact scaled integers; undefined where only the Decimal path can answer (it also names a bad field). */
export function exactProductLine(row: CcvRow, fields: RowPriceFields, ctx: LineContext): SalesLine | undefined {
  const rate = scaledPercentage(row.tax);
  const price = scaledOf(row[fields.price] ?? row.selling_price ?? row.price_with_attributes);
  const stated = row[fields.beforeDiscount] === null || row[fields.beforeDiscount] === undefined ? price : scaledOf(row[fields.beforeDiscount]);
  const count = scaledOf(row.count);
  if (!rate || !price || !stated || !count) return undefined;
  // A "price before discount" below the price is an attribute surcharge, not a discount.
  const before = atLeast(stated, price);
  if (!before) return undefined;
  const quantity = { n: count.n * ctx.sign, dp: count.dp };
  const amounts = lineAmounts({ price, listPrice: before, quantity, rate, incl: ctx.incl, zeroVat: ctx.zeroVat });
  if (!amounts) return undefined;
  const code = codeOf(row);
  return {
    kind: "product",
    code,
    description: row.product_name?.trim() || code || "Product",
    quantity: formatScaledValue(quantity),
    vatRate: ctx.zeroVat ? "0" : formatScaledValue(rate),
    ...amounts,
  };
}

export function decimalProductLine(row: CcvRow, fields: RowPriceFields, ctx: LineContext, index: number): SalesLine {
  const where = `row ${index + 1}`;
  const rate = vatPercentage(row.tax, `${where}.tax`);
  const lineRate = ctx.zeroVat ? new D(0) : rate;
  const price = money(row[fields.price] ?? row.selling_price ?? row.price_with_attributes, `${where}.${fields.price}`);
  let before = row[fields.beforeDiscount] === null || row[fields.beforeDiscount] === undefined ? price : money(row[fields.beforeDiscount], `${where}.${fields.beforeDiscount}`);
  // A "price before discount" below the price is an attribute surcharge, not a discount.
  if (before.lt(price)) before = price;
  const quantity = money(row.count, `${where}.count`).times(ctx.sign);
  const paid = split(price, rate, ctx);
  const listPrice = split(before, rate, ctx);
  // The discount is the difference of the two prices, excl. and incl. alike (no third division).
  const off = { excl: listPrice.excl.minus(paid.excl), incl: listPrice.incl.minus(paid.incl) };
  const code = codeOf(row);
  return salesLine({
    kind: "product",
    description: row.product_name?.trim() || code || "Product",
    code,
    quantity,
    vatRate: lineRate,
    unitPrice: listPrice,
    total: { excl: paid.excl.times(quantity), incl: paid.incl.times(quantity) },
    discount: { excl: off.excl.times(quantity), incl: off.incl.times(quantity) },
  });
}

/** The first non-empty of sub_product_number and product_number (written out: this runs for every row). */
function codeOf(row: CcvRow): string | undefined {
  const sub = codeText(row.sub_product_number);
  return sub !== "" ? sub : codeText(row.product_number) || undefined;
}
const codeText = (c: string | number | null | undefined) => (c === null || c === undefined ? "" : String(c).trim());

/** vatPercentage as Scaled: 0 < tax < 1 is a fraction (0.21 → 21). */
export function scaledPercentage(value: number | string | null | undefined): Scaled | undefined {
  const rate = scaledOf(value);
  if (!rate || !(rate.n > 0 && rate.n < pow10(rate.dp))) return rate;
  const n = safe(rate.n * 100);
  return Number.isNaN(n) ? undefined : { n, dp: rate.dp };
}

/** The larger of two Scaled values; undefined when they cannot be compared exactly. */
function atLeast(value: Scaled, floor: Scaled): Scaled | undefined {
  const k = Math.max(value.dp, floor.dp);
  const a = safe(value.n * pow10(k - value.dp));
  const b = safe(floor.n * pow10(k - floor.dp));
  if (Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return a < b ? floor : value;
}

const formatScaledValue = (value: Scaled) => formatScaled(value.n, value.dp);

/** Shipping, payment costs and surcharges: one unit of `amount` at `rate` (0 for ICP/international). */
export function costLine(kind: "shipping" | "payment" | "surcharge", description: string, amount: Dec, rate: Dec, ctx: LineContext): SalesLine {
  const lineRate = ctx.zeroVat ? new D(0) : rate;
  const exact = scaledOf(amount.toFixed());
  const exactRate = scaledOf(lineRate.toFixed());
  const amounts = exact && exactRate && lineAmounts({ price: exact, listPrice: exact, quantity: { n: ctx.sign, dp: 0 }, rate: exactRate, incl: ctx.incl, zeroVat: ctx.zeroVat });
  if (amounts) return { kind, code: undefined, description, quantity: String(ctx.sign), vatRate: lineRate.toFixed(), ...amounts };
  const value = split(amount, lineRate, ctx);
  const quantity = new D(ctx.sign);
  return salesLine({ kind, description, quantity, vatRate: lineRate, unitPrice: value, total: { excl: value.excl.times(quantity), incl: value.incl.times(quantity) } });
}
