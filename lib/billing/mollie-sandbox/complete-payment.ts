import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { postWithRetries, type DeliveryOutcome, type WebhookPost } from "@/connectors/sandbox/kit/webhook-delivery";
import { expireIfDue, type MollieSandboxState, type SandboxPayment } from "./state";

/**
 * What the customer does on the hosted checkout (or a test through `_admin/payments/<id>`): the
 * payment reaches a final status, then Mollie calls the payment's webhookUrl with only its id,
 * form-encoded (`id=tr_…`), retrying when the receiver does not answer 2xx.
 */
export const FINAL_ACTIONS = { paid: "paid", canceled: "canceled", failed: "failed", expired: "expired" } as const;
export type FinalStatus = keyof typeof FINAL_ACTIONS;

const KEEP_DELIVERIES = 200;

export type Completion = { payment: SandboxPayment; changed: boolean };

/** Moves an open payment to `status` (a payment already final stays as it is) and delivers its webhook. */
export async function completePayment(ctx: SandboxContext<MollieSandboxState>, id: string, status: FinalStatus): Promise<Completion | null> {
  const result = await ctx.update((s) => {
    const payment = s.payments[id];
    if (!payment) return null;
    const expired = expireIfDue(payment);
    if (payment.status !== "open") return { payment, changed: expired };
    const at = new Date().toISOString();
    payment.status = status;
    if (status === "paid") Object.assign(payment, { paidAt: at, method: "ideal" });
    if (status === "canceled") payment.canceledAt = at;
    if (status === "failed") Object.assign(payment, { failedAt: at, method: "ideal" });
    if (status === "expired") payment.expiredAt = at;
    return { payment, changed: true };
  });
  if (result?.changed && result.payment.webhookUrl) await deliverWebhook(ctx, result.payment);
  return result;
}

/**
 * The first delivery is awaited before the customer is sent back (so the shop usually knows the
 * outcome by the time its return page loads, as with Mollie); when the receiver does not answer
 * 2xx, Mollie's retries follow in the background.
 */
async function deliverWebhook(ctx: SandboxContext<MollieSandboxState>, payment: SandboxPayment): Promise<void> {
  const post = { address: payment.webhookUrl!, headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Mollie HTTP client/1.0 (sandbox)" }, body: new URLSearchParams({ id: payment.id }).toString() };
  const log = async (outcome: DeliveryOutcome) => {
    const entry = { paymentId: payment.id, address: post.address, ...outcome, at: new Date().toISOString() };
    // The tenant (or a test's whole database) may be gone by the time a retry ends; a lost log line is fine.
    await ctx.update((s) => void (s.deliveries = [...s.deliveries, entry].slice(-KEEP_DELIVERIES))).catch(() => undefined);
  };
  const first = await postOnce(post);
  await log(first);
  if (first.status === undefined || first.status >= 300) setTimeout(() => void postWithRetries(post).then((outcome) => log({ ...outcome, attempts: outcome.attempts + 1 })), RETRY_AFTER_MS);
}

const RETRY_AFTER_MS = 1_000;

async function postOnce({ address, headers, body }: WebhookPost): Promise<DeliveryOutcome> {
  try {
    const res = await fetch(address, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, attempts: 1 };
  } catch (err) {
    return { error: (err as Error).message, attempts: 1 };
  }
}
