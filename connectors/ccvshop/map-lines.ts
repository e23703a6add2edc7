import { D, money, type Dec } from "@/lib/domain/money";
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
  const code = [row.sub_product_number, row.product_number].map((c) => (c === null || c === undefined ? "" : String(c).trim())).find((c) => c !== "");
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

/** Shipping, payment costs and surcharges: one unit of `amount` at `rate` (0 for ICP/international). */
export function costLine(kind: "shipping" | "payment" | "surcharge", description: string, amount: Dec, rate: Dec, ctx: LineContext): SalesLine {
  const lineRate = ctx.zeroVat ? new D(0) : rate;
  const value = split(amount, lineRate, ctx);
  const quantity = new D(ctx.sign);
  return salesLine({ kind, description, quantity, vatRate: lineRate, unitPrice: value, total: { excl: value.excl.times(quantity), incl: value.incl.times(quantity) } });
}
