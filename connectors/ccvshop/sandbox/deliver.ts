import type { SandboxContext } from "../../sandbox/kit/create-sandbox";
import { webhookHash } from "../signing";
import type { Fired } from "./documents";
import type { CcvState, Webhook } from "./state";

/**
 * Webhook delivery as a shop does it: after the change is saved and the triggering request has
 * been answered, POST the event's JSON to every active webhook registered for it, signed with that
 * webhook's key (x-hash = HMAC-SHA512(key, address|body), see ../signing.ts), retried on failure.
 */
export const DELIVERY_DELAYS_MS = [0, 1_000, 5_000];
const TIMEOUT_MS = 10_000;
const KEEP = 200;

export function scheduleDeliveries(ctx: SandboxContext<CcvState>, webhooks: Webhook[], fired: Fired[]): void {
  for (const { event, body } of fired) {
    for (const webhook of webhooks.filter((w) => w.is_active && w.event === event)) {
      setTimeout(() => void deliver(ctx, webhook, event, JSON.stringify(body)), 0);
    }
  }
}

async function deliver(ctx: SandboxContext<CcvState>, webhook: Webhook, event: string, body: string): Promise<void> {
  let status: number | undefined;
  let error: string | undefined;
  let attempts = 0;
  for (const delay of DELIVERY_DELAYS_MS) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    attempts++;
    try {
      const res = await fetch(webhook.address, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hash": webhookHash(webhook.key, webhook.address, body) },
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
  const entry = { webhookId: webhook.id, event, address: webhook.address, status, error, attempts, at: new Date().toISOString() };
  // The tenant (or the whole test database) may be gone by now; a lost log line is fine.
  await ctx.update((s) => void (s.deliveries = [...s.deliveries, entry].slice(-KEEP))).catch(() => undefined);
}
