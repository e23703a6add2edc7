import { API } from "@/connectors/ccvshop/client";
import { sandboxCredentials as ccvCredentials } from "@/connectors/ccvshop/sandbox/credentials";
import { ccvDate, requestHash, webhookHash } from "@/connectors/ccvshop/signing";
import { authHeaders, WEBHOOK_HEADERS, webhookSignature } from "@/connectors/kmoshops/contract";
import { sandboxCredentials as kmoCredentials } from "@/connectors/kmoshops/sandbox/credentials";

/**
 * Webhook deliveries made the way the sandbox shops make them (connectors/<shop>/sandbox/deliver.ts):
 * CCV Shop signs address|body with the registration's own key (x-hash), KMO Shops signs the body
 * with the shop's webhook secret. The registrations are read (and the shops' own deliveries switched
 * off, so that this soak decides what arrives when) through each shop's real, authenticated API.
 */
export type Delivery = { address: string; headers: Record<string, string>; body: string };

const base = (app: string, system: string, tenant: string) => `${app}/sandbox/${system}/${tenant}`;

async function ccvApi(app: string, tenant: string, method: string, uri: string, body = ""): Promise<Response> {
  const { publicKey, secretKey } = ccvCredentials(tenant);
  const date = ccvDate(new Date());
  const res = await fetch(`${base(app, "ccvshop", tenant)}${uri}`, {
    method,
    headers: { "x-public": publicKey, "x-date": date, "x-hash": requestHash({ publicKey, secretKey, method, uri, body, date }), ...(body ? { "content-type": "application/json" } : {}) },
    body: body || undefined,
  });
  if (!res.ok) throw new Error(`CCV ${method} ${uri} answered ${res.status}: ${await res.text()}`);
  return res;
}

export type CcvRegistration = { id: number; event: string; address: string; key: string; is_active: boolean };

/** CCV: our registrations (with their keys), now inactive: the soak sends every delivery itself. */
export async function takeOverCcvWebhooks(app: string, tenant: string): Promise<CcvRegistration[]> {
  const { items } = (await (await ccvApi(app, tenant, "GET", `${API}/webhooks`)).json()) as { items: CcvRegistration[] };
  for (const w of items) await ccvApi(app, tenant, "PATCH", `${API}/webhooks/${w.id}`, JSON.stringify({ is_active: false }));
  return items;
}

export function ccvDelivery(app: string, tenant: string, registration: CcvRegistration, resource: "order" | "invoice", id: string): Delivery {
  const href = `${base(app, "ccvshop", tenant)}${API}/${resource}s/${id}`;
  const body = JSON.stringify(resource === "order" ? { id: Number(id), href, status: 1, paid: true } : { id: Number(id), href, status: 1, type: "invoice" });
  return { address: registration.address, headers: { "x-hash": webhookHash(registration.key, registration.address, body) }, body };
}

export type KmoRegistration = { id: number; topic: string; address: string };

/** KMO Shops: our registrations, then deleted (KMO has no "inactive"): the soak sends every delivery itself. */
export async function takeOverKmoWebhooks(app: string, tenant: string): Promise<KmoRegistration[]> {
  const headers = authHeaders(kmoCredentials(tenant).apiKey);
  const listed = await fetch(`${base(app, "kmoshops", tenant)}/api/v1/webhooks`, { headers });
  if (!listed.ok) throw new Error(`KMO GET webhooks answered ${listed.status}: ${await listed.text()}`);
  const { data } = (await listed.json()) as { data: KmoRegistration[] };
  for (const w of data) {
    const res = await fetch(`${base(app, "kmoshops", tenant)}/api/v1/webhooks/${w.id}`, { method: "DELETE", headers });
    if (!res.ok) throw new Error(`KMO DELETE webhook answered ${res.status}`);
  }
  return data;
}

export function kmoDelivery(tenant: string, registration: KmoRegistration, orderId: string, deliveryId: string): Delivery {
  const { shopId, webhookSecret } = kmoCredentials(tenant);
  const now = new Date().toISOString();
  const body = JSON.stringify({
    id: deliveryId, topic: registration.topic, shop_id: shopId, created_at: now,
    order: { id: Number(orderId), order_number: orderId, status: "paid", payment_status: "paid", updated_at: now, refunds: [] },
  });
  return {
    address: registration.address,
    headers: { [WEBHOOK_HEADERS.signature]: webhookSignature(webhookSecret, body), [WEBHOOK_HEADERS.topic]: registration.topic, [WEBHOOK_HEADERS.shopId]: shopId, [WEBHOOK_HEADERS.deliveryId]: deliveryId },
    body,
  };
}

/**
 * POSTs one delivery as a shop does (connectors/sandbox/kit/webhook-delivery.ts: up to three
 * attempts, 0 s, 1 s and 5 s apart, each given 10 s): the first attempt's acknowledgement time and
 * status, the attempts it took and the final status (0 = no answer).
 */
export type DeliveryOutcome = { ms: number; firstStatus: number; attempts: number; status: number };

const RETRY_DELAYS_MS = [0, 1_000, 5_000];

export async function deliver(d: Delivery): Promise<DeliveryOutcome> {
  let first: { ms: number; status: number } | undefined;
  let status = 0;
  let attempts = 0;
  for (const delay of RETRY_DELAYS_MS) {
    if (delay) await new Promise((r) => setTimeout(r, delay));
    attempts++;
    const start = performance.now();
    try {
      const res = await fetch(d.address, { method: "POST", headers: { "content-type": "application/json", ...d.headers }, body: d.body, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      status = 0;
    }
    first ??= { ms: performance.now() - start, status };
    if (status >= 200 && status < 300) break;
  }
  return { ms: first!.ms, firstStatus: first!.status, attempts, status };
}
