import { D, money, sum, type Dec } from "@/lib/domain/money";
import { magentoTimestamp } from "../dates";
import type { Json, Magento2State } from "./state";

/**
 * `_admin/documents`: a payload in Magento's own JSON becomes stored resources, with what a real
 * shop would have filled in: ids, increment ids, timestamps, order links, row and header totals.
 * An invoice or credit memo may embed its order under `order` (with its `items`), and extra order
 * items under `order_items`; it may also point at a stored order with `order_id`. Without either,
 * a guest order is made up from its rows. `complete: false` (bulk volume seeding) stores rows and
 * totals as given: only ids, numbers, timestamps and the order link are filled in.
 */
export class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type Kind = "order" | "invoice" | "creditnote";

const pad = (n: number) => String(n).padStart(9, "0");
const isSet = (v: unknown) => v !== undefined && v !== null && v !== "";
const amount = (v: unknown, field: string): Dec => {
  if (!isSet(v)) return new D(0);
  if (typeof v !== "number" && typeof v !== "string") throw new AdminError(400, `${field} must be a number.`);
  try {
    return money(v, field);
  } catch (err) {
    throw new AdminError(400, (err as Error).message);
  }
};
/** Magento serves amounts as JSON numbers. */
const num = (d: Dec) => Number(d.toFixed(4));

export function storeDocument(state: Magento2State, kind: Kind, payload: Json, options: { complete?: boolean; now?: Date } = {}): Json {
  const now = options.now ?? new Date();
  if (kind === "order") return storeOrder(state, payload, now);
  const { order: embedded, order_items: extraItems, ...doc } = payload;
  let order: Json | undefined;
  if (embedded && typeof embedded === "object") order = storeOrder(state, embedded as Json, now);
  else if (isSet(doc.order_id)) order = state.orders.find((o) => String(o.entity_id) === String(doc.order_id));
  if (isSet(doc.order_id) && !order) throw new AdminError(400, `No order with entity_id ${String(doc.order_id)}.`);
  order ??= storeOrder(state, { items: [] }, now);
  if (Array.isArray(extraItems)) for (const item of extraItems as Json[]) addOrderItem(state, order, item);

  const credit = kind === "creditnote";
  const stamp = magentoTimestamp(now);
  const stored: Json = {
    ...doc,
    entity_id: isSet(doc.entity_id) ? doc.entity_id : state.seq.entity++,
    increment_id: isSet(doc.increment_id) ? doc.increment_id : pad(credit ? state.seq.creditmemoNumber++ : state.seq.invoiceNumber++),
    order_id: order.entity_id,
    state: isSet(doc.state) ? doc.state : 2,
    created_at: isSet(doc.created_at) ? doc.created_at : stamp,
    updated_at: isSet(doc.updated_at) ? doc.updated_at : isSet(doc.created_at) ? doc.created_at : stamp,
    base_currency_code: doc.base_currency_code ?? order.base_currency_code ?? "EUR",
    order_currency_code: doc.order_currency_code ?? order.base_currency_code ?? "EUR",
    ...(credit ? { creditmemo_status: doc.creditmemo_status ?? doc.state ?? 2 } : {}),
  };
  const collection = credit ? state.creditmemos : state.invoices;
  if (isSet(doc.entity_id) && collection.some((d) => String(d.entity_id) === String(stored.entity_id))) throw new AdminError(409, `A ${credit ? "credit memo" : "invoice"} with entity_id ${String(stored.entity_id)} exists already.`);
  stored.items = (Array.isArray(doc.items) ? (doc.items as Json[]) : []).map((item) => (options.complete === false ? item : fillItem(state, order, item, stored.entity_id)));
  if (options.complete !== false) fillTotals(stored, credit);
  collection.push(stored);
  return stored;
}

function storeOrder(state: Magento2State, payload: Json, now: Date): Json {
  if (isSet(payload.entity_id)) {
    const existing = state.orders.find((o) => String(o.entity_id) === String(payload.entity_id));
    if (existing) return existing;
  }
  const stamp = magentoTimestamp(now);
  const order: Json = {
    customer_email: "klant@example.nl",
    customer_firstname: "Sandbox",
    customer_lastname: "Klant",
    customer_is_guest: 1,
    billing_address: { address_type: "billing", firstname: "Sandbox", lastname: "Klant", street: ["Teststraat", "1"], postcode: "1234AB", city: "Amsterdam", country_id: "NL", telephone: "0201234567" },
    payment: { method: "checkmo", additional_information: ["Check / Money order"] },
    state: "processing",
    status: "processing",
    base_currency_code: "EUR",
    ...payload,
    entity_id: isSet(payload.entity_id) ? payload.entity_id : state.seq.entity++,
    increment_id: isSet(payload.increment_id) ? payload.increment_id : pad(state.seq.orderNumber++),
    created_at: payload.created_at ?? stamp,
    updated_at: payload.updated_at ?? payload.created_at ?? stamp,
    items: [],
  };
  const payment = order.payment as Json | undefined;
  if (payment && !isSet(payment.entity_id)) payment.entity_id = order.entity_id;
  if (payment && !isSet(payment.parent_id)) payment.parent_id = order.entity_id;
  for (const item of (Array.isArray(payload.items) ? payload.items : []) as Json[]) addOrderItem(state, order, item);
  state.orders.push(order);
  return order;
}

function addOrderItem(state: Magento2State, order: Json, item: Json): Json {
  const stored: Json = { product_type: "simple", ...item, item_id: isSet(item.item_id) ? item.item_id : state.seq.item++, order_id: order.entity_id };
  (order.items as Json[]).push(stored);
  return stored;
}

/** A row as Magento stores it: linked to its order item (made when missing), row totals from unit prices. */
function fillItem(state: Magento2State, order: Json, item: Json, parentId: unknown): Json {
  const orderItems = order.items as Json[];
  let orderItem = isSet(item.order_item_id) ? orderItems.find((o) => String(o.item_id) === String(item.order_item_id)) : orderItems.find((o) => isSet(item.sku) && o.sku === item.sku);
  orderItem ??= addOrderItem(state, order, { item_id: item.order_item_id, sku: item.sku, name: item.name, qty_ordered: item.qty, base_price: item.base_price });
  const qty = amount(item.qty ?? 1, "qty");
  const filled: Json = { ...item, entity_id: isSet(item.entity_id) ? item.entity_id : state.seq.item++, parent_id: parentId, order_item_id: orderItem.item_id, qty: num(qty) };
  if (!isSet(filled.base_row_total) && isSet(filled.base_price)) filled.base_row_total = num(amount(filled.base_price, "base_price").times(qty));
  if (!isSet(filled.base_row_total_incl_tax) && isSet(filled.base_price_incl_tax)) filled.base_row_total_incl_tax = num(amount(filled.base_price_incl_tax, "base_price_incl_tax").times(qty));
  if (!isSet(filled.base_row_total_incl_tax) && isSet(filled.base_row_total)) filled.base_row_total_incl_tax = num(amount(filled.base_row_total, "base_row_total").plus(amount(filled.base_tax_amount, "base_tax_amount")));
  if (!isSet(filled.base_tax_amount) && isSet(filled.base_row_total)) {
    // Tax after discount when the discount was on prices incl. VAT: gross − net − hidden discount tax.
    const tax = amount(filled.base_row_total_incl_tax, "base_row_total_incl_tax").minus(amount(filled.base_row_total, "base_row_total")).minus(amount(filled.base_discount_tax_compensation_amount, "base_discount_tax_compensation_amount"));
    filled.base_tax_amount = num(tax);
  }
  for (const field of ["base_discount_amount", "base_discount_tax_compensation_amount"]) if (!isSet(filled[field])) filled[field] = 0;
  if (!isSet(filled.base_price) && isSet(filled.base_row_total) && !qty.isZero()) filled.base_price = num(amount(filled.base_row_total, "base_row_total").div(qty));
  if (!isSet(filled.base_price_incl_tax) && isSet(filled.base_row_total_incl_tax) && !qty.isZero()) filled.base_price_incl_tax = num(amount(filled.base_row_total_incl_tax, "base_row_total_incl_tax").div(qty));
  mirror(filled, ["price", "price_incl_tax", "row_total", "row_total_incl_tax", "tax_amount", "discount_amount", "discount_tax_compensation_amount"]);
  return filled;
}

/** Header totals a real invoice / credit memo always has, computed from the rows when not given. */
function fillTotals(doc: Json, credit: boolean): void {
  const items = doc.items as Json[];
  const rows = (field: string) => sum(items.map((i) => amount(i[field], field).abs()));
  const given = (field: string) => isSet(doc[field]);
  if (!given("base_subtotal")) doc.base_subtotal = num(rows("base_row_total"));
  if (!given("base_subtotal_incl_tax")) doc.base_subtotal_incl_tax = num(rows("base_row_total_incl_tax"));
  if (!given("base_shipping_amount")) doc.base_shipping_amount = 0;
  if (!given("base_shipping_tax_amount")) doc.base_shipping_tax_amount = 0;
  if (!given("base_shipping_incl_tax")) doc.base_shipping_incl_tax = num(amount(doc.base_shipping_amount, "base_shipping_amount").plus(amount(doc.base_shipping_tax_amount, "base_shipping_tax_amount")));
  if (!given("base_discount_amount")) doc.base_discount_amount = num(rows("base_discount_amount").negated());
  if (!given("base_discount_tax_compensation_amount")) doc.base_discount_tax_compensation_amount = num(rows("base_discount_tax_compensation_amount"));
  if (!given("base_shipping_discount_tax_compensation_amnt")) doc.base_shipping_discount_tax_compensation_amnt = 0;
  if (!given("base_tax_amount")) doc.base_tax_amount = num(rows("base_tax_amount").plus(amount(doc.base_shipping_tax_amount, "base_shipping_tax_amount")));
  if (credit) for (const field of ["base_adjustment_positive", "base_adjustment_negative"]) if (!given(field)) doc[field] = 0;
  if (!given("base_grand_total")) {
    const total = amount(doc.base_subtotal, "base_subtotal")
      .plus(amount(doc.base_shipping_amount, "base_shipping_amount"))
      .plus(amount(doc.base_tax_amount, "base_tax_amount"))
      .plus(amount(doc.base_discount_tax_compensation_amount, "base_discount_tax_compensation_amount"))
      .plus(amount(doc.base_shipping_discount_tax_compensation_amnt, "base_shipping_discount_tax_compensation_amnt"))
      .minus(amount(doc.base_discount_amount, "base_discount_amount").abs())
      .plus(credit ? amount(doc.base_adjustment_positive, "base_adjustment_positive").minus(amount(doc.base_adjustment_negative, "base_adjustment_negative")) : 0);
    doc.base_grand_total = num(total);
  }
  if (!given("total_qty")) doc.total_qty = num(sum(items.map((i) => amount(i.qty, "qty"))));
  mirror(doc, ["grand_total", "tax_amount", "subtotal", "subtotal_incl_tax", "shipping_amount", "shipping_incl_tax", "shipping_tax_amount", "discount_amount", "discount_tax_compensation_amount"]);
  if (credit) mirror(doc, ["adjustment_positive", "adjustment_negative"]);
}

/** The store-currency twin of each base_ field (a single-currency shop: the same amount). */
function mirror(resource: Json, fields: string[]): void {
  for (const field of fields) if (!isSet(resource[field]) && isSet(resource[`base_${field}`])) resource[field] = resource[`base_${field}`];
}

/** `PATCH _admin/documents/<id>`: fields merged into the stored resource; `items` replaces the rows. */
export function patchDocument(state: Magento2State, id: string, changes: Json, now = new Date()): Json {
  const [collection, doc] = find(state, id);
  if (!doc) throw new AdminError(404, `No document with id ${id}.`);
  Object.assign(doc, changes, { updated_at: changes.updated_at ?? magentoTimestamp(now) });
  if (collection !== state.orders && Array.isArray(changes.items)) {
    const order = state.orders.find((o) => String(o.entity_id) === String(doc.order_id))!;
    doc.items = (changes.items as Json[]).map((item) => fillItem(state, order, item, doc.entity_id));
  }
  return doc;
}

function find(state: Magento2State, id: string): [Json[], Json | undefined] {
  for (const collection of [state.invoices, state.creditmemos, state.orders]) {
    const doc = collection.find((d) => String(d.entity_id) === id);
    if (doc) return [collection, doc];
  }
  return [state.orders, undefined];
}
