import type { WebhookNotice, WebhookReceiver } from "../setup-types";
import { ConnectorError } from "../types";
import type { KmoClient } from "./client";
import { kmoCredentialsSchema } from "./config";
import { sameSignature, WEBHOOK_CLOCK_SKEW_MS, WEBHOOK_HEADERS, WEBHOOK_MAX_AGE_MS, WEBHOOK_TOPICS, webhookSignature } from "./contract";
import { noticesForOrder } from "./notices";
import { webhookBodySchema } from "./schemas";

/**
 * The KMO Shops webhook receiver (registry.ts → app/api/webhooks/kmoshops/<licenseKey>): a delivery
 * is genuine when its signature header is the HMAC-SHA256 of the raw body with this shop's webhook
 * secret (contract.ts). Deliveries are triggers: the order (and each refund it lists) is re-fetched
 * through the API when processed.
 */
export const receiveKmoWebhook: WebhookReceiver = ({ headers, body, credentials }) => {
  const parsed = kmoCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new ConnectorError("unauthorized", "This KMO Shops webhook arrived for an integration without a webhook secret; install the app again.", false);
  const { shopId, webhookSecret } = parsed.data;
  if (!sameSignature(webhookSignature(webhookSecret, body), headers.get(WEBHOOK_HEADERS.signature))) {
    throw new ConnectorError("unauthorized", `This KMO Shops webhook is not signed with the shop's webhook secret (header ${WEBHOOK_HEADERS.signature}).`, false);
  }

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ConnectorError("invalid_payload", "The KMO Shops webhook body is not valid JSON.", false, { body: body.slice(0, 2000) });
  }
  const result = webhookBodySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "(body)";
    throw new ConnectorError("invalid_payload", `The KMO Shops webhook body has no valid "${field}": ${issue?.message ?? "invalid"}.`, false, { body: body.slice(0, 2000) });
  }
  const delivery = result.data;
  if (delivery.shop_id !== null && delivery.shop_id !== undefined && String(delivery.shop_id) !== shopId) {
    throw new ConnectorError("unauthorized", `This KMO Shops webhook is for shop ${delivery.shop_id}, but this integration is connected to shop ${shopId}.`, false);
  }
  // Topics we did not register (the shop may add some) concern no order to book.
  if (!(WEBHOOK_TOPICS as readonly string[]).includes(delivery.topic)) return [];
  return noticesForOrder(delivery.order) satisfies WebhookNotice[];
};

/** Removes our webhooks at `address`, from this or an earlier app host (same path): the integration was cancelled. */
export async function unregisterWebhooks(client: KmoClient, address: string): Promise<number> {
  const path = new URL(address).pathname;
  const ours = (await client.listWebhooks()).filter((w) => URL.canParse(w.address) && new URL(w.address).pathname === path);
  for (const webhook of ours) await client.deleteWebhook(webhook.id);
  return ours.length;
}

/**
 * Registers every topic at `address`, idempotently: an existing registration is kept, duplicates
 * are removed, and so are ours from an earlier app address (same path, other host).
 */
export async function registerWebhooks(client: KmoClient, address: string): Promise<void> {
  const path = new URL(address).pathname;
  const existing = await client.listWebhooks();
  const ours = existing.filter((w) => URL.canParse(w.address) && new URL(w.address).pathname === path);
  const kept = new Set<string>();
  for (const topic of WEBHOOK_TOPICS) {
    const keep = ours.find((w) => w.topic === topic && w.address === address);
    if (keep) kept.add(keep.id);
    else kept.add((await client.createWebhook({ topic, address })).id);
  }
  for (const stale of ours.filter((w) => !kept.has(w.id))) await client.deleteWebhook(stale.id);
}

/**
 * Replay identity of a verified delivery: its delivery id (body `id`, also the x-kmo-delivery-id
 * header; the shop reuses it for retries) and its signed `created_at`. Deliveries older than
 * WEBHOOK_MAX_AGE_MS are refused; younger ones are remembered that long, so each is handled once.
 */
export function kmoDeliveryIdentity(input: { headers: Headers; body: string }): { key: string; signedAt?: Date; ttlMs: number } {
  let parsed: { id?: unknown; created_at?: unknown } = {};
  try { parsed = JSON.parse(input.body) as typeof parsed; } catch { /* the receiver already refused it */ }
  const id = typeof parsed.id === "string" || typeof parsed.id === "number" ? String(parsed.id) : input.headers.get(WEBHOOK_HEADERS.deliveryId) ?? "";
  const signedAt = typeof parsed.created_at === "string" ? new Date(parsed.created_at) : undefined;
  return { key: `kmo:${id}`, signedAt, ttlMs: WEBHOOK_MAX_AGE_MS + WEBHOOK_CLOCK_SKEW_MS };
}
