import type { ExternalCallRecord } from "../types";
import { ConnectorError } from "../types";
import type { Magento2Credentials } from "./config";
import { parseFormEncoded, type SignatureMethod } from "./oauth1";
import { requestTokens } from "./token-request";

/**
 * The Magento 2 integration activation handshake (manual chapter 4; webshop-apis.md §1.1), as pure
 * library functions the app's routes call:
 *  1. Callback URL  https://<app>/…/magento2/callback?cikey=<license key>
 *     Magento POSTs (form-encoded) oauth_consumer_key, oauth_consumer_secret, store_base_url and
 *     oauth_verifier → parseActivationCallback(); store them; answer HTTP 200.
 *  2. Identity link URL  https://<app>/…/magento2/identity?oauth_consumer_key=…&success_call_back=…
 *     Magento opens it in a popup → parseIdentityLink(); show the form where the merchant enters the
 *     webshop domain and the connection key and consents → verifyConsent().
 *  3. exchangeTokens(): request token, then access token, signed with OAuth 1.0a against the store;
 *     store the four credentials; send the browser to success_call_back.
 * Magento lets the exchange happen only within the "Consumer Key Expiration Period" (300 s by
 * default) after activation; later it fails with consumer_key_expired.
 */
export type ActivationCallback = {
  licenseKey: string;
  consumerKey: string;
  consumerSecret: string;
  /** The store's base URL (with a trailing slash as Magento sends it): the connection's baseUrl. */
  storeBaseUrl: string;
  verifier: string;
};

/** Step 1: the POST to the callback URL. Throws ConnectorError("invalid_payload") naming what is missing. */
export function parseActivationCallback(input: { requestUrl: string | URL; rawBody: string; contentType?: string | null }): ActivationCallback {
  const licenseKey = new URL(input.requestUrl).searchParams.get("cikey")?.trim();
  if (!licenseKey) {
    throw new ConnectorError("invalid_payload", "The Magento callback has no license key: the integration's Callback URL must end in ?cikey=<your license key>.", false);
  }
  const fields = bodyFields(input.rawBody, input.contentType);
  const need = (name: string) => {
    const value = fields[name]?.trim();
    if (!value) throw new ConnectorError("invalid_payload", `The Magento activation callback has no "${name}".`, false);
    return value;
  };
  const storeBaseUrl = need("store_base_url");
  if (!/^https?:\/\/[^/\s]+/i.test(storeBaseUrl)) throw new ConnectorError("invalid_payload", `The Magento activation callback's store_base_url is not a web address: ${JSON.stringify(storeBaseUrl)}.`, false);
  return { licenseKey, consumerKey: need("oauth_consumer_key"), consumerSecret: need("oauth_consumer_secret"), storeBaseUrl, verifier: need("oauth_verifier") };
}

/** Step 2: the identity link Magento opens: which consumer, and where to send the browser when done. */
export function parseIdentityLink(requestUrl: string | URL): { consumerKey: string; successCallback: string } {
  const url = new URL(requestUrl);
  const consumerKey = url.searchParams.get("oauth_consumer_key")?.trim();
  const successCallback = url.searchParams.get("success_call_back")?.trim();
  if (!consumerKey) throw new ConnectorError("invalid_payload", "The identity link has no oauth_consumer_key. Start again with Activate in Magento.", false);
  if (!successCallback || !/^https?:\/\//i.test(successCallback)) throw new ConnectorError("invalid_payload", "The identity link has no valid success_call_back. Start again with Activate in Magento.", false);
  return { consumerKey, successCallback };
}

/** "www.Shop.nl", "https://shop.nl/", "shop.nl/store" → "shop.nl" (the host without www.). */
export const shopDomain = (value: string) =>
  value.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/[/?#:].*$/, "").replace(/^www\./, "");

/**
 * Step 2's form: the webshop domain must be the store that called back, the connection key the
 * integration's license key. Throws ConnectorError("consent_mismatch") saying which one is wrong.
 */
export function verifyConsent(input: { domain: string; connectionKey: string }, activation: Pick<ActivationCallback, "storeBaseUrl" | "licenseKey">): void {
  if (input.connectionKey.trim().toUpperCase() !== activation.licenseKey.trim().toUpperCase()) {
    throw new ConnectorError("consent_mismatch", "That connection key is not the one for this integration. Use the license key from the registration e-mail.", false);
  }
  const expected = shopDomain(activation.storeBaseUrl);
  if (shopDomain(input.domain) !== expected) {
    throw new ConnectorError("consent_mismatch", `The webshop domain does not match the shop that activated the integration (${expected}).`, false);
  }
}

export type ExchangeInput = {
  storeBaseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  verifier: string;
  signatureMethod?: SignatureMethod;
  fetch?: typeof fetch;
  onCall?: (call: ExternalCallRecord) => void;
  timeoutMs?: number;
};

/** Step 3: POST /oauth/token/request, then POST /oauth/token/access; returns the four credentials. */
export async function exchangeTokens(input: ExchangeInput): Promise<Magento2Credentials> {
  const base = input.storeBaseUrl.replace(/\/+$/, "");
  const common = { system: "magento2" as const, shopName: "Magento", problem: tokenError, fetch: input.fetch, onCall: input.onCall, timeoutMs: input.timeoutMs };
  const consumer = { consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, signatureMethod: input.signatureMethod ?? "HMAC-SHA256" };
  const request = await requestTokens({ ...common, url: `${base}/oauth/token/request`, sign: consumer });
  const access = await requestTokens({
    ...common,
    url: `${base}/oauth/token/access`,
    sign: { ...consumer, token: request.oauth_token, tokenSecret: request.oauth_token_secret, extra: { oauth_verifier: input.verifier } },
  });
  return { consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, accessToken: access.oauth_token, accessTokenSecret: access.oauth_token_secret };
}

function tokenError(status: number, problem: string | undefined): ConnectorError {
  const said = problem ? ` Magento said: "${problem}"` : "";
  if (problem && /consumer key has expired/i.test(problem)) {
    return new ConnectorError(
      "consumer_key_expired",
      `Magento's consumer key has expired: the keys may only be exchanged within the Consumer Key Expiration Period (300 seconds by default) after activation. Click Reauthorize at the integration in Magento and consent again right away.${said}`,
      false,
      { status },
    );
  }
  if (problem && /signature/i.test(problem)) {
    return new ConnectorError("invalid_signature", `Magento refused the signature of the token request: the consumer secret does not match the consumer key.${said}`, false, { status });
  }
  if (status >= 500) return new ConnectorError("unavailable", `Magento failed while issuing the OAuth tokens (HTTP ${status}).${said}`, true, { status });
  return new ConnectorError("token_exchange_failed", `Magento refused to issue the OAuth tokens (HTTP ${status}). Click Reauthorize at the integration in Magento and try again.${said}`, false, { status });
}

function bodyFields(rawBody: string, contentType: string | null | undefined): Record<string, string> {
  if (/json/i.test(contentType ?? "") || /^\s*\{/.test(rawBody)) {
    try {
      const parsed = JSON.parse(rawBody) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === "string") as [string, string][]);
    } catch {
      throw new ConnectorError("invalid_payload", "The Magento activation callback's body is not valid JSON.", false);
    }
  }
  return parseFormEncoded(rawBody);
}
