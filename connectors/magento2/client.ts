import type { ConnectorContext, ExternalCallRecord } from "../types";
import { ConnectorError } from "../types";
import { magento2CredentialsSchema } from "./config";
import { httpError, looksLikeHtml } from "./errors";
import { authorizationHeader, type SignatureMethod } from "./oauth1";
import { listSchema, parsePayload } from "./schemas";
import { queryString, searchParams, type SearchCriteria } from "./search-criteria";

/**
 * HTTP to the Magento 2 admin REST API (webshop-apis.md §1): every call signed with OAuth 1.0a
 * (the integration's consumer key/secret and access token/secret), or the access token as a
 * bearer token where the shop allows that. The base URL is the store's base URL
 * (https://shop.example/ or a sandbox tenant); the API lives under /rest[/<store>]/V1.
 */
export type Magento2ClientOptions = {
  authMode?: "oauth1" | "bearer";
  signatureMethod?: SignatureMethod;
  storeCode?: string;
};

export type Magento2Client = ReturnType<typeof createMagento2Client>;
export type ListPage = { items: unknown[]; total_count: number };

const DEFAULT_TIMEOUT_MS = 30_000;

export function createMagento2Client(ctx: ConnectorContext<unknown>, options: Magento2ClientOptions = {}) {
  const parsed = magento2CredentialsSchema.safeParse(ctx.credentials);
  if (!parsed.success) {
    throw new ConnectorError("not_connected", `The Magento 2 webshop is not connected: ${parsed.error.issues[0]?.message ?? "its keys are missing"}. Activate the integration in Magento (or enter its four keys) first.`, false);
  }
  const credentials = parsed.data;
  const restRoot = `${ctx.baseUrl.replace(/\/+$/, "")}/rest${options.storeCode ? `/${options.storeCode}` : ""}/V1`;
  const doFetch = ctx.fetch ?? fetch;
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  function authorization(method: string, url: string): string {
    if (options.authMode === "bearer") return `Bearer ${credentials.accessToken}`;
    return authorizationHeader({
      method,
      url,
      consumerKey: credentials.consumerKey,
      consumerSecret: credentials.consumerSecret,
      token: credentials.accessToken,
      tokenSecret: credentials.accessTokenSecret,
      signatureMethod: options.signatureMethod ?? "HMAC-SHA256",
    });
  }

  async function request(method: string, path: string, query: [string, string][] = []): Promise<unknown> {
    const url = `${restRoot}${path}${query.length ? `?${queryString(query)}` : ""}`;
    const started = performance.now();
    const record = (extra: Partial<ExternalCallRecord>) => ctx.onCall?.({ system: "magento2", method, url, durationMs: performance.now() - started, ...extra });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { method, headers: { accept: "application/json", authorization: authorization(method, url) }, signal: controller.signal });
      text = await res.text();
    } catch (err) {
      const timedOut = controller.signal.aborted;
      const message = timedOut ? `Magento did not answer within ${Math.round(timeoutMs / 1000)} s.` : `Magento could not be reached at ${restRoot}: ${(err as Error).message}`;
      record({ error: message });
      throw new ConnectorError(timedOut ? "timeout" : "network", message, true);
    } finally {
      clearTimeout(timer);
    }
    record({ status: res.status, responseBody: text.slice(0, 20_000) });
    const contentType = res.headers.get("content-type");
    if (!res.ok) throw httpError({ status: res.status, body: text, contentType, retryAfter: res.headers.get("retry-after"), url });
    return parseJson(text, res.status, contentType, url);
  }

  /** One page of a list endpoint: its items and Magento's total_count (which ends the paging). */
  async function list(resource: "invoices" | "creditmemos" | "orders", criteria: SearchCriteria): Promise<ListPage> {
    return parsePayload(listSchema, await request("GET", `/${resource}`, searchParams(criteria)), `${resource} list`);
  }

  const seg = (id: string) => encodeURIComponent(id);
  return {
    restRoot,
    request,
    list,
    getInvoice: (id: string) => request("GET", `/invoices/${seg(id)}`),
    /** Singular path: GET /V1/creditmemo/{id} (the list is plural). */
    getCreditmemo: (id: string) => request("GET", `/creditmemo/${seg(id)}`),
    getOrder: (id: string) => request("GET", `/orders/${seg(id)}`),
  };
}

/** A 2xx body as JSON, or a precise error: a web page instead of the API, empty, or broken JSON. */
function parseJson(text: string, status: number, contentType: string | null, url: string): unknown {
  if (looksLikeHtml(text, contentType)) {
    throw new ConnectorError(
      "api_not_found",
      `Magento answered ${url} with a web page instead of the REST API's JSON. Check the webshop address, and that /rest is not rewritten to the storefront (.htaccess, redirects).`,
      false,
      { status, body: text.slice(0, 2000) },
    );
  }
  if (!text.trim()) throw new ConnectorError("invalid_response", `Magento answered HTTP ${status} with an empty body where JSON was expected (${url}).`, true, { status });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const start = text.trim().slice(0, 80);
    throw new ConnectorError(
      "invalid_response",
      `Magento's answer is not valid JSON (it starts with ${JSON.stringify(start)}). Output from a PHP notice or an extension can break the API; ask your Magento developer to switch off display_errors.`,
      false,
      { status, body: text.slice(0, 2000) },
    );
  }
}
