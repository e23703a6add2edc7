import { exchange, isOk, shopMessages, type Peer } from "../kit/http-exchange";
import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { ccvCredentialsSchema } from "./config";
import { httpError } from "./http-errors";
import { appSchema, pageSchema, parsePayload, webhookSchema, type CcvWebhook } from "./schemas";
import { ccvDate, requestHash, responseHash, safeEqualHex } from "./signing";
import { sharedLimiter } from "../kit/rate-limiter";
import { ccvRateKey, ccvRules } from "./throttle";

/**
 * HTTP to the CCV Shop REST API (webshop-apis.md §2): HMAC-SHA512 signed requests, signed
 * responses checked like the official SDK does, start/size paging that follows `next` links,
 * a client-side throttle under CCV's per-minute limits, and errors mapped to ConnectorError.
 * The base URL is the shop's api_root; whatever path it has (a sandbox tenant's) is not part of
 * the signed uri, so the same code talks to a real shop and to the simulator.
 */
export const API = "/api/rest/v1";
const ACCEPT = "application/vnd.verto.webshop+json";
const PAGE_SIZE = 100;
const MAX_PAGES = 10_000;

export type CcvClientOptions = {
  /** Wait under CCV's per-minute limits (default on). */
  throttle?: boolean;
  /** Check the x-hash CCV puts on responses (default on; only when the response carries one). */
  verifyResponses?: boolean;
  now?: () => Date;
};

export type Query = Record<string, string | number | boolean | undefined>;

export type CcvClient = ReturnType<typeof createCcvClient>;

export function createCcvClient(ctx: ConnectorContext<unknown>, options: CcvClientOptions = {}) {
  const parsed = ccvCredentialsSchema.safeParse(ctx.credentials);
  if (!parsed.success) throw new ConnectorError("unauthorized", "CCV Shop API keys are missing. Reinstall the app from the CCV Shop App Store.", false);
  const { publicKey, secretKey } = parsed.data;
  const base = ctx.baseUrl.replace(/\/+$/, "");
  const basePath = new URL(base).pathname.replace(/\/+$/, "");
  const now = options.now ?? (() => new Date());

  /** "/api/rest/v1/…?…" for a path or for an absolute link from a response (`next`, `href`). */
  function relative(uriOrUrl: string): string {
    if (uriOrUrl.startsWith("/")) return uriOrUrl;
    const url = new URL(uriOrUrl);
    const path = basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    return path + url.search;
  }

  async function request(method: string, uriOrUrl: string, body?: unknown): Promise<unknown> {
    const uri = relative(uriOrUrl);
    const bodyText = body === undefined ? "" : JSON.stringify(body);
    const send = () => {
      // Signed at sending time: a request that waited for the limiter must not carry a stale x-date.
      const date = ccvDate(now());
      const headers: Record<string, string> = {
        "x-public": publicKey,
        "x-date": date,
        "x-hash": requestHash({ publicKey, secretKey, method, uri, body: bodyText, date }),
        accept: ACCEPT,
      };
      if (bodyText) headers["content-type"] = "application/json";
      return exchange(ctx, ccvShop, { method, url: base + uri, headers, body: bodyText || undefined });
    };
    const res = options.throttle === false ? await send() : await sharedLimiter.run(ccvRateKey(base, publicKey, method, uri), ccvRules(method), send);
    const text = res.text;
    if (!isOk(res)) throw httpError(res.status, text, res.headers.get("retry-after"));
    const signature = res.headers.get("x-hash");
    const signedAt = res.headers.get("x-date");
    if (options.verifyResponses !== false && signature && signedAt) {
      const expected = responseHash({ publicKey, secretKey, method, uri, body: text, date: signedAt });
      if (!safeEqualHex(expected, signature)) {
        throw new ConnectorError("invalid_response_signature", "CCV Shop's answer did not carry a valid signature, so it was not trusted.", false, { status: res.status });
      }
    }
    if (!text.trim()) return null; // a 2xx may have no body (the official SDK notes this for POST)
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ConnectorError("invalid_response", `CCV Shop answered HTTP ${res.status} with something that is not JSON.`, true, { status: res.status, body: text.slice(0, 2000) });
    }
  }

  /** Every item of a collection, page by page, following `next` until it is null. */
  async function* paginate(path: string, query: Query = {}): AsyncGenerator<unknown> {
    let next: string | null | undefined = withQuery(path, { start: 0, size: PAGE_SIZE, ...query });
    const seen = new Set<string>();
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const uri = relative(next);
      if (seen.has(uri)) return; // a shop that repeats its last page must not loop us forever
      seen.add(uri);
      const body = parsePayload(pageSchema, await request("GET", uri), `collection ${path}`);
      yield* body.items;
      next = body.next;
    }
  }

  const all = async (path: string, query?: Query) => {
    const items: unknown[] = [];
    for await (const item of paginate(path, query)) items.push(item);
    return items;
  };
  const seg = (id: string | number) => encodeURIComponent(String(id));

  return {
    request,
    paginate,
    getOrder: (id: string | number) => request("GET", `${API}/orders/${seg(id)}`),
    getOrderRows: (id: string | number) => all(`${API}/orders/${seg(id)}/orderrows`),
    getInvoice: (id: string | number) => request("GET", `${API}/invoices/${seg(id)}`),
    getInvoiceRows: (id: string | number) => all(`${API}/invoices/${seg(id)}/invoicerows`),
    /** Backstop polling: CCV has no updated-since filter, so orders go by min_create_date (§2.3). */
    listOrders: (query: Query = {}) => paginate(`${API}/orders`, query),
    listInvoices: (query: Query = {}) => paginate(`${API}/invoices`, query),

    listWebhooks: async (): Promise<CcvWebhook[]> => (await all(`${API}/webhooks`)).map((w) => parsePayload(webhookSchema, w, "webhook")),
    createWebhook: async (input: { event: string; address: string; is_active?: boolean }): Promise<CcvWebhook> =>
      parsePayload(webhookSchema, await request("POST", `${API}/webhooks`, { is_active: true, ...input }), "webhook"),
    patchWebhook: (id: string, input: { address?: string; is_active?: boolean }) => request("PATCH", `${API}/webhooks/${seg(id)}`, input),
    deleteWebhook: (id: string) => request("DELETE", `${API}/webhooks/${seg(id)}`),

    /** The app these credentials belong to (exactly one item, §2.8). */
    getApps: async () => (await all(`${API}/apps`)).map((a) => parsePayload(appSchema, a, "app")),
    patchApp: (id: string, input: { is_installed: boolean }) => request("PATCH", `${API}/apps/${seg(id)}`, input),
  };
}

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}${path.includes("?") ? "&" : "?"}${qs}` : path;
}

/** Secrets that appear in CCV bodies: webhook keys, App Store credentials. */
export const redact = (text: string) => text.replace(/("(?:key|api_secret|secret|secretKey)"\s*:\s*)"[^"]*"/g, '$1"[redacted]"');

const ccvShop: Peer = {
  system: "ccvshop",
  name: "CCV Shop",
  redact,
  messages: shopMessages("CCV Shop"),
};
