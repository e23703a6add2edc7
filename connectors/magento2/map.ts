import { isEuCountry } from "@/lib/domain/eu-vat-rates";
import { cents, D, money, sum, type Dec } from "@/lib/domain/money";
import { type SalesDocument, type SalesLine } from "@/lib/domain/sales-document";
import { safeParseSalesDocument } from "@/lib/domain/sales-document-check";
import { ConnectorError, type DocumentKind, type Eligibility } from "../types";
import { magento2SettingsSchema, type Magento2SettingsInput } from "./config";
import { amsterdamDate, parseMagentoTimestamp } from "./dates";
import { mapCustomer } from "./map-customer";
import { costLine, productLine, shippingLine, type LineContext } from "./map-lines";
import { classifyPaymentMethod } from "@/lib/domain/payment-method";
import { creditmemoSchema, invoiceSchema, orderSchema, parsePayload, type MagentoCreditmemo, type MagentoInvoice, type MagentoItem, type MagentoOrder } from "./schemas";

/**
 * Magento invoice / credit memo (with its order embedded under `order`) → SalesDocument, per the
 * manual's "Field-level specification invoices" and "… invoices lines". Pure. Magento 1.9 documents
 * are first shaped like Magento 2's (connectors/magento1) and then mapped here.
 */
export type MapOptions = { system?: "magento2" | "magento1"; shopName?: string };

export function normalizeDocument(kind: DocumentKind, payload: unknown, settingsInput: Magento2SettingsInput = {}, options: MapOptions = {}): SalesDocument {
  const shop = options.shopName ?? "Magento";
  const what = kind === "creditnote" ? "credit memo" : "invoice";
  try {
    return mapDocument(kind, payload, magento2SettingsSchema.parse(settingsInput), options.system ?? "magento2", shop, what);
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    // money() throws a plain Error naming the field; the pipeline needs a permanent ConnectorError.
    throw new ConnectorError("invalid_payload", `The ${shop} ${what} could not be read: ${(err as Error).message}.`, false);
  }
}

type Settings = ReturnType<typeof magento2SettingsSchema.parse>;

function mapDocument(kind: DocumentKind, payload: unknown, settings: Settings, system: string, shop: string, what: string): SalesDocument {
  if (kind === "order") throw new ConnectorError("invalid_payload", `${shop} orders are not booked by this integration; it books invoices and credit memos.`, false);
  const credit = kind === "creditnote";
  const doc: MagentoInvoice | MagentoCreditmemo = parsePayload(credit ? creditmemoSchema : invoiceSchema, payload, what);
  const embedded = (payload as { order?: unknown }).order;
  if (embedded === undefined || embedded === null) throw new ConnectorError("invalid_payload", `The ${shop} ${what} ${doc.increment_id ?? doc.entity_id} came without its order, which holds the customer and payment method.`, false);
  const order = parsePayload(orderSchema, embedded, `order of ${what} ${doc.increment_id ?? doc.entity_id}`);

  // The manual's factor: Magento lists credit memos with positive amounts.
  const sign: 1 | -1 = credit ? -1 : 1;
  const customer = mapCustomer(order);
  const country = customer.delivery?.country ?? customer.billing.country;
  const taxTotal = money(doc.base_tax_amount, "base_tax_amount");
  const noVat = taxTotal.isZero();
  // ICP: no margin-scheme contract, no VAT, another EU country. International: no VAT, outside the EU.
  const icp = !settings.marginScheme && noVat && !!country && isEuCountry(country) && country !== settings.shopCountry;
  const international = noVat && !!country && !isEuCountry(country);
  const ctx: LineContext = { sign, zeroVat: icp || international };
  const incl = flag(doc, "invoice_row_taxes_included") ?? flag(doc, "taxes_included") ?? settings.pricesIncludeVat;

  const lines = documentLines(doc, order, ctx, incl, settings, shop, what);
  if (lines.length === 0) throw new ConnectorError("invalid_payload", `The ${shop} ${what} ${doc.increment_id ?? doc.entity_id} has no lines and no costs, so there is nothing to book.`, false);

  const totalIncl = money(doc.base_grand_total, "base_grand_total");
  const amount = (d: Dec) => cents(d.times(sign)).toFixed();
  const orderNumber = order.increment_id?.trim() || undefined;
  const result = safeParseSalesDocument({
    kind,
    source: {
      system,
      // The manual: a 1 before the credit memo's id keeps debit and credit identifiers apart.
      id: credit ? `1${doc.entity_id}` : doc.entity_id,
      number: doc.increment_id?.trim() || doc.entity_id,
      orderId: doc.order_id,
      orderNumber: orderNumber && credit && settings.orderNumberLeading ? `C_${orderNumber}` : orderNumber,
      invoiceNumber: doc.increment_id?.trim() || undefined,
      affiliate: affiliateOf(order),
    },
    date: amsterdamDate(parseMagentoTimestamp(doc.created_at, "created_at", shop)),
    currency: (doc.base_currency_code?.trim() || "EUR").toUpperCase(),
    shopCountry: settings.shopCountry,
    deliveryCountry: country,
    pricesIncludeVat: incl,
    icp,
    international,
    marginScheme: settings.marginScheme,
    paid: doc.state === null || doc.state === undefined ? undefined : String(doc.state) === "2",
    customer,
    paymentMethod: {
      raw: order.payment?.method?.trim() || undefined,
      id: order.payment?.entity_id ?? undefined,
      classification: classifyPaymentMethod(order.payment?.method ?? undefined, settings.paymentMethods).classification,
    },
    lines,
    totals: { incl: amount(totalIncl), vat: amount(taxTotal), excl: amount(totalIncl.minus(taxTotal)) },
    creditFactor: sign,
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConnectorError("invalid_payload", `The ${shop} ${what} ${doc.increment_id ?? doc.entity_id} could not be read: "${issue?.path.join(".")}" ${issue?.message ?? "is invalid"}.`, false);
}

function documentLines(doc: MagentoInvoice | MagentoCreditmemo, order: MagentoOrder, ctx: LineContext, incl: boolean, settings: Settings, shop: string, what: string): SalesLine[] {
  const items = bookableItems(doc.items, order);
  const products = items.map(({ item, index }) => productLine(item, ctx, index));

  // Shipping: the document discount minus the rows' discounts is what fell on shipping.
  const itemDiscounts = sum(doc.items.map((item, i) => money(item.base_discount_amount, `items.${i}.base_discount_amount`).abs()));
  const shippingDiscount = D.max(0, money(doc.base_discount_amount, "base_discount_amount").abs().minus(itemDiscounts));
  const shippingExcl = money(doc.base_shipping_amount, "base_shipping_amount");
  const shippingTax = doc.base_shipping_tax_amount === null || doc.base_shipping_tax_amount === undefined ? undefined : money(doc.base_shipping_tax_amount, "base_shipping_tax_amount");
  const shippingIncl = doc.base_shipping_incl_tax === null || doc.base_shipping_incl_tax === undefined ? shippingExcl.plus(shippingTax ?? 0) : money(doc.base_shipping_incl_tax, "base_shipping_incl_tax");
  const shipping = shippingLine({
    excl: shippingExcl,
    incl: shippingIncl,
    tax: shippingTax,
    discount: shippingDiscount.gt("0.005") ? shippingDiscount : new D(0),
    compensation: money(doc.base_shipping_discount_tax_compensation_amnt, "base_shipping_discount_tax_compensation_amnt"),
  }, ctx);

  // Payment costs at the shipping rate, surcharges at the highest row rate (21% without either).
  const productRates = products.map((l) => money(l.vatRate));
  const highest = productRates.length ? D.max(...productRates) : new D(21);
  const paymentRate = shipping ? money(shipping.vatRate) : highest;
  const payment = costLine("payment", "Payment costs", extra(doc, "paymethod_costs").plus(extra(doc, "extra_payment_option_price")), paymentRate, incl, ctx);
  const extraCosts = costLine("surcharge", "Extra costs", extra(doc, "extra_costs"), highest, incl, ctx);
  const creditPoints = costLine("surcharge", "Credit point discount", extra(doc, "credit_point_discount"), highest, incl, ctx);

  const lines = [...products, shipping, payment, extraCosts, creditPoints, ...adjustmentLines(doc, ctx, settings, shop, what)];
  return lines.filter((l): l is SalesLine => l !== undefined);
}

/**
 * Configurable and bundle products list a parent and a child row; the one without amounts is
 * dropped so a product is booked once. A free product on its own (no parent, no children) stays.
 */
function bookableItems(items: MagentoItem[], order: MagentoOrder): { item: MagentoItem; index: number }[] {
  const parentOf = new Map((order.items ?? []).filter((i) => i.item_id).map((i) => [i.item_id!, i.parent_item_id ?? undefined]));
  const inDocument = new Set(items.map((i) => i.order_item_id).filter(Boolean));
  const isParent = (orderItemId: string) => [...parentOf.entries()].some(([child, parent]) => parent === orderItemId && inDocument.has(child));
  const isZero = (item: MagentoItem) => [item.base_row_total, item.base_row_total_incl_tax, item.base_discount_amount].every((v) => money(v).isZero());
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => {
      const id = item.order_item_id;
      if (!id || !isZero(item)) return true;
      return !(parentOf.get(id) || isParent(id));
    });
}

/**
 * Credit memo adjustments (refund / fee) have no VAT in Magento. The manual cannot book them; by
 * default the credit memo is refused with the reason, on request they are booked at 0%.
 */
function adjustmentLines(doc: MagentoInvoice | MagentoCreditmemo, ctx: LineContext, settings: Settings, shop: string, what: string): (SalesLine | undefined)[] {
  if (ctx.sign !== -1) return []; // only credit memos have adjustments
  const refund = money((doc as MagentoCreditmemo).base_adjustment_positive, "base_adjustment_positive");
  const fee = money((doc as MagentoCreditmemo).base_adjustment_negative, "base_adjustment_negative");
  if (refund.isZero() && fee.isZero()) return [];
  if (settings.creditAdjustments === "reject") {
    const parts = [refund.isZero() ? "" : `an adjustment refund of ${refund.toFixed(2)}`, fee.isZero() ? "" : `an adjustment fee of ${fee.toFixed(2)}`].filter(Boolean).join(" and ");
    throw new ConnectorError(
      "credit_adjustment_without_vat",
      `The ${shop} ${what} ${doc.increment_id ?? doc.entity_id} has ${parts}. Magento gives no VAT for adjustments, so it cannot be booked as it is. Book it by hand, or choose "book adjustments without VAT" on the Configuration tab and click Process.`,
      false,
    );
  }
  return [
    costLine("surcharge", "Adjustment refund", refund, new D(0), false, ctx),
    costLine("surcharge", "Adjustment fee", fee.negated(), new D(0), false, ctx),
  ];
}

/** The manual's webshop-side fields, on the document itself or in its extension_attributes. */
function raw(doc: MagentoInvoice | MagentoCreditmemo, field: string): unknown {
  const own = (doc as Record<string, unknown>)[field];
  return own ?? (doc.extension_attributes as Record<string, unknown> | null | undefined)?.[field];
}

function extra(doc: MagentoInvoice | MagentoCreditmemo, field: string): Dec {
  const value = raw(doc, field);
  if (value === null || value === undefined || value === "") return new D(0);
  if (typeof value !== "number" && typeof value !== "string") throw new ConnectorError("invalid_payload", `The Magento field "${field}" is not an amount: ${JSON.stringify(value)}.`, false);
  return money(value, field);
}

function flag(doc: MagentoInvoice | MagentoCreditmemo, field: string): boolean | undefined {
  const value = raw(doc, field);
  if (value === null || value === undefined || value === "") return undefined;
  return value === true || value === 1 || value === "1" || value === "true";
}

/** The manual's affiliate: the value at key channel_id in the order's payment_additional_info. */
export function affiliateOf(order: MagentoOrder): string | undefined {
  const entry = order.extension_attributes?.payment_additional_info?.find((e) => e.key === "channel_id");
  const value = entry?.value;
  if (value === null || value === undefined) return undefined;
  const text = (typeof value === "string" ? value : JSON.stringify(value)).trim();
  return text || undefined;
}

// ─── Eligibility ──────────────────────────────────────────────────────────

/** Invoices and credit memos are final documents; only a canceled one (state 3) is not booked. */
export function eligibility(kind: DocumentKind, payload: unknown, shop = "Magento"): Eligibility {
  if (kind === "order") return { eligible: false, reason: `This integration books ${shop} invoices and credit memos, not orders.` };
  const head = parsePayload(invoiceSchema.pick({ entity_id: true, increment_id: true, state: true }), payload, kind === "creditnote" ? "credit memo" : "invoice");
  if (String(head.state ?? "") === "3") {
    const what = kind === "creditnote" ? "Credit memo" : "Invoice";
    return { eligible: false, reason: `${what} ${head.increment_id ?? head.entity_id} is canceled in ${shop}, so it is not booked.` };
  }
  return { eligible: true };
}
