import { z } from "zod";
import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { magentoGet, type MagentoHttp } from "../magento2/http";
import { authorizationHeader } from "../magento2/oauth1";
import { queryString } from "../magento2/search-criteria";
import { magento1CredentialsSchema } from "./config";

/**
 * HTTP to the Magento 1.9 REST API (/api/rest, webshop-apis.md §1b) signed with OAuth 1.0a
 * HMAC-SHA1. Core resources (orders) plus the invoice extension's `invoices` and `creditmemos`.
 * Lists: page (1-based), limit (≤ 100), order/dir, filter[n][attribute] + one condition; the answer
 * is an object keyed by entity id (an array is accepted too) and has no total.
 */
export const MAX_LIMIT = 100;
export type Condition = "eq" | "neq" | "gt" | "lt" | "from" | "to" | "in" | "nin";
export type ListQuery = { page: number; limit: number; order?: string; dir?: "asc" | "dsc"; filters?: { attribute: string; condition: Condition; value: string }[] };

const SHOP = "Magento 1.9";
const advice = {
  apiNotFound: 'Check the shop address, and that the REST API answers at /api/rest: the .htaccess needs "RewriteRule ^api/rest api.php?type=rest [QSA,L]" (manual chapter 3.1).',
  forbidden: "the admin user's REST role may not read invoices. Check System > Web Services > REST Roles (REST API Calls to read invoices), REST Attributes and the user's REST Role (manual chapter 3.1).",
};

export type Magento1Client = ReturnType<typeof createMagento1Client>;

export function createMagento1Client(ctx: ConnectorContext<unknown>) {
  const parsed = magento1CredentialsSchema.safeParse(ctx.credentials);
  if (!parsed.success) {
    throw new ConnectorError("not_connected", `The ${SHOP} webshop is not connected: ${parsed.error.issues[0]?.message ?? "its keys are missing"}. Enter the admin URL, consumer key and secret, then click Connect.`, false);
  }
  const c = parsed.data;
  const apiRoot = `${ctx.baseUrl.replace(/\/+$/, "")}/api/rest`;
  const http: MagentoHttp = {
    system: "magento1",
    shopName: SHOP,
    advice,
    authorization: (method, url) =>
      authorizationHeader({ method, url, consumerKey: c.consumerKey, consumerSecret: c.consumerSecret, token: c.accessToken, tokenSecret: c.accessTokenSecret, signatureMethod: "HMAC-SHA1" }),
  };
  const request = (path: string, query: [string, string][] = []) => magentoGet(ctx, http, `${apiRoot}${path}${query.length ? `?${queryString(query)}` : ""}`);

  async function list(resource: "invoices" | "creditmemos" | "orders", q: ListQuery): Promise<unknown[]> {
    const query: [string, string][] = [["page", String(q.page)], ["limit", String(Math.min(q.limit, MAX_LIMIT))]];
    if (q.order) query.push(["order", q.order], ["dir", q.dir ?? "asc"]);
    (q.filters ?? []).forEach((f, i) => query.push([`filter[${i + 1}][attribute]`, f.attribute], [`filter[${i + 1}][${f.condition}]`, f.value]));
    const body = await request(`/${resource}`, query);
    const shape = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).safeParse(body);
    if (!shape.success) throw new ConnectorError("invalid_payload", `The ${SHOP} ${resource} list is not a list.`, false);
    return Array.isArray(shape.data) ? shape.data : Object.values(shape.data);
  }

  const seg = (id: string) => encodeURIComponent(id);
  return {
    apiRoot,
    request,
    list,
    getInvoice: (id: string) => request(`/invoices/${seg(id)}`),
    getCreditmemo: (id: string) => request(`/creditmemos/${seg(id)}`),
    getOrder: (id: string) => request(`/orders/${seg(id)}`),
  };
}
