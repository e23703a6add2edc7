import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * OUR ASSUMED KMO SHOPS PARTNER CONTRACT. KMO Shops publishes no API documentation
 * (webshop-apis.md §4), so every path, header, parameter, status and signature formula the
 * connector and the sandbox rely on is written down here (and the JSON shapes in schemas.ts),
 * explained in README.md. When the partner documentation arrives, correct it here: the client,
 * the mapping, the webhook receiver, the install flow and the sandbox all read from this file.
 */

// ─── REST API ───────────────────────────────────────────────────────────────

/** The shop's API root comes from the install handshake (`api_root`); these paths follow it. */
export const API_PREFIX = "/api/v1";
const seg = (id: string | number) => encodeURIComponent(String(id));
export const apiPaths = {
  /** GET: the shop behind the API key, `{id, name, url, country, currency}` (a cheap connection test). */
  shop: `${API_PREFIX}/shop`,
  /** GET: orders changed since `updated_since`, oldest change first (see LIST_PARAMS). */
  orders: `${API_PREFIX}/orders`,
  order: (id: string | number) => `${API_PREFIX}/orders/${seg(id)}`,
  /** GET: one refund (refunds are listed on their order as `refunds: [{id, …}]`). */
  refund: (id: string | number) => `${API_PREFIX}/refunds/${seg(id)}`,
  /** GET (list), POST `{topic, address}` (create). */
  webhooks: `${API_PREFIX}/webhooks`,
  /** DELETE. */
  webhook: (id: string | number) => `${API_PREFIX}/webhooks/${seg(id)}`,
};

/** API authentication: the per-installation API key from the handshake, as a bearer token. */
export const authHeaders = (apiKey: string): Record<string, string> => ({ authorization: `Bearer ${apiKey}` });

/**
 * Order list parameters. The list is ordered by (updated_at, id) ascending and filtered by
 * updated_at >= updated_since (inclusive), so an incremental poll asks only for what changed.
 * Paging is keyset: the answer's `next_page_token` is passed back as `page_token`; null = last page.
 */
export const LIST_PARAMS = { updatedSince: "updated_since", limit: "limit", pageToken: "page_token" } as const;
export const LIST_LIMIT = { default: 50, max: 250 } as const;

/** Requests per minute per shop; beyond it 429 with Retry-After (seconds). */
export const RATE_LIMIT_PER_MINUTE = 120;

/** Error body of every non-2xx answer: `{"error": {"code": "<snake_case>", "message": "<English>"}}`. */
export const ERROR_CODES = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  422: "validation_failed",
  429: "rate_limited",
  500: "server_error",
} as const;

// ─── Orders ─────────────────────────────────────────────────────────────────

/** `status` of an order: its place in the shop's workflow. */
export const ORDER_STATUSES = ["new", "awaiting_payment", "paid", "processing", "shipped", "completed", "cancelled", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** `payment_status` of an order; the three last ones mean the customer did pay (Factuursturen's "alreadypaid"). */
export const PAYMENT_STATUSES = ["pending", "failed", "paid", "partially_refunded", "refunded"] as const;
export const PAID_PAYMENT_STATUSES: readonly string[] = ["paid", "partially_refunded", "refunded"];

/** `type` of an order line; absent = product. */
export const LINE_TYPES = ["product", "discount", "payment_fee", "surcharge"] as const;

// ─── Webhooks ───────────────────────────────────────────────────────────────

/** The manual: "a notification as soon as a new order is created … or if an order changes". A refund changes its order. */
export const WEBHOOK_TOPICS = ["order.created", "order.updated"] as const;
export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

export const WEBHOOK_HEADERS = {
  /** `sha256=<hex HMAC-SHA256(webhook_secret, raw body)>`. */
  signature: "x-kmo-signature",
  topic: "x-kmo-topic",
  shopId: "x-kmo-shop-id",
  deliveryId: "x-kmo-delivery-id",
} as const;

/**
 * A delivery is signed with the shop's per-installation `webhook_secret` (handed over in the install
 * handshake) over the exact raw body. A failing delivery (non-2xx or no answer in 10 s) is retried.
 */
/**
 * Replay window: a delivery's signed `created_at` may be at most this old (the shop's retries come
 * within seconds; an hour leaves room for an outage on our side) and this far in the future.
 */
export const WEBHOOK_MAX_AGE_MS = 60 * 60_000;
export const WEBHOOK_CLOCK_SKEW_MS = 5 * 60_000;

export const webhookSignature = (webhookSecret: string, rawBody: string) => `sha256=${hmacHex(webhookSecret, rawBody)}`;

// ─── App-store install ──────────────────────────────────────────────────────

/**
 * The app is registered in KMO's app store with three URLs (handshake, install, uninstall) and
 * receives an app secret. Installing, from the shop backend or from a link our wizard builds
 * (`…/admin/apps/install?app=…&state=<ours>`):
 *  1. handshake: KMO POSTs the shop's credentials (HandshakeBody in schemas.ts) to the handshake
 *     URL, server to server; any answer but 200 aborts the install;
 *  2. redirect: KMO sends the merchant's browser to the install URL with the query
 *     INSTALL_REDIRECT_PARAMS (shop_id, the `state` it was given, timestamp, signature).
 * Uninstall: KMO POSTs `{shop_id, uninstalled_at}` to the uninstall URL, signed like the handshake.
 */
/** The shop backend's app-store page that installs an app: `?app=<our app id>&state=<opaque, passed through>`. */
export const APP_STORE_INSTALL_PATH = "/admin/apps/install";
export const INSTALL_HEADERS = { signature: "x-kmo-signature", timestamp: "x-kmo-timestamp" } as const;
export const INSTALL_REDIRECT_PARAMS = { shopId: "shop_id", state: "state", timestamp: "timestamp", language: "language", signature: "signature" } as const;
/** How old a signed handshake or redirect may be (its timestamp, Unix seconds) before it is refused. */
export const INSTALL_MAX_AGE_MS = 10 * 60_000;

/** Handshake and uninstall calls: hex HMAC-SHA256(app secret, `<timestamp>.<raw body>`). */
export const installCallSignature = (appSecret: string, timestamp: string, rawBody: string) => hmacHex(appSecret, `${timestamp}.${rawBody}`);

/**
 * Install redirect: hex HMAC-SHA256(app secret, the query without `signature`, keys sorted,
 * `key=value` joined by `&`, values not encoded).
 */
export const installRedirectSignature = (appSecret: string, params: URLSearchParams | Record<string, string>) => {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const message = entries
    .filter(([k]) => k !== INSTALL_REDIRECT_PARAMS.signature)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return hmacHex(appSecret, message);
};

// ─── Shared crypto ──────────────────────────────────────────────────────────

export const hmacHex = (key: string, message: string) => createHmac("sha256", key).update(message, "utf8").digest("hex");

/** Constant-time comparison of hex signatures; a `sha256=` prefix on the given one is accepted. */
export function sameSignature(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected.replace(/^sha256=/i, "").toLowerCase(), "utf8");
  const b = Buffer.from(given.trim().replace(/^sha256=/i, "").toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
