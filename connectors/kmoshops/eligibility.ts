import { money } from "@/lib/domain/money";
import type { DocumentKind, Eligibility } from "../types";
import { kmoSettingsSchema, type KmoSettingsInput } from "./config";
import { orderSchema, parsePayload, refundSchema } from "./schemas";

/**
 * Whether a KMO document is booked. The manual: "The integration only processes orders. The
 * integration does not process refunds." A refund is still recorded (as a credit note) and lands
 * on the Open tab with this explanation, so the merchant sees it and can book it by hand; an order
 * is booked once its status is one of the configured statuses.
 */
const statusName = (status: string) => status.replace(/_/g, " ");

export function eligibility(kind: DocumentKind, payload: unknown, settingsInput: KmoSettingsInput = {}): Eligibility {
  if (kind === "creditnote") return refundNotBooked(payload);
  if (kind !== "order") return { eligible: false, reason: "KMO Shops has no invoices; this integration books KMO Shops orders." };

  const { orderStatuses } = kmoSettingsSchema.parse(settingsInput);
  const order = parsePayload(orderSchema.pick({ id: true, order_number: true, status: true }), payload, "order");
  const name = `Order ${order.order_number ?? order.id}`;
  const status = order.status?.trim().toLowerCase() ?? "";
  if ((orderStatuses as string[]).includes(status)) return { eligible: true };
  const shown = status ? statusName(status) : "unknown";
  const booked = orderStatuses.map(statusName).join(", ");
  if (status === "refunded") {
    return {
      eligible: false,
      reason: `${name} was refunded in KMO Shops before it was booked. This integration does not process refunds, so the order is not booked; ` +
        `enter it (and its credit note) by hand in your accounting system if it belongs in your books.`,
    };
  }
  if (status === "cancelled") return { eligible: false, reason: `${name} is cancelled in KMO Shops, so it is not booked.` };
  return { eligible: false, reason: `${name} has status "${shown}" in KMO Shops; orders are booked once their status is one of: ${booked}. It is checked again every night.` };
}

function refundNotBooked(payload: unknown): Eligibility {
  const refund = parsePayload(refundSchema.pick({ id: true, order_id: true, order_number: true, amount: true, currency: true }), payload, "refund");
  const amount = refund.amount === null || refund.amount === undefined ? "" : ` of ${(refund.currency?.trim() || "EUR").toUpperCase()} ${money(refund.amount, "amount").toFixed(2)}`;
  return {
    eligible: false,
    reason: `Refund ${refund.id}${amount} on order ${refund.order_number ?? refund.order_id} is not booked: this integration processes KMO Shops orders only, not refunds. ` +
      `Enter the credit note by hand in your accounting system if the order was booked.`,
  };
}
