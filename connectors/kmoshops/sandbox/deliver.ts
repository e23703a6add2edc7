import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { deliverLater } from "../../sandbox/kit/webhook-delivery";
import { WEBHOOK_HEADERS, webhookSignature } from "../contract";
import type { Fired } from "./orders";
import type { KmoState } from "./state";

/**
 * Webhook delivery as contract.ts assumes KMO does it: after the change is saved and the admin
 * call answered, POST {id, topic, shop_id, created_at, order: {id, order_number, status,
 * payment_status, updated_at, refunds: [{id}]}} to every webhook registered for the topic, signed
 * with the shop's webhook secret over the raw body; retried on a failure
 * (connectors/sandbox/kit/webhook-delivery.ts).
 */
export function scheduleDeliveries(ctx: SandboxContext<KmoState>, state: Pick<KmoState, "webhooks" | "credentials">, fired: Fired[]): void {
  for (const { topic, order } of fired) {
    const deliveryId = randomUUID();
    const body = JSON.stringify({
      id: deliveryId,
      topic,
      shop_id: state.credentials.shopId,
      created_at: new Date().toISOString(),
      order: {
        id: order.id,
        order_number: order.order_number,
        status: order.status,
        payment_status: order.payment_status,
        updated_at: order.updated_at,
        refunds: ((order.refunds as { id: unknown }[] | undefined) ?? []).map((r) => ({ id: r.id })),
      },
    });
    for (const webhook of state.webhooks.filter((w) => w.topic === topic)) {
      const headers = {
        [WEBHOOK_HEADERS.signature]: webhookSignature(state.credentials.webhookSecret, body),
        [WEBHOOK_HEADERS.topic]: webhook.topic,
        [WEBHOOK_HEADERS.shopId]: state.credentials.shopId,
        [WEBHOOK_HEADERS.deliveryId]: deliveryId,
      };
      deliverLater(ctx, { address: webhook.address, headers, body }, (outcome) => ({
        webhookId: webhook.id,
        topic: webhook.topic,
        address: webhook.address,
        ...outcome,
        at: new Date().toISOString(),
      }));
    }
  }
}
