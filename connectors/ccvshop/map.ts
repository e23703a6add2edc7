import { cents, D, formatScaled, money, pow10, roundRatio, safe, scaledOf, type Dec, type Scaled } from "@/lib/domain/money";
import { type SalesDocument, type SalesLine } from "@/lib/domain/sales-document";
import { safeParseSalesDocument } from "@/lib/domain/sales-document-check";
import { ConnectorError, type DocumentKind, type Eligibility, type SourcePayment } from "../types";
import { readCcvSettings, type CcvSettings, type CcvSettingsInput } from "./config";
import { amsterdamDate, parseCcvTimestamp } from "./dates";
import { mapCustomer } from "./map-customer";
import { costLine, productLine, scaledPercentage, vatPercentage, type LineContext, type RowPriceFields } from "./map-lines";
import { classifyPaymentMethod } from "@/lib/domain/payment-method";
import { readOrder } from "./read-order";
import { invoiceSchema, orderSchema, parsePayload, type CcvInvoice, type CcvOrder } from "./schemas";

/**
 * CCV Shop order / invoice → SalesDocument, following the field-level tables of the CCV Shop
 * manuals ("Day-to-day: From CCV Shop"; identical for Rompslomp and WeFact). Pure.
 */
export type MapOptions = {
  /**
   * The manual prices order payment costs at "the highest percentage for the delivery country".
   * Given, this answers it (e.g. from the merchant's VAT grid); otherwise the highest rate of the
   * order's own rows is used.
   */
  highestRateFor?: (country: string) => string | undefined;
};

const ORDER_ROWS: RowPriceFields = { price: "selling_price", beforeDiscount: "price_without_discount" };
/** The manual's invoice discount reads "(price_without_discount_with_attributes − price_without_discount_with_attributes)", a typo for − price_with_attributes. */
const INVOICE_ROWS: RowPriceFields = { price: "price_with_attributes", beforeDiscount: "price_without_discount_with_attributes" };

export function normalizeOrder(payload: unknown, settings: CcvSettingsInput = {}, options: MapOptions = {}): SalesDocument {
  return guard("order", () => mapOrder(payload, settings, options));
}

export function normalizeInvoice(payload: unknown, settings: CcvSettingsInput = {}): SalesDocument {
  return guard("invoice", () => mapInvoice(payload, settings));
}

function mapOrder(payload: unknown, settingsInput: CcvSettingsInput, options: MapOptions): SalesDocument {
  // Read directly where it fits (zod's result, cheaper); zod names the bad field otherwise.
  const order = readOrder(payload) ?? parsePayload(orderSchema, payload, "order");
  const settings = readCcvSettings(settingsInput);
  const header = headerOf(order, settings, 1);
  const ctx: LineContext = { incl: order.order_row_taxes_included ?? order.taxes_included ?? true, zeroVat: header.icp || header.international, sign: 1 };
  const products = order.orderrows.map((row, i) => productLine(row, ORDER_ROWS, ctx, i));
  const highest = highestRate(order.orderrows, order.shipping_tax_percentage);
  const country = header.deliveryCountry ?? header.shopCountry;
  const configured = options.highestRateFor?.(country);
  // Orders: 0% for ICP/international/margin (costLine zeroes those), else the delivery country's highest rate.
  const paymentRate = configured !== undefined ? money(configured, "highestRateFor") : highest;
  const lines = [...products, ...costLines(order, ctx, vatPercentage(order.shipping_tax_percentage, "shipping_tax_percentage"), paymentRate, highest)];
  return finish({
    ...header.document,
    kind: "order",
    source: {
      system: "ccvshop",
      id: order.id,
      number: order.ordernumber_full?.trim() || String(order.ordernumber ?? order.id),
      orderId: order.id,
      orderNumber: order.ordernumber_full ?? undefined,
    },
    paid: order.paid ?? false,
    pricesIncludeVat: ctx.incl,
    paymentMethod: paymentMethodOf(order.paymethod, order.paymethod_id, settings),
    lines,
    creditFactor: 1,
  }, "order");
}

function mapInvoice(payload: unknown, settingsInput: CcvSettingsInput): SalesDocument {
  const invoice = parsePayload(invoiceSchema, payload, "invoice");
  const settings = readCcvSettings(settingsInput);
  const credit = invoice.type === "credit";
  // A credit invoice is booked negative; if the shop already sends it negative, it stays as sent.
  const sign: 1 | -1 = credit && money(invoice.total_price, "total_price").gt(0) ? -1 : 1;
  const header = headerOf(invoice, settings, sign);
  const ctx: LineContext = { incl: invoice.invoice_row_taxes_included ?? invoice.taxes_included ?? true, zeroVat: header.icp || header.international, sign };
  const products = invoice.invoicerows.map((row, i) => productLine(row, INVOICE_ROWS, ctx, i));
  const shippingRate = vatPercentage(invoice.shipping_tax_percentage, "shipping_tax_percentage");
  // Invoices: payment costs carry the shipping rate ("there is no VAT percentage on the payment costs").
  const lines = [...products, ...costLines(invoice, ctx, shippingRate, shippingRate, highestRate(invoice.invoicerows, invoice.shipping_tax_percentage))];
  const orderId = orderIdOf(invoice.order);
  return finish({
    ...header.document,
    kind: credit ? "creditnote" : "invoice",
    source: {
      system: "ccvshop",
      id: invoice.id,
      number: invoice.invoicenumber_full?.trim() || String(invoice.invoicenumber ?? invoice.id),
      orderId,
      orderNumber: invoice.ordernumber_full ?? undefined,
      invoiceNumber: invoice.invoicenumber_full ?? undefined,
    },
    paid: invoice.status === undefined || invoice.status === null ? undefined : String(invoice.status) === "1",
    pricesIncludeVat: ctx.incl,
    paymentMethod: paymentMethodOf(invoice.paymethod ?? invoice.linked_order?.paymethod, invoice.paymethod_id ?? invoice.linked_order?.paymethod_id, settings),
    lines,
    creditFactor: credit ? -1 : 1,
  }, credit ? "credit invoice" : "invoice");
}

/** What orders and invoices share: dates, ICP/international, currency, customer, totals. */
function headerOf(doc: CcvOrder | CcvInvoice, settings: CcvSettings, sign: 1 | -1) {
  const fallbackCustomer = "linked_order" in doc ? doc.linked_order?.customer : undefined;
  const customer = mapCustomer(doc.customer ?? fallbackCustomer, { email: doc.email, vatnumber: doc.vatnumber });
  const deliveryCountry = customer.delivery?.country ?? customer.billing.country;
  const icp = doc.is_intra_community_order === true;
  const taxesIncluded = doc.taxes_included ?? true;
  const { totals, vatIsZero } = documentTotals(doc, taxesIncluded, sign);
  // International: no VAT in the order, not ICP, delivered outside the shop's country.
  const international = vatIsZero && !icp && !!deliveryCountry && deliveryCountry !== settings.shopCountry;
  return {
    icp,
    international,
    deliveryCountry,
    shopCountry: settings.shopCountry,
    document: {
      date: amsterdamDate(parseCcvTimestamp(doc.create_date)),
      currency: (doc.currency?.trim() || "EUR").toUpperCase(),
      shopCountry: settings.shopCountry,
      deliveryCountry,
      icp,
      international,
      // CCV has no margin-scheme field on orders or invoices; see the report.
      marginScheme: false,
      customer,
      totals,
    },
  };
}

/** total_price and total_tax as the document's totals excl., incl. and VAT, in cents, signed. */
function documentTotals(doc: CcvOrder | CcvInvoice, taxesIncluded: boolean, sign: 1 | -1): { totals: SalesDocument["totals"]; vatIsZero: boolean } {
  const price = scaledOf(doc.total_price);
  const tax = scaledOf(doc.total_tax);
  if (price && tax) {
    // Sums of two shop amounts are exact in Decimal too, so a half cent rounds up in both.
    const dp = Math.max(price.dp, tax.dp);
    const p = safe(price.n * pow10(dp - price.dp) * sign);
    const t = safe(tax.n * pow10(dp - tax.dp) * sign);
    const over = pow10(dp);
    const [excl, incl, vat] = [roundRatio(taxesIncluded ? safe(p - t) : p, over, 2, true), roundRatio(taxesIncluded ? p : safe(p + t), over, 2, true), roundRatio(t, over, 2, true)];
    if (excl !== undefined && incl !== undefined && vat !== undefined) {
      return { totals: { excl: formatScaled(excl, 2), incl: formatScaled(incl, 2), vat: formatScaled(vat, 2) }, vatIsZero: tax.n === 0 };
    }
  }
  const totalPrice = money(doc.total_price, "total_price");
  const totalTax = money(doc.total_tax, "total_tax");
  const incl = taxesIncluded ? totalPrice : totalPrice.plus(totalTax);
  const excl = taxesIncluded ? totalPrice.minus(totalTax) : totalPrice;
  const amount = (d: Dec) => cents(d.times(sign)).toFixed();
  return { totals: { excl: amount(excl), incl: amount(incl), vat: amount(totalTax) }, vatIsZero: totalTax.isZero() };
}

/** Shipping, payment costs and up to two surcharges, each only when its amount is not 0. */
function costLines(doc: CcvOrder | CcvInvoice, ctx: LineContext, shippingRate: Dec, paymentRate: Dec, surchargeRate: Dec): SalesLine[] {
  const lines: SalesLine[] = [];
  const shipping = money(doc.total_shipping, "total_shipping");
  if (!shipping.isZero()) lines.push(costLine("shipping", "Shipping costs", shipping, shippingRate, ctx));
  const payment = money(doc.paymethod_costs, "paymethod_costs").plus(money(doc.extra_payment_option_price, "extra_payment_option_price"));
  if (!payment.isZero()) lines.push(costLine("payment", "Payment costs", payment, paymentRate, ctx));
  const extra = money(doc.extra_costs, "extra_costs");
  if (!extra.isZero()) lines.push(costLine("surcharge", doc.extra_costs_description?.trim() || "Surcharge", extra, surchargeRate, ctx));
  const creditPoints = money(doc.credit_point_discount, "credit_point_discount");
  if (!creditPoints.isZero()) lines.push(costLine("surcharge", "Credit point discount", creditPoints, surchargeRate, ctx));
  return lines;
}

/** The highest VAT percentage among the rows (the shipping rate when there are none). */
function highestRate(rows: { tax?: number | string | null }[], shipping: number | string | null | undefined): Dec {
  // In scaled integers when every rate reads as one (a Decimal per row only to compare them is the costly part).
  let highest: Scaled | undefined;
  let highestAt = 0;
  for (const row of rows) {
    const rate = scaledPercentage(row.tax);
    if (!rate || rate.dp > 6) return decimalHighestRate(rows, shipping);
    const at = safe(rate.n * pow10(6 - rate.dp));
    if (Number.isNaN(at)) return decimalHighestRate(rows, shipping);
    if (!highest || at > highestAt) {
      highest = rate;
      highestAt = at;
    }
  }
  return highest ? new D(formatScaled(highest.n, highest.dp)) : vatPercentage(shipping, "shipping_tax_percentage");
}

function decimalHighestRate(rows: { tax?: number | string | null }[], shipping: number | string | null | undefined): Dec {
  const rates = rows.map((r, i) => vatPercentage(r.tax, `row ${i + 1}.tax`));
  return rates.length ? D.max(...rates) : vatPercentage(shipping, "shipping_tax_percentage");
}

function paymentMethodOf(raw: string | null | undefined, id: string | number | null | undefined, settings: CcvSettings): SalesDocument["paymentMethod"] {
  const { classification } = classifyPaymentMethod(raw ?? undefined, settings.paymentMethods);
  return { raw: raw ?? undefined, id: id === null || id === undefined ? undefined : String(id), classification };
}

/** "Order-identifier: determined based on the URL in the field [order]". */
export function orderIdOf(order: CcvInvoice["order"]): string | undefined {
  const href = typeof order === "string" ? order : order?.href;
  return href ? /\/orders\/([^/?#]+)/.exec(href)?.[1] : undefined;
}

/** money() throws a plain Error naming the field; the pipeline needs a permanent ConnectorError. */
function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    throw new ConnectorError("invalid_payload", `The CCV Shop ${what} could not be read: ${(err as Error).message}.`, false);
  }
}

function finish(doc: Omit<SalesDocument, "lines"> & { lines: SalesLine[] }, what: string): SalesDocument {
  if (doc.lines.length === 0) throw new ConnectorError("invalid_payload", `The CCV Shop ${what} ${doc.source.number} has no rows and no costs, so there is nothing to book.`, false);
  const result = safeParseSalesDocument(doc);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConnectorError("invalid_payload", `The CCV Shop ${what} ${doc.source.number} could not be read: "${issue?.path.join(".")}" ${issue?.message ?? "is invalid"}.`, false);
}

// ─── Eligibility and payments ─────────────────────────────────────────────

const ORDER_STATUS: Record<string, string> = {
  "1": "New", "2": "In process", "3": "Wait for manufacturer", "4": "Wait for payment", "5": "Sent", "6": "Delivered", "7": "Completed",
  "8": "Cancelled", "9": "Wait for supplier", "10": "Is being packaged", "11": "Ready to be collected", "12": "Is being assembled", "13": "Backorder", "14": "Reserved",
};

/** "paid-orders": only paid orders (credit notes are not included); "invoices": every debit and credit invoice. */
export function eligibility(kind: DocumentKind, payload: unknown, settingsInput: CcvSettingsInput = {}): Eligibility {
  const { documentTrigger } = readCcvSettings(settingsInput);
  if (documentTrigger === "invoices") {
    return kind === "order"
      ? { eligible: false, reason: "This integration books CCV Shop invoices, not orders (see the Configuration tab)." }
      : { eligible: true };
  }
  if (kind !== "order") {
    return { eligible: false, reason: "This integration books paid CCV Shop orders; invoices and credit invoices are not booked (see the Configuration tab)." };
  }
  const order = parsePayload(orderSchema.pick({ id: true, paid: true, is_completed: true, status: true, ordernumber_full: true }), payload, "order");
  const name = `Order ${order.ordernumber_full ?? order.id}`;
  if (order.is_completed === false) return { eligible: false, reason: `${name} is not completed in CCV Shop yet (the checkout was not finished).` };
  if (order.paid !== true) {
    const status = order.status === null || order.status === undefined ? "" : ` (status: ${ORDER_STATUS[String(order.status)] ?? order.status})`;
    return { eligible: false, reason: `${name} is not paid yet${status}. It is booked as soon as CCV Shop reports it paid.` };
  }
  return { eligible: true };
}

/**
 * The manual's payment tables. Orders: only when paid, amount = the order total, transaction id
 * [transaction_id]. Invoices: always, transaction id [transaction_id], else the invoice number.
 */
export function paymentsOf(payload: unknown, kind: DocumentKind): SourcePayment[] {
  return guard(kind === "order" ? "order" : "invoice", () => paymentsOfPayload(payload, kind));
}

function paymentsOfPayload(payload: unknown, kind: DocumentKind): SourcePayment[] {
  if (kind === "order") {
    const order = parsePayload(orderSchema, payload, "order");
    if (order.paid !== true) return [];
    const doc = headerOf(order, readCcvSettings({}), 1).document;
    return [{
      sourceId: order.ordernumber_full?.trim() || String(order.ordernumber ?? order.id),
      documentSourceId: order.id,
      amount: doc.totals.incl,
      currency: doc.currency,
      method: order.paymethod ?? undefined,
      paidAt: parseCcvTimestamp(order.create_date).toISOString(),
      transactionId: order.transaction_id === null || order.transaction_id === undefined ? undefined : String(order.transaction_id),
    }];
  }
  const invoice = parsePayload(invoiceSchema, payload, "invoice");
  const sign: 1 | -1 = invoice.type === "credit" && money(invoice.total_price).gt(0) ? -1 : 1;
  const doc = headerOf(invoice, readCcvSettings({}), sign).document;
  const number = invoice.invoicenumber_full?.trim() || String(invoice.invoicenumber ?? invoice.id);
  const transaction = invoice.transaction_id ?? invoice.linked_order?.transaction_id;
  return [{
    sourceId: number,
    documentSourceId: invoice.id,
    amount: doc.totals.incl,
    currency: doc.currency,
    method: invoice.paymethod ?? invoice.linked_order?.paymethod ?? undefined,
    paidAt: parseCcvTimestamp(invoice.create_date).toISOString(),
    transactionId: transaction === null || transaction === undefined || String(transaction).trim() === "" ? number : String(transaction),
  }];
}
