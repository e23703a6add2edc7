import type { ExternalCallRecord } from "../types";
import { ConnectorError } from "../types";
import { requestTokens, type TokenRequest } from "../magento2/token-request";
import type { Magento1Credentials } from "./config";
import { shopUrls } from "./urls";

/**
 * Magento 1.9's 3-legged OAuth 1.0a (webshop-apis.md §1b; manual chapter 5, the yellow Connect
 * button), one library function per leg for the app's routes:
 *  1. initiate(): POST <store>/oauth/initiate with oauth_callback → request token; send the
 *     merchant's browser to the returned authorizeUrl (<admin URL>/oauth_authorize?oauth_token=…).
 *  2. The admin logs in and clicks Authorize; Magento redirects to our callback with oauth_token
 *     and oauth_verifier → parseAuthorizeCallback().
 *  3. exchangeAccessToken(): POST <store>/oauth/token → the access token and secret to store.
 * Signed with HMAC-SHA1, the method Magento 1 clients use.
 */
const SHOP = "Magento 1.9";

type Common = { fetch?: typeof fetch; onCall?: (call: ExternalCallRecord) => void; timeoutMs?: number };

export async function initiate(input: Common & { adminUrl: string; consumerKey: string; consumerSecret: string; callbackUrl: string }) {
  const { adminBaseUrl, storeBaseUrl } = shopUrls(input.adminUrl);
  const answer = await tokens(input, `${storeBaseUrl}/oauth/initiate`, { consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, extra: { oauth_callback: input.callbackUrl } });
  return {
    requestToken: answer.oauth_token,
    /** Keep it (sealed) until the callback: the token exchange is signed with it. */
    requestTokenSecret: answer.oauth_token_secret,
    authorizeUrl: `${adminBaseUrl}/oauth_authorize?oauth_token=${encodeURIComponent(answer.oauth_token)}`,
    storeBaseUrl,
  };
}

/** Step 2: the redirect back from the admin. Without a verifier the admin refused (or the link was altered). */
export function parseAuthorizeCallback(requestUrl: string | URL): { requestToken: string; verifier: string } {
  const url = new URL(requestUrl);
  const requestToken = url.searchParams.get("oauth_token")?.trim();
  const verifier = url.searchParams.get("oauth_verifier")?.trim();
  if (!requestToken || !verifier) {
    throw new ConnectorError("access_denied", `The ${SHOP} admin did not authorize the connection. Click Connect again and choose Authorize.`, false);
  }
  return { requestToken, verifier };
}

export async function exchangeAccessToken(input: Common & {
  adminUrl: string; consumerKey: string; consumerSecret: string; requestToken: string; requestTokenSecret: string; verifier: string;
}): Promise<Magento1Credentials & { storeBaseUrl: string }> {
  const { storeBaseUrl } = shopUrls(input.adminUrl);
  const answer = await tokens(input, `${storeBaseUrl}/oauth/token`, {
    consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, token: input.requestToken, tokenSecret: input.requestTokenSecret, extra: { oauth_verifier: input.verifier },
  });
  return { consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, accessToken: answer.oauth_token, accessTokenSecret: answer.oauth_token_secret, storeBaseUrl };
}

/** One leg's signed POST (HMAC-SHA1, Magento 1's usual method), its problems read the Magento 1 way. */
const tokens = (common: Common, url: string, sign: Omit<TokenRequest["sign"], "signatureMethod">) =>
  requestTokens({ url, sign: { ...sign, signatureMethod: "HMAC-SHA1" }, system: "magento1", shopName: SHOP, problem: oauthProblem, fetch: common.fetch, onCall: common.onCall, timeoutMs: common.timeoutMs });

/** Magento 1's oauth_problem codes (Mage_Oauth_Model_Server) in the merchant's words. */
function oauthProblem(status: number, problem: string | undefined): ConnectorError {
  const code = problem?.split("&")[0];
  const said = problem ? ` Magento said: "oauth_problem=${problem}"` : "";
  switch (code) {
    case "signature_invalid":
      return new ConnectorError("invalid_signature", `${SHOP} refused the signature: the consumer secret does not belong to the consumer key. Copy both again from System > Web Services > REST - OAuth Consumers.${said}`, false, { status });
    case "consumer_key_rejected":
      return new ConnectorError("invalid_credentials", `${SHOP} does not know this consumer key. Copy it again from System > Web Services > REST - OAuth Consumers.${said}`, false, { status });
    case "parameter_rejected":
      return new ConnectorError("callback_rejected", `${SHOP} did not accept our callback address. Set the consumer's Callback URL to this integration's callback address.${said}`, false, { status });
    case "token_rejected":
    case "token_used":
    case "verifier_invalid":
    case "token_expired":
      return new ConnectorError("token_exchange_failed", `${SHOP} did not accept the authorization (it was used or is no longer valid). Click Connect again.${said}`, false, { status });
    case "nonce_used":
    case "timestamp_refused":
      return new ConnectorError("token_exchange_failed", `${SHOP} refused the request's timestamp or nonce; check that the shop server's clock is right, then click Connect again.${said}`, false, { status });
    default:
      if (status >= 500) return new ConnectorError("unavailable", `${SHOP} failed while issuing the OAuth tokens (HTTP ${status}).${said}`, true, { status });
      return new ConnectorError("token_exchange_failed", `${SHOP} refused to issue the OAuth tokens (HTTP ${status}).${said}`, false, { status });
  }
}
