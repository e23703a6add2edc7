import { createHash } from "node:crypto";
import { exchange, isOk, shopMessages, type Peer } from "../kit/http-exchange";
import { sharedLimiter, withMargin } from "../kit/rate-limiter";
import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { kmoCredentialsSchema } from "./config";
import { apiPaths, authHeaders, LIST_LIMIT, LIST_PARAMS, RATE_LIMIT_PER_MINUTE } from "./contract";
import { httpError } from "./http-errors";
import { orderPageSchema, parsePayload, shopSchema, webhookListSchema, webhookSchema, type KmoWebhook } from "./schemas";

/**
 * HTTP to the KMO Shops partner API as contract.ts assumes it: bearer API key, JSON, keyset-paged
 * order list, errors mapped to ConnectorError. Every call is reported through ctx.onCall with
 * secrets redacted. The base URL is the shop's api_root (or a sandbox tenant's URL). Requests wait
 * under the shop's per-minute limit (contract.ts), counted process-wide per shop and API key.
 */
export type KmoClient = ReturnType<typeof createKmoClient>;

export const KMO_RULES = [withMargin({ limit: RATE_LIMIT_PER_MINUTE, windowMs: 60_000 })];

export function createKmoClient(ctx: ConnectorContext<unknown>, options: { throttle?: boolean } = {}) {
  const parsed = kmoCredentialsSchema.safeParse(ctx.credentials);
  if (!parsed.success) throw new ConnectorError("unauthorized", "The KMO Shops connection has no API key. Install the app again from the app store in your KMO Shops backend.", false);
  const { apiKey } = parsed.data;
  const base = ctx.baseUrl.replace(/\/+$/, "");
  const rateKey = `kmoshops|${base}|${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`;

  async function request(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = base + path;
    const bodyText = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { ...authHeaders(apiKey), accept: "application/json" };
    if (bodyText) headers["content-type"] = "application/json";
    const send = () => exchange(ctx, kmoShops, { method, url, headers, body: bodyText });
    const res = options.throttle === false ? await send() : await sharedLimiter.run(rateKey, KMO_RULES, send);
    const text = res.text;
    if (!isOk(res)) throw httpError(res.status, text, res.headers.get("retry-after"), res.headers.get("content-type"));
    if (!text.trim()) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const html = /^\s*</.test(text);
      throw new ConnectorError(
        "invalid_response",
        html
          ? `KMO Shops answered ${method} ${path} with a web page instead of JSON (HTTP ${res.status}); the shop's API address may be wrong or the shop is in maintenance.`
          : `KMO Shops answered ${method} ${path} with something that is not JSON (HTTP ${res.status}).`,
        true,
        { status: res.status, body: text.slice(0, 2000) },
      );
    }
  }

  return {
    request,
    getShop: async () => parsePayload(shopSchema, await request("GET", apiPaths.shop), "shop"),
    getOrder: (id: string) => request("GET", apiPaths.order(id)),
    getRefund: (id: string) => request("GET", apiPaths.refund(id)),
    /** One page of orders changed since `updatedSince` (inclusive), oldest change first. */
    async listOrders(query: { updatedSince: string; limit?: number; pageToken?: string | null }) {
      const params = new URLSearchParams({ [LIST_PARAMS.updatedSince]: query.updatedSince, [LIST_PARAMS.limit]: String(Math.min(query.limit ?? LIST_LIMIT.default, LIST_LIMIT.max)) });
      if (query.pageToken) params.set(LIST_PARAMS.pageToken, query.pageToken);
      return parsePayload(orderPageSchema, await request("GET", `${apiPaths.orders}?${params}`), "order list");
    },
    listWebhooks: async (): Promise<KmoWebhook[]> => parsePayload(webhookListSchema, await request("GET", apiPaths.webhooks), "webhook list").data,
    createWebhook: async (input: { topic: string; address: string }): Promise<KmoWebhook> => parsePayload(webhookSchema, await request("POST", apiPaths.webhooks, input), "webhook"),
    deleteWebhook: (id: string) => request("DELETE", apiPaths.webhook(id)),
  };
}

/** Secrets that could appear in a KMO body: API keys and webhook secrets. */
export const redact = (text: string) => text.replace(/("(?:api_key|apiKey|webhook_secret|webhookSecret|secret)"\s*:\s*)"[^"]*"/g, '$1"[redacted]"');

const kmoShops: Peer = {
  system: "kmoshops",
  name: "KMO Shops",
  redact,
  messages: shopMessages("KMO Shops"),
};
