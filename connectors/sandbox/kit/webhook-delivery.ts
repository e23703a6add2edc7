import type { SandboxContext } from "./create-sandbox";

/**
 * Webhook delivery as a shop does it: after the change is saved and the triggering request has
 * been answered, POST the event to the receiver, retried on failure, and the outcome appended to
 * the tenant's delivery log (the last 200, read back through `_admin/deliveries`).
 */
const DELIVERY_DELAYS_MS = [0, 1_000, 5_000];
const TIMEOUT_MS = 10_000;
const KEEP = 200;

export type DeliveryOutcome = { status?: number; error?: string; attempts: number };
/** One webhook call: the receiver, the event's headers (signature, topic…) and its JSON body. */
export type WebhookPost = { address: string; headers: Record<string, string>; body: string };

/** POSTs until a 2xx answer or the last retry; the outcome of the last attempt. */
export async function postWithRetries({ address, headers, body }: WebhookPost): Promise<DeliveryOutcome> {
  let status: number | undefined;
  let error: string | undefined;
  let attempts = 0;
  for (const delay of DELIVERY_DELAYS_MS) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    attempts++;
    try {
      const res = await fetch(address, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      status = res.status;
      error = undefined;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) break;
    } catch (err) {
      status = undefined;
      error = (err as Error).message;
    }
  }
  return { status, error, attempts };
}

/** Delivers once the current request has been answered, then logs `entry(outcome)` in the tenant's state. */
export function deliverLater<E, S extends { deliveries: E[] }>(ctx: SandboxContext<S>, post: WebhookPost, entry: (outcome: DeliveryOutcome) => E): void {
  const deliverAndLog = async () => {
    const logged = entry(await postWithRetries(post));
    // The tenant (or the whole test database) may be gone by now; a lost log line is fine.
    await ctx.update((s) => void (s.deliveries = [...s.deliveries, logged].slice(-KEEP))).catch(() => undefined);
  };
  setTimeout(() => void deliverAndLog(), 0);
}
