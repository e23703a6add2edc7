import { ccvDate } from "../signing";
import { API } from "./present";
import type { CcvState, Json } from "./state";
import { completeRow, completeTotals } from "./totals";

/** The cost fields CCV always sends; zero until a payload says otherwise. */
const NO_COSTS = {
  total_shipping: 0,
  total_discounts: 0,
  paymethod_costs: 0,
  extra_payment_option_price: 0,
  credit_point_discount: 0,
  extra_costs: 0,
  extra_costs_description: "",
};

/**
 * The admin side of a sandbox shop: documents posted in CCV's own JSON are completed the way
 * the shop would (ids, numbers, dates, derived amounts), their embedded rows stored as separate
 * resources, and the webhook events a real shop fires are returned for delivery.
 */
export type Fired = { event: string; body: Json };

export class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== "";
const numericId = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);

function takeId(state: CcvState, given: unknown, seq: "order" | "invoice", existing: Json[]): number | string {
  if (isSet(given)) {
    if (existing.some((d) => String(d.id) === String(given))) throw new AdminError(409, `A document with id ${String(given)} already exists.`);
    const n = numericId(given);
    if (n !== undefined && n >= state.seq[seq]) state.seq[seq] = n + 1;
    return n ?? String(given);
  }
  return state.seq[seq]++;
}

const orderBody = (order: Json, base: string, previousStatus?: unknown): Json => ({
  id: order.id,
  href: `${base}${API}/orders/${order.id}`,
  order_number: order.ordernumber,
  ordernumber_full: order.ordernumber_full,
  status: order.status,
  ...(previousStatus !== undefined ? { previous_status: previousStatus } : {}),
  paid: order.paid,
});

const invoiceBody = (invoice: Json, base: string, previousStatus?: unknown): Json => ({
  id: invoice.id,
  href: `${base}${API}/invoices/${invoice.id}`,
  invoicenumber_full: invoice.invoicenumber_full,
  order_number: invoice.ordernumber ?? null,
  status: invoice.status,
  ...(previousStatus !== undefined ? { previous_status: previousStatus } : {}),
  type: invoice.type,
});

export function storeOrder(state: CcvState, payload: Json, base: string): { id: string; fired: Fired[] } {
  const { orderrows, ...fields } = payload;
  const id = takeId(state, fields.id, "order", state.orders);
  const given = numericId(fields.ordernumber);
  const ordernumber = given ?? state.seq.ordernumber++;
  if (given !== undefined && given >= state.seq.ordernumber) state.seq.ordernumber = given + 1;
  const prefix = typeof fields.ordernumber_prefix === "string" ? fields.ordernumber_prefix : "WEB";
  const rows = rowsOf(orderrows).map((r) => ({ ...completeRow(r), id: state.seq.orderrow++, order_id: id }));
  let order: Json = {
    ordernumber_prefix: prefix,
    ordernumber_full: `${prefix}-${ordernumber}`,
    invoicenumber: null,
    transaction_id: null,
    create_date: ccvDate(new Date()),
    deliver_method: "shipping",
    status: 1,
    is_completed: true,
    paid: false,
    paymethod_id: null,
    paymethod: null,
    taxes_included: true,
    order_row_taxes_included: true,
    shipping_taxes_included: true,
    shipping_tax_percentage: 21,
    is_intra_community_order: false,
    is_platform_sale: false,
    ...NO_COSTS,
    currency: "EUR",
    ...fields,
    id,
    ordernumber,
  };
  order = completeTotals(order, rows, { rowsIncl: order.order_row_taxes_included !== false, priceField: "selling_price", paymentAtShippingRate: false });
  state.orders.push(order);
  state.orderrows.push(...rows);
  return { id: String(id), fired: [{ event: "orders.created", body: orderBody(order, base) }] };
}

export function storeInvoice(state: CcvState, payload: Json, credit: boolean, base: string): { id: string; fired: Fired[] } {
  const { invoicerows, order: orderRef, order_id: orderIdField, ...fields } = payload;
  const id = takeId(state, fields.id, "invoice", state.invoices);
  const given = numericId(fields.invoicenumber);
  const invoicenumber = given ?? state.seq.invoicenumber++;
  if (given !== undefined && given >= state.seq.invoicenumber) state.seq.invoicenumber = given + 1;
  const prefix = typeof fields.invoicenumber_prefix === "string" ? fields.invoicenumber_prefix : "F";
  const orderId = linkedOrderId(orderRef ?? orderIdField);
  const order = orderId === undefined ? undefined : state.orders.find((o) => String(o.id) === String(orderId));
  const rows = rowsOf(invoicerows).map((r) => ({ ...completeRow(r), id: state.seq.invoicerow++, invoice_id: id }));
  let invoice: Json = {
    invoicenumber_prefix: prefix,
    invoicenumber_full: `${prefix}-${invoicenumber}`,
    ordernumber_prefix: order?.ordernumber_prefix ?? null,
    ordernumber: order?.ordernumber ?? null,
    ordernumber_full: order?.ordernumber_full ?? null,
    create_date: ccvDate(new Date()),
    status: "2",
    type: credit ? "credit" : "debit",
    payment_link_sent: false,
    taxes_included: order?.taxes_included ?? true,
    invoice_row_taxes_included: order?.order_row_taxes_included ?? true,
    is_intra_community_order: order?.is_intra_community_order ?? false,
    shipping_taxes_included: true,
    shipping_tax_percentage: order?.shipping_tax_percentage ?? 21,
    ...NO_COSTS,
    external_reference: null,
    currency: order?.currency ?? "EUR",
    customer: order?.customer ?? null,
    ...fields,
    id,
    invoicenumber,
    _order_id: orderId ?? null,
  };
  if (credit) invoice.type = "credit";
  invoice.status = String(invoice.status);
  invoice = completeTotals(invoice, rows, { rowsIncl: invoice.invoice_row_taxes_included !== false, priceField: "price_with_attributes", paymentAtShippingRate: true });
  state.invoices.push(invoice);
  state.invoicerows.push(...rows);
  return { id: String(id), fired: [{ event: "invoices.created", body: invoiceBody(invoice, base) }] };
}

/** PATCH _admin/documents/<id>: fields merged; paid → orders.updated.ispaid, status → *.updated.status. */
export function patchDocument(state: CcvState, id: string, changes: Json, base: string): Fired[] {
  const order = state.orders.find((o) => String(o.id) === id);
  if (order) return patchOrder(state, order, changes, base);
  const invoice = state.invoices.find((i) => String(i.id) === id);
  if (invoice) return patchInvoice(state, invoice, changes, base);
  throw new AdminError(404, `No order or invoice with id ${id}.`);
}

function patchOrder(state: CcvState, order: Json, changes: Json, base: string): Fired[] {
  const { orderrows, id: _id, ...fields } = changes;
  const before = { paid: order.paid, status: order.status };
  Object.assign(order, fields);
  if (Array.isArray(orderrows)) {
    state.orderrows = state.orderrows.filter((r) => String(r.order_id) !== String(order.id));
    state.orderrows.push(...rowsOf(orderrows).map((r) => ({ ...completeRow(r), id: state.seq.orderrow++, order_id: order.id })));
  }
  const fired: Fired[] = [];
  if (order.paid !== before.paid) fired.push({ event: "orders.updated.ispaid", body: orderBody(order, base) });
  if (String(order.status) !== String(before.status)) fired.push({ event: "orders.updated.status", body: orderBody(order, base, before.status) });
  return fired;
}

function patchInvoice(state: CcvState, invoice: Json, changes: Json, base: string): Fired[] {
  const { invoicerows, id: _id, ...fields } = changes;
  const before = invoice.status;
  Object.assign(invoice, fields);
  invoice.status = String(invoice.status);
  if (Array.isArray(invoicerows)) {
    state.invoicerows = state.invoicerows.filter((r) => String(r.invoice_id) !== String(invoice.id));
    state.invoicerows.push(...rowsOf(invoicerows).map((r) => ({ ...completeRow(r), id: state.seq.invoicerow++, invoice_id: invoice.id })));
  }
  return invoice.status !== String(before) ? [{ event: "invoices.updated.status", body: invoiceBody(invoice, base, before) }] : [];
}

/**
 * POST _admin/payments: CCV has no payments resource; a payment is the order's paid flag and
 * transaction_id (or an invoice's status 1 = paid), so that is what it changes.
 */
export function recordPayment(state: CcvState, documentId: string, payload: Json, base: string): { id: string; fired: Fired[] } {
  const order = state.orders.find((o) => String(o.id) === documentId);
  if (order) {
    const transaction = payload.transaction_id ?? order.transaction_id ?? `TX-${order.id}-${Date.now().toString(36)}`;
    return { id: String(transaction), fired: patchOrder(state, order, { ...payload, paid: payload.paid ?? true, transaction_id: transaction }, base) };
  }
  const invoice = state.invoices.find((i) => String(i.id) === documentId);
  if (invoice) return { id: String(invoice.id), fired: patchInvoice(state, invoice, { ...payload, status: payload.status ?? "1" }, base) };
  throw new AdminError(404, `No order or invoice with id ${documentId}.`);
}

function rowsOf(value: unknown): Json[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new AdminError(400, "orderrows / invoicerows must be an array of rows.");
  return value.map((r) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) throw new AdminError(400, "Every row must be a JSON object.");
    const { id: _id, href: _href, ...row } = r as Json;
    return row;
  });
}

function linkedOrderId(ref: unknown): string | number | undefined {
  if (!isSet(ref)) return undefined;
  if (typeof ref === "number") return ref;
  const href = typeof ref === "string" ? ref : typeof ref === "object" && ref && "href" in ref ? String((ref as Json).href) : undefined;
  if (!href) return undefined;
  const match = /\/orders\/([^/?#]+)/.exec(href);
  return match ? (numericId(match[1]) ?? match[1]) : (numericId(href) ?? href);
}
