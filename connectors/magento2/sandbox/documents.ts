import { D, money, sum, type Dec } from "@/lib/domain/money";
import { magentoTimestamp } from "../dates";

/**
 * `_admin/documents` of the Magento sandboxes (2.x and 1.9): a payload in the shop's own JSON
 * becomes stored resources, with what a real shop would have filled in: ids, increment ids,
 * timestamps, order links, row and header totals. An invoice or credit memo may embed its order
 * under `order` (with its items), and extra order items under `order_items`; it may also point at a
 * stored order with `order_id`. Without either, a guest order is made up from its rows.
 * `complete: false` (bulk volume seeding) stores rows and totals as given: only ids, numbers,
 * timestamps and the order link are filled in. The two versions differ only in their dialect.
 */
export type Json = Record<string, unknown>;
export type Kind = "order" | "invoice" | "creditnote";

export class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Where the simulators keep documents; one id sequence for orders, invoices and credit memos. */
export type DocumentStore = {
  invoices: Json[];
  creditmemos: Json[];
  orders: Json[];
  seq: { entity: number; item: number; invoiceNumber: number; creditmemoNumber: number; orderNumber: number };
};

export type Dialect = {
  /** How amounts are served: JSON numbers (2.x) or strings with 4 decimals (1.9). */
  amount(value: Dec): number | string;
  /** The discount's hidden tax: discount_tax_compensation (2.x) or hidden_tax (1.9). */
  compensation: string;
  shippingCompensation: string;
  /** Where rows live on an invoice / credit memo, and on an order. */
  rowsKey(kind: "invoice" | "creditnote"): string;
  orderItemsKey: string;
  incrementId(n: number): string;
  /** A guest customer (NL) and a payment method, in this version's order shape. */
  defaultOrder(): Json;
};

export const freshSequence = () => ({ entity: 1, item: 1, invoiceNumber: 1, creditmemoNumber: 1, orderNumber: 1 });

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

export function storeDocument(store: DocumentStore, dialect: Dialect, kind: Kind, payload: Json, options: { complete?: boolean; now?: Date } = {}): Json {
  const now = options.now ?? new Date();
  if (kind === "order") return storeOrder(store, dialect, payload, now);
  const { order: embedded, order_items: extraItems, ...doc } = payload;
  let order: Json | undefined;
  if (embedded && typeof embedded === "object") order = storeOrder(store, dialect, embedded as Json, now);
  else if (isSet(doc.order_id)) order = store.orders.find((o) => String(o.entity_id) === String(doc.order_id));
  if (isSet(doc.order_id) && !order) throw new AdminError(400, `No order with entity_id ${String(doc.order_id)}.`);
  order ??= storeOrder(store, dialect, {}, now);
  if (Array.isArray(extraItems)) for (const item of extraItems as Json[]) addOrderItem(store, dialect, order, item);

  const credit = kind === "creditnote";
  const stamp = magentoTimestamp(now);
  const rowsKey = dialect.rowsKey(kind);
  const { [rowsKey]: rows = doc.items, ...head } = doc;
  const stored: Json = {
    ...head,
    entity_id: isSet(doc.entity_id) ? doc.entity_id : store.seq.entity++,
    increment_id: isSet(doc.increment_id) ? doc.increment_id : dialect.incrementId(credit ? store.seq.creditmemoNumber++ : store.seq.invoiceNumber++),
    order_id: order.entity_id,
    state: isSet(doc.state) ? doc.state : 2,
    created_at: isSet(doc.created_at) ? doc.created_at : stamp,
    updated_at: isSet(doc.updated_at) ? doc.updated_at : isSet(doc.created_at) ? doc.created_at : stamp,
    base_currency_code: doc.base_currency_code ?? order.base_currency_code ?? "EUR",
    order_currency_code: doc.order_currency_code ?? order.base_currency_code ?? "EUR",
    ...(credit ? { creditmemo_status: doc.creditmemo_status ?? doc.state ?? 2 } : {}),
  };
  delete stored.items;
  const collection = credit ? store.creditmemos : store.invoices;
  if (isSet(doc.entity_id) && collection.some((d) => String(d.entity_id) === String(stored.entity_id))) {
    throw new AdminError(409, `A ${credit ? "credit memo" : "invoice"} with entity_id ${String(stored.entity_id)} exists already.`);
  }
  const items = (Array.isArray(rows) ? (rows as Json[]) : []).map((item) => (options.complete === false ? item : fillItem(store, dialect, order, item, stored.entity_id)));
  stored[rowsKey] = items;
  if (options.complete !== false) fillTotals(stored, items, credit, dialect);
  collection.push(stored);
  return stored;
}

function storeOrder(store: DocumentStore, dialect: Dialect, payload: Json, now: Date): Json {
  if (isSet(payload.entity_id)) {
    const existing = store.orders.find((o) => String(o.entity_id) === String(payload.entity_id));
    if (existing) return existing;
  }
  const stamp = magentoTimestamp(now);
  const { [dialect.orderItemsKey]: items = payload.items, ...rest } = payload;
  const order: Json = {
    state: "processing",
    status: "processing",
    base_currency_code: "EUR",
    ...dialect.defaultOrder(),
    ...rest,
    entity_id: isSet(payload.entity_id) ? payload.entity_id : store.seq.entity++,
    increment_id: isSet(payload.increment_id) ? payload.increment_id : dialect.incrementId(store.seq.orderNumber++),
    created_at: payload.created_at ?? stamp,
    updated_at: payload.updated_at ?? payload.created_at ?? stamp,
    [dialect.orderItemsKey]: [],
  };
  if (dialect.orderItemsKey !== "items") delete order.items;
  const payment = order.payment as Json | undefined;
  if (payment && typeof payment === "object") {
    if (!isSet(payment.entity_id)) payment.entity_id = order.entity_id;
    if (!isSet(payment.parent_id)) payment.parent_id = order.entity_id;
  }
  for (const item of (Array.isArray(items) ? items : []) as Json[]) addOrderItem(store, dialect, order, item);
  store.orders.push(order);
  return order;
}

function addOrderItem(store: DocumentStore, dialect: Dialect, order: Json, item: Json): Json {
  const stored: Json = { product_type: "simple", ...item, item_id: isSet(item.item_id) ? item.item_id : store.seq.item++, order_id: order.entity_id };
  (order[dialect.orderItemsKey] as Json[]).push(stored);
  return stored;
}

/** A row as Magento stores it: linked to its order item (made when missing), row totals from unit prices. */
function fillItem(store: DocumentStore, dialect: Dialect, order: Json, item: Json, parentId: unknown): Json {
  const orderItems = order[dialect.orderItemsKey] as Json[];
  let orderItem = isSet(item.order_item_id) ? orderItems.find((o) => String(o.item_id) === String(item.order_item_id)) : orderItems.find((o) => isSet(item.sku) && o.sku === item.sku);
  orderItem ??= addOrderItem(store, dialect, order, { item_id: item.order_item_id, sku: item.sku, name: item.name, qty_ordered: item.qty, base_price: item.base_price });
  const qty = amount(item.qty ?? 1, "qty");
  const out = (d: Dec) => dialect.amount(d);
  const filled: Json = { ...item, entity_id: isSet(item.entity_id) ? item.entity_id : store.seq.item++, parent_id: parentId, order_item_id: orderItem.item_id, qty: out(qty) };
  const get = (field: string) => amount(filled[field], field);
  if (!isSet(filled.base_row_total) && isSet(filled.base_price)) filled.base_row_total = out(get("base_price").times(qty));
  if (!isSet(filled.base_row_total_incl_tax) && isSet(filled.base_price_incl_tax)) filled.base_row_total_incl_tax = out(get("base_price_incl_tax").times(qty));
  if (!isSet(filled.base_row_total_incl_tax) && isSet(filled.base_row_total)) filled.base_row_total_incl_tax = out(get("base_row_total").plus(get("base_tax_amount")));
  // Tax after discount when the discount was on prices incl. VAT: gross − net − hidden discount tax.
  if (!isSet(filled.base_tax_amount) && isSet(filled.base_row_total)) filled.base_tax_amount = out(get("base_row_total_incl_tax").minus(get("base_row_total")).minus(get(dialect.compensation)));
  for (const field of ["base_discount_amount", dialect.compensation]) if (!isSet(filled[field])) filled[field] = out(new D(0));
  if (!isSet(filled.base_price) && isSet(filled.base_row_total) && !qty.isZero()) filled.base_price = out(get("base_row_total").div(qty));
  if (!isSet(filled.base_price_incl_tax) && isSet(filled.base_row_total_incl_tax) && !qty.isZero()) filled.base_price_incl_tax = out(get("base_row_total_incl_tax").div(qty));
  mirror(filled, ["price", "price_incl_tax", "row_total", "row_total_incl_tax", "tax_amount", "discount_amount", dialect.compensation.replace(/^base_/, "")]);
  return filled;
}

/** Header totals a real invoice / credit memo always has, computed from the rows when not given. */
function fillTotals(doc: Json, items: Json[], credit: boolean, dialect: Dialect): void {
  const out = (d: Dec) => dialect.amount(d);
  const rows = (field: string) => sum(items.map((i) => amount(i[field], field).abs()));
  const given = (field: string) => isSet(doc[field]);
  const get = (field: string) => amount(doc[field], field);
  if (!given("base_subtotal")) doc.base_subtotal = out(rows("base_row_total"));
  if (!given("base_subtotal_incl_tax")) doc.base_subtotal_incl_tax = out(rows("base_row_total_incl_tax"));
  for (const field of ["base_shipping_amount", "base_shipping_tax_amount", dialect.shippingCompensation]) if (!given(field)) doc[field] = out(new D(0));
  if (!given("base_shipping_incl_tax")) doc.base_shipping_incl_tax = out(get("base_shipping_amount").plus(get("base_shipping_tax_amount")));
  if (!given("base_discount_amount")) doc.base_discount_amount = out(rows("base_discount_amount").negated());
  if (!given(dialect.compensation)) doc[dialect.compensation] = out(rows(dialect.compensation));
  if (!given("base_tax_amount")) doc.base_tax_amount = out(rows("base_tax_amount").plus(get("base_shipping_tax_amount")));
  if (credit) for (const field of ["base_adjustment_positive", "base_adjustment_negative"]) if (!given(field)) doc[field] = out(new D(0));
  if (!given("base_grand_total")) {
    const total = get("base_subtotal").plus(get("base_shipping_amount")).plus(get("base_tax_amount"))
      .plus(get(dialect.compensation)).plus(get(dialect.shippingCompensation))
      .minus(get("base_discount_amount").abs())
      .plus(credit ? get("base_adjustment_positive").minus(get("base_adjustment_negative")) : 0);
    doc.base_grand_total = out(total);
  }
  if (!given("total_qty")) doc.total_qty = out(sum(items.map((i) => amount(i.qty, "qty"))));
  mirror(doc, ["grand_total", "tax_amount", "subtotal", "subtotal_incl_tax", "shipping_amount", "shipping_incl_tax", "shipping_tax_amount", "discount_amount", dialect.compensation.replace(/^base_/, "")]);
  if (credit) mirror(doc, ["adjustment_positive", "adjustment_negative"]);
}

/** The store-currency twin of each base_ field (a single-currency shop: the same amount). */
function mirror(resource: Json, fields: string[]): void {
  for (const field of fields) if (!isSet(resource[field]) && isSet(resource[`base_${field}`])) resource[field] = resource[`base_${field}`];
}

/** `PATCH _admin/documents/<id>`: fields merged into the stored resource; rows given replace the rows. */
export function patchDocument(store: DocumentStore, dialect: Dialect, id: string, changes: Json, now = new Date()): Json {
  for (const [kind, collection] of [["invoice", store.invoices], ["creditnote", store.creditmemos], ["order", store.orders]] as const) {
    const doc = collection.find((d) => String(d.entity_id) === id);
    if (!doc) continue;
    Object.assign(doc, changes, { updated_at: changes.updated_at ?? magentoTimestamp(now) });
    if (kind !== "order") {
      const rows = changes[dialect.rowsKey(kind)] ?? changes.items;
      if (Array.isArray(rows)) {
        const order = store.orders.find((o) => String(o.entity_id) === String(doc.order_id))!;
        if (dialect.rowsKey(kind) !== "items") delete doc.items;
        doc[dialect.rowsKey(kind)] = (rows as Json[]).map((item) => fillItem(store, dialect, order, item, doc.entity_id));
      }
    }
    return doc;
  }
  throw new AdminError(404, `No document with id ${id}.`);
}
