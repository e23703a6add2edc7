import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { postWithRetries } from "@/connectors/sandbox/kit/webhook-delivery";
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
 * outcome by the time its return page loads, as with Mollie); its retries are part of that wait.
 */
async function deliverWebhook(ctx: SandboxContext<MollieSandboxState>, payment: SandboxPayment): Promise<void> {
  const address = payment.webhookUrl!;
  const outcome = await postWithRetries({ address, headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Mollie HTTP client/1.0 (sandbox)" }, body: new URLSearchParams({ id: payment.id }).toString() });
  const entry = { paymentId: payment.id, address, ...outcome, at: new Date().toISOString() };
  await ctx.update((s) => void (s.deliveries = [...s.deliveries, entry].slice(-KEEP_DELIVERIES))).catch(() => undefined);
}
