import { exchange, isOk, shopMessages, type Peer } from "../kit/http-exchange";
import type { ConnectorContext, SourceSystem } from "../types";
import { ConnectorError } from "../types";
import { httpError, looksLikeHtml, type ErrorAdvice } from "./errors";

/**
 * One JSON GET to a Magento REST API (2.x or 1.9): authorization header, timeout, the call recorded
 * for "More info" (no secrets: they travel in headers, which are not recorded), and every kind of
 * bad answer turned into a precise ConnectorError.
 */
export type MagentoHttp = {
  system: Extract<SourceSystem, "magento2" | "magento1">;
  shopName: string;
  authorization(method: string, url: string): string;
  advice?: ErrorAdvice;
};

export async function magentoGet(ctx: ConnectorContext<unknown>, http: MagentoHttp, url: string): Promise<unknown> {
  const peer: Peer = { system: http.system, name: http.shopName, messages: shopMessages(http.shopName, new URL(url).origin) };
  const res = await exchange(ctx, peer, { method: "GET", url, headers: { accept: "application/json", authorization: http.authorization("GET", url) } });
  const contentType = res.headers.get("content-type");
  if (!isOk(res)) throw httpError({ status: res.status, body: res.text, contentType, retryAfter: res.headers.get("retry-after"), url, system: http.shopName, advice: http.advice });
  return parseJsonBody(res.text, res.status, contentType, url, http);
}

/** A 2xx body as JSON, or a precise error: a web page instead of the API, empty, or broken JSON. */
function parseJsonBody(text: string, status: number, contentType: string | null, url: string, http: MagentoHttp): unknown {
  const shop = http.shopName;
  if (looksLikeHtml(text, contentType)) {
    const advice = http.advice?.apiNotFound ?? "Check the webshop address, and that /rest is not rewritten to the storefront (.htaccess, redirects).";
    throw new ConnectorError("api_not_found", `${shop} answered ${url} with a web page instead of the REST API's JSON. ${advice}`, false, { status, body: text.slice(0, 2000) });
  }
  if (!text.trim()) throw new ConnectorError("invalid_response", `${shop} answered HTTP ${status} with an empty body where JSON was expected (${url}).`, true, { status });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const start = text.trim().slice(0, 80);
    throw new ConnectorError(
      "invalid_response",
      `${shop}'s answer is not valid JSON (it starts with ${JSON.stringify(start)}). Output from a PHP notice or an extension can break the API; ask your Magento developer to switch off display_errors.`,
      false,
      { status, body: text.slice(0, 2000) },
    );
  }
}
