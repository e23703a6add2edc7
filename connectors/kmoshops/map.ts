import { isEuCountry } from "@/lib/domain/eu-vat-rates";
import { cents, D, money, sum } from "@/lib/domain/money";
import { type SalesDocument, type SalesLine } from "@/lib/domain/sales-document";
import { safeParseSalesDocument } from "@/lib/domain/sales-document-check";
import { ConnectorError } from "../types";
import { kmoSettingsSchema, type KmoSettingsInput } from "./config";
import { PAID_PAYMENT_STATUSES } from "./contract";
import { localDate, parseKmoTimestamp } from "./dates";
import { mapCustomer } from "./map-customer";
import { hasPrice, pricedLine, pricesIncludeTax, vatRate } from "./map-lines";
import { classifyPaymentMethod } from "./payment-method";
import { orderSchema, parsePayload, type KmoLine, type KmoOrder } from "./schemas";

/**
 * KMO Shops order → SalesDocument: everything the manual's Factuursturen tables read of an order
 * (customer and addresses, VAT number, order date, order number, payment method name, paid flag,
 * lines with amount, description, VAT percentage and unit prices incl. and excl. VAT, shipping).
 * "With Factuursturen, the VAT percentages are used as they appear in the orders": each line keeps
 * its [tax_rate]. Pure.
 */
export function normalizeOrder(payload: unknown, settingsInput: KmoSettingsInput = {}): SalesDocument {
  try {
    return mapOrder(parsePayload(orderSchema, payload, "order"), kmoSettingsSchema.parse(settingsInput).shopCountry);
  } catch (err) {
    if (err instanceof ConnectorError) throw err;
    // money() throws a plain Error naming the field; the pipeline needs a permanent ConnectorError.
    throw new ConnectorError("invalid_payload", `The KMO Shops order could not be read: ${(err as Error).message}.`, false);
  }
}

const LINE_KINDS: Record<string, SalesLine["kind"]> = { product: "product", discount: "discount", payment_fee: "payment", surcharge: "surcharge" };
const DEFAULT_DESCRIPTIONS: Record<SalesLine["kind"], string> = { product: "Product", discount: "Discount", payment: "Payment costs", surcharge: "Surcharge", shipping: "Shipping costs" };

function mapOrder(order: KmoOrder, shopCountry: string): SalesDocument {
  const number = order.order_number === null || order.order_number === undefined || String(order.order_number).trim() === "" ? order.id : String(order.order_number).trim();
  const shipping = order.shipping && hasPrice(order.shipping) ? order.shipping : undefined;
  const incl = pricesIncludeTax(order.prices_include_tax, [...order.lines, ...(shipping ? [shipping] : [])]);

  const lines = order.lines.map((line, i) => productLine(line, incl, i));
  if (shipping) {
    const where = "shipping";
    lines.push(pricedLine("shipping", shipping.name?.trim() || DEFAULT_DESCRIPTIONS.shipping, new D(1), shipping, vatRate(shipping, where), incl, where));
  }
  if (lines.length === 0) throw new ConnectorError("invalid_payload", `The KMO Shops order ${number} has no lines and no shipping costs, so there is nothing to book.`, false);

  const customer = mapCustomer(order, shopCountry);
  const deliveryCountry = customer.delivery?.country ?? customer.billing.country;
  // No VAT on any line of a non-empty order: delivered in another EU country that is ICP (the
  // manual: "for business orders within the EU, outside the Netherlands, a VAT number is
  // mandatory", which the pre-check enforces), outside the EU it is export.
  const noVat = lines.every((l) => money(l.vatRate).isZero()) && lines.some((l) => !money(l.totalIncl).isZero());
  const abroad = !!deliveryCountry && deliveryCountry !== shopCountry;
  const icp = noVat && abroad && isEuCountry(deliveryCountry);
  const international = noVat && abroad && !isEuCountry(deliveryCountry);

  const paymentName = order.payment_method?.name?.trim() || undefined;
  const paymentCode = order.payment_method?.code?.trim() || undefined;
  return finish({
    kind: "order",
    source: { system: "kmoshops", id: order.id, number, orderId: order.id, orderNumber: number },
    date: localDate(parseKmoTimestamp(order.created_at, "created_at")),
    currency: (order.currency?.trim() || "EUR").toUpperCase(),
    shopCountry,
    deliveryCountry,
    pricesIncludeVat: incl,
    icp,
    international,
    marginScheme: false,
    paid: order.payment_status ? PAID_PAYMENT_STATUSES.includes(order.payment_status.trim().toLowerCase()) : undefined,
    customer,
    paymentMethod: { raw: paymentName ?? paymentCode, id: paymentCode, classification: classifyPaymentMethod(paymentCode, paymentName) },
    lines,
    totals: totalsOf(order, lines, number),
    creditFactor: 1,
  }, number);
}

function productLine(line: KmoLine, incl: boolean, i: number): SalesLine {
  const where = `line ${i + 1}`;
  const type = line.type?.trim().toLowerCase() || "product";
  const kind = LINE_KINDS[type];
  if (!kind) throw new ConnectorError("invalid_payload", `The KMO Shops ${where} has an unknown type "${line.type}".`, false);
  const code = line.sku === null || line.sku === undefined || String(line.sku).trim() === "" ? undefined : String(line.sku).trim();
  const quantity = money(line.quantity, `${where}.quantity`);
  return pricedLine(kind, line.name?.trim() || code || DEFAULT_DESCRIPTIONS[kind], quantity, line, vatRate(line, where), incl, where, code);
}

/**
 * The shop's own totals, which the pre-check compares with the lines ("the total of the order is
 * equal to the sum of the amounts in the order lines plus the shipping cost amount"). Missing
 * ones are completed from the others; an order with no total at all cannot be checked.
 */
function totalsOf(order: KmoOrder, lines: SalesLine[], number: string): SalesDocument["totals"] {
  const given = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== "";
  const field = (name: "total_incl" | "total_excl" | "total_tax") => (given(order[name]) ? cents(money(order[name], name)) : undefined);
  const incl = field("total_incl");
  const excl = field("total_excl");
  const tax = field("total_tax");
  if (!incl && !excl) throw new ConnectorError("invalid_payload", `The KMO Shops order ${number} has no total_incl or total_excl, so its lines cannot be checked against it.`, false);
  const lineVat = sum(lines.map((l) => money(l.vatAmount)));
  const totalIncl = incl ?? excl!.plus(tax ?? lineVat);
  const totalExcl = excl ?? totalIncl.minus(tax ?? lineVat);
  return { incl: totalIncl.toFixed(), excl: totalExcl.toFixed(), vat: (tax ?? totalIncl.minus(totalExcl)).toFixed() };
}

function finish(doc: SalesDocument, number: string): SalesDocument {
  const result = safeParseSalesDocument(doc);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConnectorError("invalid_payload", `The KMO Shops order ${number} could not be read: "${issue?.path.join(".")}" ${issue?.message ?? "is invalid"}.`, false);
}
