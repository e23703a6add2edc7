import { isEuCountry } from "@/lib/domain/eu-vat-rates";
import { cents, money } from "@/lib/domain/money";
import { type SalesDocument, type SalesLine } from "@/lib/domain/sales-document";
import { safeParseSalesDocument } from "@/lib/domain/sales-document-check";
import { ConnectorError, type Eligibility, type SourcePayment } from "../types";
import { prestashopSettingsSchema, type PrestaShopSettings, type PrestaShopSettingsInput } from "./config";
import { isUnsetDate, shopDateToIso, shopDay } from "./dates";
import { mapCustomer } from "./map-customer";
import { detailLine, discountLines, shippingLine, wrappingLine } from "./map-lines";
import { classifyPaymentMethod } from "./payment-method";
import { orderPayloadSchema, parsePayload, type OrderPayload } from "./schemas";

/**
 * PrestaShop order (with the resources fetchDocument embedded) → SalesDocument, following the
 * field tables of the manual's "Day-to-day: From PrestaShop". Pure.
 */
export function normalizeOrder(payload: unknown, settingsInput: PrestaShopSettingsInput = {}): SalesDocument {
  const settings = prestashopSettingsSchema.parse(settingsInput);
  return guard(() => mapOrder(parsePayload(orderPayloadSchema, payload, "order"), settings));
}

function mapOrder(order: OrderPayload, settings: PrestaShopSettings): SalesDocument {
  const number = order.reference?.trim() || order.id;
  const { customer, invoiceCountry, deliveryCountry } = mapCustomer(order);
  const vatCountry = settings.vatCountryFrom === "delivery-address" ? (deliveryCountry ?? invoiceCountry) : (invoiceCountry ?? deliveryCountry);
  const { icp, international } = zeroVatKind(order, vatCountry, settings.shopCountry);
  const zeroVat = icp || international;

  const products = order.order_details.map((d, i) => detailLine(d, order, zeroVat, i)).filter((l): l is SalesLine => l !== null);
  const lines = [...products, ...discountLines(order, products, zeroVat), ...shippingLine(order, zeroVat), ...wrappingLine(order, zeroVat)];
  if (lines.length === 0) throw new ConnectorError("invalid_payload", `PrestaShop order ${number} has no order lines and no costs, so there is nothing to book.`, false);

  const doc = {
    kind: "order" as const,
    source: { system: "prestashop", id: order.id, number, orderId: order.id, orderNumber: order.reference?.trim() || undefined, invoiceNumber: invoiceNumberOnly(order.invoice_number) },
    date: bookingDate(order, settings),
    currency: currencyOf(order, settings),
    shopCountry: settings.shopCountry,
    deliveryCountry: vatCountry,
    pricesIncludeVat: true,
    icp,
    international,
    marginScheme: false,
    paid: order.order_state ? order.order_state.paid : undefined,
    customer,
    paymentMethod: { raw: order.payment?.trim() || undefined, id: order.module?.trim() || undefined, classification: classifyPaymentMethod(order.payment, order.module) },
    lines,
    totals: totalsOf(order),
    creditFactor: 1 as const,
  };
  const result = safeParseSalesDocument(doc);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConnectorError("invalid_payload", `PrestaShop order ${number} could not be read: "${issue?.path.join(".")}" ${issue?.message ?? "is invalid"}.`, false);
}

/**
 * The manual's totals: incl = total_products_wt + total_shipping_tax_incl + total_wrapping_tax_incl
 * − total_discounts_tax_incl; excl likewise with the excl fields; VAT = incl − excl.
 */
export function totalsOf(order: OrderPayload) {
  const m = (field: keyof OrderPayload) => money(order[field] as string | number | null | undefined, field);
  const incl = cents(m("total_products_wt").plus(m("total_shipping_tax_incl")).plus(m("total_wrapping_tax_incl")).minus(m("total_discounts_tax_incl")));
  const excl = cents(m("total_products").plus(m("total_shipping_tax_excl")).plus(m("total_wrapping_tax_excl")).minus(m("total_discounts_tax_excl")));
  return { incl: incl.toFixed(), excl: excl.toFixed(), vat: incl.minus(excl).toFixed() };
}

/**
 * ICP: [total_paid_tax_incl] ≠ 0, equal to [total_paid_tax_excl] (no VAT charged), delivered to
 * another EU country than the shop's. International: the same outside the EU.
 */
export function zeroVatKind(order: OrderPayload, country: string | undefined, shopCountry: string) {
  const incl = money(order.total_paid_tax_incl, "total_paid_tax_incl");
  const excl = money(order.total_paid_tax_excl, "total_paid_tax_excl");
  const noVatAbroad = !incl.isZero() && incl.eq(excl) && !!country && country !== shopCountry;
  return { icp: noVatAbroad && isEuCountry(country), international: noVatAbroad && !isEuCountry(country) };
}

/** "We only process the number and not the fixed prefix": "FA000123" → "123"; 0 / "0" means not invoiced. */
export function invoiceNumberOnly(value: string | undefined): string | undefined {
  const digits = value ? /(\d+)\s*$/.exec(value.trim())?.[1] : undefined;
  const number = digits?.replace(/^0+/, "");
  return number ? number : undefined;
}

function bookingDate(order: OrderPayload, settings: PrestaShopSettings): string {
  if (settings.bookingDate === "invoice-date" && !isUnsetDate(order.invoice_date)) return shopDay(order.invoice_date, "invoice_date");
  return shopDay(order.date_add, "date_add");
}

function currencyOf(order: OrderPayload, settings: PrestaShopSettings): string {
  const iso = order.currency?.iso_code.toUpperCase() ?? settings.currencies[order.id_currency ?? "1"];
  if (iso) return iso;
  throw new ConnectorError("invalid_payload", `PrestaShop order ${order.reference ?? order.id} is in currency id ${order.id_currency}, whose code is unknown.`, false);
}

/** money() throws a plain Error naming the field; the pipeline needs a permanent ConnectorError. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    throw new ConnectorError("invalid_payload", `The PrestaShop order could not be read: ${(err as Error).message}.`, false);
  }
}

// ─── Eligibility and payments ─────────────────────────────────────────────

/** Booked when the order's [current_state] is one of the statuses chosen on the Configuration tab. */
export function eligibility(payload: unknown, settingsInput: PrestaShopSettingsInput = {}): Eligibility {
  const { statuses } = prestashopSettingsSchema.parse(settingsInput);
  const order = parsePayload(orderPayloadSchema.pick({ id: true, reference: true, current_state: true, order_state: true }), payload, "order");
  if (order.current_state && statuses.includes(order.current_state)) return { eligible: true };
  const state = order.order_state?.name ? `"${order.order_state.name}"` : `id ${order.current_state ?? "(none)"}`;
  return {
    eligible: false,
    reason: `Order ${order.reference ?? order.id} has status ${state} in PrestaShop, which is not one of the statuses to process (Configuration tab). It is booked once it reaches one of them.`,
  };
}

/** The manual's "Specification Prestashop payments": one per [order_payment], for paid orders (or always, as a setting). */
export function paymentsOf(payload: unknown, settingsInput: PrestaShopSettingsInput = {}): SourcePayment[] {
  const settings = prestashopSettingsSchema.parse(settingsInput);
  return guard(() => {
    const order = parsePayload(orderPayloadSchema, payload, "order");
    if (!settings.paymentsRegardlessOfStatus && order.order_state && !order.order_state.paid) return [];
    const currency = currencyOf(order, settings);
    const module = order.module?.trim();
    return order.order_payments.map((p, i) => ({
      sourceId: p.id,
      documentSourceId: order.id,
      amount: cents(money(p.amount, `order_payments[${i}].amount`)).toFixed(),
      currency,
      method: [module, p.payment_method?.trim()].filter(Boolean).join(" - ") || undefined,
      paidAt: shopDateToIso(p.date_add, settings.shopTimezone, `order_payments[${i}].date_add`),
      transactionId: p.transaction_id?.trim() || order.id,
    }));
  });
}
