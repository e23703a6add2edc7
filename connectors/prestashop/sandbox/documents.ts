import { randomBytes } from "node:crypto";
import { D, type Dec } from "@/lib/domain/money";
import { shopDateTime } from "../dates";
import { countryIdOf } from "./seed";
import type { Json, PsState } from "./state";

/**
 * The admin hooks' business logic: an order posted in PrestaShop's own JSON, with its related
 * resources embedded under their own names (customer, address_invoice, address_delivery,
 * order_details or associations.order_rows, products, order_payments), is stored as the separate
 * resources PrestaShop keeps and linked the way it links them. Missing ids, reference, dates,
 * unit prices, line totals and order totals are filled in the way PrestaShop computes them.
 */
export const SHOP_TIMEZONE = "Europe/Amsterdam";

export class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const EMBEDDED = new Set(["customer", "address_invoice", "address_delivery", "order_details", "associations", "products", "order_payments"]);
const d = (v: unknown): Dec => new D(v === undefined || v === null || v === "" ? 0 : String(v));
const given = (v: unknown) => v !== undefined && v !== null && v !== "";
const r2 = (v: Dec) => v.toDecimalPlaces(2);
const r6 = (v: Dec) => v.toDecimalPlaces(6);
const str = (v: Dec) => v.toFixed();
const now = () => shopDateTime(new Date(), SHOP_TIMEZONE);
const reference = () => Array.from(randomBytes(9), (b) => String.fromCharCode(65 + (b % 26))).join("");
const obj = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!obj(x)) : []);

function nextId(state: PsState, seq: keyof PsState["seq"], wanted: unknown, existing: Json[]): number {
  if (given(wanted)) {
    const id = Number(wanted);
    if (!Number.isInteger(id) || id <= 0) throw new AdminError(400, `id must be a positive integer, got ${JSON.stringify(wanted)}.`);
    if (existing.some((r) => Number(r.id) === id)) throw new AdminError(409, `A record with id ${id} exists already.`);
    state.seq[seq] = Math.max(state.seq[seq], id + 1);
    return id;
  }
  return state.seq[seq]++;
}

function storeCustomer(state: PsState, input: Json, at: string): number {
  const email = String(input.email ?? "").trim().toLowerCase();
  const existing = email ? state.data.customers.find((c) => String(c.email).toLowerCase() === email) : undefined;
  if (existing) return Number(existing.id);
  const id = nextId(state, "customer", input.id, state.data.customers);
  state.data.customers.push({ id_default_group: 3, id_lang: 1, active: 1, id_shop: 1, id_shop_group: 1, secure_key: randomBytes(16).toString("hex"), date_add: at, date_upd: at, ...input, id });
  return id;
}

function storeAddress(state: PsState, input: Json, customerId: number, at: string): number {
  const { iso_code, country, ...rest } = input;
  const iso = String(iso_code ?? country ?? "");
  const id_country = given(rest.id_country) ? Number(rest.id_country) : iso ? countryIdOf(iso) : undefined;
  if (iso && !id_country) throw new AdminError(400, `The sandbox shop has no country "${iso}".`);
  const id = nextId(state, "address", rest.id, state.data.addresses);
  state.data.addresses.push({ alias: "My address", date_add: at, date_upd: at, ...rest, id, id_customer: customerId, id_country: id_country ?? 13 });
  return id;
}

/** The tax with this rate, created like a merchant would add one when the shop has none. */
function taxIdFor(state: PsState, rate: Dec): number {
  const found = state.data.taxes.find((t) => d(t.rate).eq(rate) && String(t.deleted) !== "1");
  if (found) return Number(found.id);
  const id = state.seq.tax++;
  state.data.taxes.push({ id, rate: rate.toFixed(3), active: 1, deleted: 0, name: { "1": `Tax ${rate.toFixed()}%`, "2": `BTW ${rate.toFixed()}%` } });
  return id;
}

/** One order detail: unit and total prices filled in from what is given (tax_rate is stored but, as in PrestaShop, never served). */
function storeDetail(state: PsState, orderId: number, input: Json): { excl: Dec; incl: Dec } {
  const { tax_rate, id_tax, ...rest } = input;
  const qty = d(rest.product_quantity ?? 1);
  let rate: Dec | undefined = given(tax_rate) ? d(tax_rate) : given(id_tax) ? d(state.data.taxes.find((t) => String(t.id) === String(id_tax))?.rate) : undefined;
  let ue = given(rest.unit_price_tax_excl) ? d(rest.unit_price_tax_excl) : undefined;
  let ui = given(rest.unit_price_tax_incl) ? d(rest.unit_price_tax_incl) : undefined;
  if (ue === undefined && ui !== undefined) ue = rate ? r6(ui.div(rate.div(100).plus(1))) : ui;
  if (ue === undefined) ue = given(rest.product_price) ? d(rest.product_price) : new D(0);
  if (ui === undefined) ui = r6(ue.times(rate ? rate.div(100).plus(1) : 1));
  const te = given(rest.total_price_tax_excl) ? d(rest.total_price_tax_excl) : r2(ue.times(qty));
  const ti = given(rest.total_price_tax_incl) ? d(rest.total_price_tax_incl) : r2(ui.times(qty));
  if (rate === undefined) rate = te.isZero() ? new D(0) : ti.minus(te).div(te).times(100).toDecimalPlaces(1);
  const productId = Number(rest.product_id ?? 0);
  if (productId > 0 && !state.data.products.some((p) => Number(p.id) === productId)) {
    state.data.products.push({ id: productId, reference: rest.product_reference ?? "", name: { "1": rest.product_name ?? "", "2": rest.product_name ?? "" }, price: str(ue), active: 1 });
  }
  state.data.order_details.push({
    id_shop: 1, id_warehouse: 0, product_attribute_id: 0, id_customization: 0, tax_computation_method: 0, id_tax_rules_group: rate.isZero() ? 0 : 1,
    ...rest,
    id: nextId(state, "order_detail", rest.id, state.data.order_details),
    id_order: orderId,
    product_id: productId,
    product_quantity: qty.toNumber(),
    product_price: str(ue),
    original_product_price: str(ue),
    unit_price_tax_excl: str(ue),
    unit_price_tax_incl: str(ui),
    total_price_tax_excl: str(te),
    total_price_tax_incl: str(ti),
    tax_rate: rate.toFixed(3),
    _taxes: rate.isZero() ? [] : [taxIdFor(state, rate)],
  });
  return { excl: te, incl: ti };
}

/** An amount pair where either side may be missing: the other side is derived at `rate` (or taken as is). */
function pair(incl: unknown, excl: unknown, rate?: Dec): { incl: Dec; excl: Dec } {
  const factor = rate ? rate.div(100).plus(1) : new D(1);
  if (given(incl) && given(excl)) return { incl: d(incl), excl: d(excl) };
  if (given(incl)) return { incl: d(incl), excl: r2(d(incl).div(factor)) };
  if (given(excl)) return { incl: r2(d(excl).times(factor)), excl: d(excl) };
  return { incl: new D(0), excl: new D(0) };
}

const stateFlag = (state: PsState, stateId: unknown, flag: string) => String(state.data.order_states.find((s) => String(s.id) === String(stateId))?.[flag] ?? "0") === "1";

/** As PrestaShop does when an order reaches a state with the invoice flag: the next invoice number, dated now. */
function invoiceIfDue(state: PsState, order: Json, at: string) {
  if (stateFlag(state, order.current_state, "invoice") && !Number(order.invoice_number ?? 0)) {
    order.invoice_number = state.seq.invoice++;
    order.invoice_date = at;
  }
  order.valid = stateFlag(state, order.current_state, "logable") ? 1 : 0;
}

export function storeOrder(state: PsState, payload: Json): { id: number } {
  const at = now();
  const id = nextId(state, "order", payload.id, state.data.orders);
  const order: Json = Object.fromEntries(Object.entries(payload).filter(([k]) => !EMBEDDED.has(k)));

  const customer = obj(payload.customer);
  const customerId = customer ? storeCustomer(state, customer, at) : Number(payload.id_customer ?? 0);
  const invoiceAddress = obj(payload.address_invoice);
  const deliveryAddress = obj(payload.address_delivery);
  if (invoiceAddress) order.id_address_invoice = storeAddress(state, invoiceAddress, customerId, at);
  if (deliveryAddress) order.id_address_delivery = storeAddress(state, deliveryAddress, customerId, at);
  else if (invoiceAddress) order.id_address_delivery = order.id_address_invoice;

  for (const product of arr(payload.products)) {
    state.data.products = state.data.products.filter((p) => Number(p.id) !== Number(product.id));
    state.data.products.push({ active: 1, ...product, id: Number(product.id), name: typeof product.name === "string" ? { "1": product.name, "2": product.name } : product.name });
  }
  const rows = arr(payload.order_details).length ? arr(payload.order_details) : arr(obj(payload.associations)?.order_rows);
  let products = { excl: new D(0), incl: new D(0) };
  for (const row of rows) {
    const line = storeDetail(state, id, row);
    products = { excl: products.excl.plus(line.excl), incl: products.incl.plus(line.incl) };
  }

  const carrierRate = given(payload.carrier_tax_rate) ? d(payload.carrier_tax_rate) : undefined;
  const shipping = pair(payload.total_shipping_tax_incl, payload.total_shipping_tax_excl, carrierRate);
  const wrapping = pair(payload.total_wrapping_tax_incl, payload.total_wrapping_tax_excl);
  // A discount given incl. only is taken off excl. in proportion to the products.
  const discountRate = products.excl.isZero() ? undefined : products.incl.div(products.excl).minus(1).times(100);
  const discounts = pair(payload.total_discounts_tax_incl, payload.total_discounts_tax_excl, discountRate);
  const totalProducts = given(payload.total_products) ? d(payload.total_products) : products.excl;
  const totalProductsWt = given(payload.total_products_wt) ? d(payload.total_products_wt) : products.incl;
  const paidIncl = given(payload.total_paid_tax_incl) ? d(payload.total_paid_tax_incl) : totalProductsWt.plus(shipping.incl).plus(wrapping.incl).minus(discounts.incl);
  const paidExcl = given(payload.total_paid_tax_excl) ? d(payload.total_paid_tax_excl) : totalProducts.plus(shipping.excl).plus(wrapping.excl).minus(discounts.excl);
  const computed: Json = {
    total_products: str(totalProducts), total_products_wt: str(totalProductsWt),
    total_shipping: str(shipping.incl), total_shipping_tax_incl: str(shipping.incl), total_shipping_tax_excl: str(shipping.excl),
    carrier_tax_rate: str(carrierRate ?? (shipping.excl.isZero() ? new D(0) : shipping.incl.minus(shipping.excl).div(shipping.excl).times(100).toDecimalPlaces(1))),
    total_wrapping: str(wrapping.incl), total_wrapping_tax_incl: str(wrapping.incl), total_wrapping_tax_excl: str(wrapping.excl),
    total_discounts: str(discounts.incl), total_discounts_tax_incl: str(discounts.incl), total_discounts_tax_excl: str(discounts.excl),
    total_paid: str(paidIncl), total_paid_tax_incl: str(paidIncl), total_paid_tax_excl: str(paidExcl), total_paid_real: str(paidIncl),
  };
  // Zero totals are left out of the stored record (presented as 0.000000): a shop of thousands of orders stays small.
  for (const [k, v] of Object.entries(computed)) if (!given(order[k]) && v !== "0") order[k] = v;

  Object.assign(order, {
    id,
    reference: given(order.reference) ? order.reference : reference(),
    id_customer: customerId,
    current_state: Number(order.current_state ?? 2),
    module: order.module ?? "ps_wirepayment",
    payment: order.payment ?? "Bank wire",
    id_cart: state.seq.cart++,
    id_currency: order.id_currency ?? 1,
    id_lang: order.id_lang ?? 1,
    id_shop: order.id_shop ?? 1,
    id_shop_group: order.id_shop_group ?? 1,
    conversion_rate: order.conversion_rate ?? "1",
    date_add: order.date_add ?? at,
  });
  order.date_upd = payload.date_upd ?? order.date_add;
  invoiceIfDue(state, order, at);
  state.data.orders.push(order);

  for (const payment of arr(payload.order_payments)) addPayment(state, order, payment, at);
  return { id };
}

function findOrder(state: PsState, id: string): Json {
  const order = state.data.orders.find((o) => String(o.id) === id);
  if (!order) throw new AdminError(404, `The sandbox shop has no order ${id}.`);
  return order;
}

/** Changes order fields (e.g. current_state); date_upd moves to now unless given, as an edit in the back office does. */
export function patchOrder(state: PsState, id: string, changes: Json): Json {
  const order = findOrder(state, id);
  const at = now();
  for (const [k, v] of Object.entries(changes)) if (k !== "id" && !EMBEDDED.has(k)) order[k] = v;
  order.date_upd = changes.date_upd ?? at;
  invoiceIfDue(state, order, at);
  return order;
}

function addPayment(state: PsState, order: Json, input: Json, at: string): number {
  const id = nextId(state, "order_payment", input.id, state.data.order_payments);
  state.data.order_payments.push({
    order_reference: order.reference, id_currency: order.id_currency ?? 1, amount: order.total_paid_tax_incl ?? "0", payment_method: order.payment,
    conversion_rate: "1", transaction_id: "", date_add: at,
    ...input,
    id,
  });
  return id;
}

export const recordPayment = (state: PsState, orderId: string, payload: Json) => ({ id: addPayment(state, findOrder(state, orderId), payload, now()) });
