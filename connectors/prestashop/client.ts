import { exchange, isOk, shopMessages, type Peer } from "../kit/http-exchange";
import type { ConnectorContext } from "../types";
import { ConnectorError } from "../types";
import { prestashopCredentialsSchema } from "./config";
import { httpError, looksLikeHtml } from "./errors";
import { listItems, singleItem } from "./schemas";

/**
 * HTTP to the PrestaShop webservice (webshop-apis.md §3): the key as the Basic user name with an
 * empty password, or as `?ws_key=` where the server drops the Authorization header; JSON through
 * `output_format=JSON`; `display`/`filter`/`sort`/`limit` lists; errors mapped to ConnectorError.
 * The base URL is the shop's root (or a sandbox tenant's); the API lives under `/api/`.
 */
export type Query = Record<string, string | number | undefined>;
export type PrestaShopClient = ReturnType<typeof createPrestaShopClient>;

export function createPrestaShopClient(ctx: ConnectorContext<unknown>, options: { auth?: "basic" | "ws_key" } = {}) {
  const parsed = prestashopCredentialsSchema.safeParse(ctx.credentials);
  if (!parsed.success) throw new ConnectorError("unauthorized", "The PrestaShop webservice key is missing. Connect the shop again with its webservice key.", false);
  const { apiKey, shopUrl } = parsed.data;
  const auth = options.auth ?? parsed.data.auth ?? "basic";
  const root = shopRoot(ctx.baseUrl || shopUrl || "");
  const peer = prestaShopPeer(root);

  /** GET /api/<path>?<query>&output_format=JSON → parsed JSON. */
  async function get(path: string, query: Query = {}): Promise<unknown> {
    const resource = path.split("/")[0] || "api";
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    params.set("output_format", "JSON");
    if (auth === "ws_key") params.set("ws_key", apiKey);
    const url = `${root}/api/${path}?${params.toString()}`;
    const headers: Record<string, string> = { accept: "application/json" };
    if (auth === "basic") headers.authorization = `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}`;

    const res = await exchange(ctx, peer, { method: "GET", url, headers });
    const text = res.text;
    if (!isOk(res)) throw httpError(res.status, text, path);
    if (looksLikeHtml(text)) {
      throw new ConnectorError("invalid_response", `The shop answered /api/${resource} with a web page instead of webservice data: check the shop URL and that friendly URLs / the webservice are on.`, false, { status: res.status, body: text.slice(0, 2000) });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Often a PHP notice printed before the JSON: a retry gives the same answer.
      const what = text.trim() ? `something that is not JSON (it starts with ${JSON.stringify(text.trim().slice(0, 60))})` : "an empty body";
      throw new ConnectorError("invalid_response", `PrestaShop answered /api/${resource} (HTTP ${res.status}) with ${what}.`, false, { status: res.status, body: text.slice(0, 2000) });
    }
  }

  /** One page of a list with full objects. */
  const list = async (resource: string, query: Query = {}) => listItems(await get(resource, { display: "full", ...query }), resource);

  /** Every item of a filtered list, `pageSize` at a time ("limit=offset,count"; no total is returned, so until a short page). */
  async function listAll(resource: string, query: Query = {}, pageSize = 100): Promise<unknown[]> {
    const all: unknown[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await list(resource, { ...query, limit: `${offset},${pageSize}` });
      all.push(...page);
      if (page.length < pageSize) return all;
    }
  }

  /** One resource by id; `singular` is its JSON key (order, customer, …). */
  const one = async (resource: string, singular: string, id: string) => singleItem(await get(`${resource}/${encodeURIComponent(id)}`), singular);

  return { get, list, listAll, one, root, auth };
}

/** The shop's root URL: what the merchant typed, without a trailing slash or a trailing /api. */
export function shopRoot(input: string): string {
  let text = input.trim();
  if (!text) throw new ConnectorError("invalid_settings", "The shop URL is missing.", false);
  if (!/^https?:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectorError("invalid_settings", `"${input}" is not a web address. Enter the address of the shop, e.g. https://www.myshop.nl.`, false);
  }
  url.search = "";
  url.hash = "";
  return url.toString().replace(/\/+$/, "").replace(/\/api$/i, "");
}

/** Secrets some resources carry (orders' and customers' secure_key, customers' password hash), kept out of the call log. */
export const redact = (text: string) => text.replace(/("(?:passwd|secure_key|reset_password_token)"\s*:\s*)"[^"]*"/g, '$1"[redacted]"');

/** The key, where it travels in the URL (`?ws_key=`), and the secrets in bodies. */
const redactForLog = (text: string) => redact(text).replace(/([?&]ws_key=)[^&]*/, "$1[redacted]");

const prestaShopPeer = (root: string): Peer => ({
  system: "prestashop",
  name: "PrestaShop",
  redact: redactForLog,
  messages: shopMessages("The shop", root),
});
