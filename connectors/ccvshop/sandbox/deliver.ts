import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { deliverLater } from "../../sandbox/kit/webhook-delivery";
import { webhookHash } from "../signing";
import type { Fired } from "./documents";
import type { CcvState, Webhook } from "./state";

/**
 * Webhook delivery as a shop does it: after the change is saved and the triggering request has
 * been answered, POST the event's JSON to every active webhook registered for it, signed with that
 * webhook's key (x-hash = HMAC-SHA512(key, address|body), see ../signing.ts), retried on failure
 * (connectors/sandbox/kit/webhook-delivery.ts).
 */
export function scheduleDeliveries(ctx: SandboxContext<CcvState>, webhooks: Webhook[], fired: Fired[]): void {
  for (const { event, body } of fired) {
    const text = JSON.stringify(body);
    for (const webhook of webhooks.filter((w) => w.is_active && w.event === event)) {
      const headers = { "x-hash": webhookHash(webhook.key, webhook.address, text) };
      deliverLater(ctx, { address: webhook.address, headers, body: text }, (outcome) => ({
        webhookId: webhook.id,
        event,
        address: webhook.address,
        ...outcome,
        at: new Date().toISOString(),
      }));
    }
  }
}
