import { randomUUID } from "node:crypto";
import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { WEBHOOK_HEADERS, webhookSignature } from "../contract";
import type { Fired } from "./orders";
import type { KmoState, Webhook } from "./state";

/**
 * Webhook delivery as contract.ts assumes KMO does it: after the change is saved and the admin
 * call answered, POST {id, topic, shop_id, created_at, order: {id, order_number, status,
 * payment_status, updated_at, refunds: [{id}]}} to every webhook registered for the topic, signed
 * with the shop's webhook secret over the raw body; retried on a failure.
 */
export const DELIVERY_DELAYS_MS = [0, 1_000, 5_000];
const TIMEOUT_MS = 10_000;
const KEEP = 200;

export function scheduleDeliveries(ctx: SandboxContext<KmoState>, state: Pick<KmoState, "webhooks" | "credentials">, fired: Fired[]): void {
  for (const { topic, order } of fired) {
    const body = JSON.stringify({
      id: randomUUID(),
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
      setTimeout(() => void deliver(ctx, webhook, body, state.credentials), 0);
    }
  }
}

async function deliver(ctx: SandboxContext<KmoState>, webhook: Webhook, body: string, credentials: KmoState["credentials"]): Promise<void> {
  const deliveryId = (JSON.parse(body) as { id: string }).id;
  let status: number | undefined;
  let error: string | undefined;
  let attempts = 0;
  for (const delay of DELIVERY_DELAYS_MS) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    attempts++;
    try {
      const res = await fetch(webhook.address, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [WEBHOOK_HEADERS.signature]: webhookSignature(credentials.webhookSecret, body),
          [WEBHOOK_HEADERS.topic]: webhook.topic,
          [WEBHOOK_HEADERS.shopId]: credentials.shopId,
          [WEBHOOK_HEADERS.deliveryId]: deliveryId,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      error = undefined;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) break;
    } catch (err) {
      status = undefined;
      error = (err as Error).message;
    }
  }
  const entry = { webhookId: webhook.id, topic: webhook.topic, address: webhook.address, status, error, attempts, at: new Date().toISOString() };
  // The tenant (or the whole test database) may be gone by now; a lost log line is fine.
  await ctx.update((s) => void (s.deliveries = [...s.deliveries, entry].slice(-KEEP))).catch(() => undefined);
}
