import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { magento2CredentialsSchema } from "./config";
import { magentoGet, type MagentoHttp } from "./http";
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

export function createMagento2Client(ctx: ConnectorContext<unknown>, options: Magento2ClientOptions = {}) {
  const parsed = magento2CredentialsSchema.safeParse(ctx.credentials);
  if (!parsed.success) {
    throw new ConnectorError("not_connected", `The Magento 2 webshop is not connected: ${parsed.error.issues[0]?.message ?? "its keys are missing"}. Activate the integration in Magento (or enter its four keys) first.`, false);
  }
  const credentials = parsed.data;
  const restRoot = `${ctx.baseUrl.replace(/\/+$/, "")}/rest${options.storeCode ? `/${options.storeCode}` : ""}/V1`;
  const http: MagentoHttp = {
    system: "magento2",
    shopName: "Magento",
    authorization: (method, url) =>
      options.authMode === "bearer"
        ? `Bearer ${credentials.accessToken}`
        : authorizationHeader({
            method,
            url,
            consumerKey: credentials.consumerKey,
            consumerSecret: credentials.consumerSecret,
            token: credentials.accessToken,
            tokenSecret: credentials.accessTokenSecret,
            signatureMethod: options.signatureMethod ?? "HMAC-SHA256",
          }),
  };

  const request = (path: string, query: [string, string][] = []) => magentoGet(ctx, http, `${restRoot}${path}${query.length ? `?${queryString(query)}` : ""}`);

  /** One page of a list endpoint: its items and Magento's total_count (which ends the paging). */
  async function list(resource: "invoices" | "creditmemos" | "orders", criteria: SearchCriteria): Promise<ListPage> {
    return parsePayload(listSchema, await request(`/${resource}`, searchParams(criteria)), `${resource} list`);
  }

  const seg = (id: string) => encodeURIComponent(id);
  return {
    restRoot,
    request,
    list,
    getInvoice: (id: string) => request(`/invoices/${seg(id)}`),
    /** Singular path: GET /V1/creditmemo/{id} (the list is plural). */
    getCreditmemo: (id: string) => request(`/creditmemo/${seg(id)}`),
    getOrder: (id: string) => request(`/orders/${seg(id)}`),
  };
}
