import { cents, D, money, type Dec } from "@/lib/domain/money";
import type { WebhookTopic } from "../contract";
import type { Json, KmoState } from "./state";

/**
 * The admin side of a sandbox shop: orders posted in KMO's JSON (contract.ts, schemas.ts) are
 * completed the way the shop would (ids, numbers, timestamps, both unit prices, totals), refunds
 * are attached to their order, and the webhook topics a real shop fires are returned for delivery.
 */
export type Fired = { topic: WebhookTopic; order: Json };

export class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const isSet = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== "";
const amount = (d: Dec) => d.toFixed(2);
const now = () => new Date().toISOString();

/** A later instant than `previous`, so every change moves updated_at forward (the poll relies on it). */
function laterThan(previous: unknown): string {
  const at = Date.now();
  const before = typeof previous === "string" ? Date.parse(previous) : Number.NaN;
  return new Date(Number.isNaN(before) || at > before ? at : before + 1).toISOString();
}

/** A line or shipping block with both unit prices and its rate, and its totals, rounded like the shop. */
function priceBlock(block: Json, incl: boolean): { block: Json; excl: Dec; incl: Dec } {
  const rate = money((isSet(block.tax_rate) ? block.tax_rate : "21") as string);
  const factor = rate.div(100).plus(1);
  const quantity = money((isSet(block.quantity) ? block.quantity : 1) as string);
  const unitIncl = isSet(block.priceincltax) ? money(block.priceincltax as string) : money(block.priceexcltax as string).times(factor);
  const unitExcl = isSet(block.priceexcltax) ? money(block.priceexcltax as string) : unitIncl.div(factor);
  const totalIncl = incl ? cents(unitIncl.times(quantity)) : cents(cents(unitExcl.times(quantity)).times(factor));
  const totalExcl = incl ? cents(totalIncl.div(factor)) : cents(unitExcl.times(quantity));
  return {
    block: { ...block, tax_rate: amount(rate), priceincltax: isSet(block.priceincltax) ? block.priceincltax : amount(unitIncl), priceexcltax: isSet(block.priceexcltax) ? block.priceexcltax : amount(unitExcl) },
    excl: totalExcl,
    incl: totalIncl,
  };
}

/** Lines, shipping and totals as the shop computes them; totals given in the payload are kept as given. */
function completeAmounts(order: Json): Json {
  try {
    return computeAmounts(order);
  } catch (err) {
    throw new AdminError(400, `The order's amounts cannot be read: ${(err as Error).message}.`);
  }
}

function computeAmounts(order: Json): Json {
  const rawLines = Array.isArray(order.lines) ? (order.lines as Json[]) : [];
  const incl = order.prices_include_tax !== false;
  const lines = rawLines.map((l) => priceBlock({ type: "product", quantity: 1, ...l }, incl));
  const shipping = order.shipping && typeof order.shipping === "object" ? priceBlock(order.shipping as Json, incl) : undefined;
  const all = shipping ? [...lines, shipping] : lines;
  const excl = all.reduce((s, l) => s.plus(l.excl), new D(0));
  const gross = all.reduce((s, l) => s.plus(l.incl), new D(0));
  return {
    ...order,
    lines: lines.map((l) => l.block),
    shipping: shipping ? shipping.block : null,
    total_excl: isSet(order.total_excl) ? order.total_excl : amount(excl),
    total_tax: isSet(order.total_tax) ? order.total_tax : amount(gross.minus(excl)),
    total_incl: isSet(order.total_incl) ? order.total_incl : amount(gross),
  };
}

export function storeOrder(state: KmoState, payload: Json, stamp?: string): { id: string; fired: Fired[] } {
  const given = payload.id;
  if (isSet(given) && state.orders.some((o) => String(o.id) === String(given))) throw new AdminError(409, `An order with id ${String(given)} already exists.`);
  const id = isSet(given) ? given : state.seq.order++;
  if (typeof id === "number" && id >= state.seq.order) state.seq.order = id + 1;
  const at = stamp ?? now();
  let order: Json = {
    order_number: String(state.seq.orderNumber++),
    created_at: at,
    status: "new",
    payment_status: "pending",
    payment_method: null,
    currency: "EUR",
    prices_include_tax: true,
    customer: null,
    billing_address: null,
    shipping_address: null,
    shipping: null,
    ...payload,
    id,
    updated_at: isSet(payload.updated_at) ? payload.updated_at : at,
    refunds: [],
  };
  order.lines = (Array.isArray(order.lines) ? (order.lines as Json[]) : []).map((l) => ({ ...l, id: isSet(l.id) ? l.id : state.seq.line++ }));
  order = completeAmounts(order);
  state.orders.push(order);
  return { id: String(id), fired: [{ topic: "order.created", order }] };
}

/** PATCH _admin/documents/<id>: fields merged (lines or shipping recomputed), updated_at moved on; fires order.updated. */
export function patchOrder(state: KmoState, id: string, changes: Json): { order: Json; fired: Fired[] } {
  const index = state.orders.findIndex((o) => String(o.id) === id);
  if (index < 0) throw new AdminError(404, `No order with id ${id}.`);
  const { id: _id, refunds: _refunds, ...fields } = changes;
  const before = state.orders[index]!;
  let order: Json = { ...before, ...fields, updated_at: isSet(fields.updated_at) ? fields.updated_at : laterThan(before.updated_at) };
  if ("lines" in fields || "shipping" in fields || "prices_include_tax" in fields) {
    const keep = (k: string) => (k in fields ? fields[k] : undefined);
    order.lines = (Array.isArray(order.lines) ? (order.lines as Json[]) : []).map((l) => ({ ...l, id: isSet(l.id) ? l.id : state.seq.line++ }));
    order = completeAmounts({ ...order, total_excl: keep("total_excl"), total_tax: keep("total_tax"), total_incl: keep("total_incl") });
  }
  state.orders[index] = order;
  return { order, fired: [{ topic: "order.updated", order }] };
}

/**
 * A refund (admin kind "creditnote"): `{order_id, amount?, reason?}`; the amount defaults to the
 * order's total. The order lists it and becomes partially_refunded or refunded; fires order.updated.
 */
export function storeRefund(state: KmoState, payload: Json): { id: string; fired: Fired[] } {
  const orderId = payload.order_id;
  const index = state.orders.findIndex((o) => String(o.id) === String(orderId));
  if (!isSet(orderId) || index < 0) throw new AdminError(400, `A refund needs the order_id of an existing order (got ${JSON.stringify(orderId ?? null)}).`);
  const order = state.orders[index]!;
  const refund: Json = {
    created_at: now(),
    amount: order.total_incl,
    currency: order.currency ?? "EUR",
    reason: null,
    ...payload,
    id: state.seq.refund++,
    order_id: order.id,
    order_number: order.order_number,
  };
  state.refunds.push(refund);
  const refunds = [...((order.refunds as Json[] | undefined) ?? []), { id: refund.id, amount: refund.amount, created_at: refund.created_at }];
  const refunded = refunds.reduce((s, r) => s.plus(money(r.amount as string)), new D(0));
  const whole = refunded.gte(money(order.total_incl as string));
  state.orders[index] = {
    ...order,
    refunds,
    payment_status: whole ? "refunded" : "partially_refunded",
    status: whole ? "refunded" : order.status,
    updated_at: laterThan(order.updated_at),
  };
  return { id: String(refund.id), fired: [{ topic: "order.updated", order: state.orders[index]! }] };
}
