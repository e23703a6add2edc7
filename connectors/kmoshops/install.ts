import { ConnectorError } from "../types";
import type { KmoCredentials } from "./config";
import { APP_STORE_INSTALL_PATH, INSTALL_HEADERS, INSTALL_MAX_AGE_MS, INSTALL_REDIRECT_PARAMS as P, installCallSignature, installRedirectSignature, sameSignature } from "./contract";
import { handshakeSchema, uninstallSchema } from "./schemas";

/**
 * The KMO Shops app-store install (contract.ts, README "Install"), as pure functions for the app's
 * routes:
 *  1. Handshake (server to server): verifyHandshake → the shop's credentials and API root, plus the
 *     `state` our install link carried. Store them on the integration, then answer HTTP 200.
 *  2. Redirect (the merchant's browser): verifyInstallRedirect → shop id and state; send the
 *     merchant on to the wizard, where the webshop is already connected.
 *  3. Uninstall: verifyUninstall → the shop id whose credentials to forget.
 * The URLs are the ones registered in KMO's app store; the app secret comes with the registration.
 */
export type KmoInstallHandshake = {
  credentials: KmoCredentials;
  /** The shop's API root: the source connection's baseUrl. */
  baseUrl: string;
  shopName?: string;
  /** What our install link passed (e.g. a signed license key); undefined when the merchant started in the shop backend. */
  state?: string;
  /** The shop backend's app page, to send the merchant back to after the wizard. */
  returnUrl?: string;
};

const refused = (what: string, why: string) => new ConnectorError("invalid_signature", `The KMO Shops ${what} ${why}`, false);

/** The signed timestamp (Unix seconds) must be recent: an intercepted call cannot be replayed later. */
function checkFresh(timestamp: string | null | undefined, what: string, now: number) {
  if (!timestamp || !/^\d{9,11}$/.test(timestamp.trim())) throw refused(what, "has no valid timestamp.");
  if (Math.abs(now - Number(timestamp.trim()) * 1000) > INSTALL_MAX_AGE_MS) throw refused(what, "is too old (or the clocks differ by more than 10 minutes); start the installation again.");
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConnectorError("invalid_payload", `The KMO Shops ${what} is not valid JSON.`, false);
  }
}

/** Signed server-to-server calls (handshake, uninstall): timestamp header, then HMAC over `<timestamp>.<raw body>`. */
function verifySignedCall(input: { rawBody: string; headers: Headers; appSecret: string; now?: number }, what: string): unknown {
  const timestamp = input.headers.get(INSTALL_HEADERS.timestamp);
  checkFresh(timestamp, what, input.now ?? Date.now());
  if (!sameSignature(installCallSignature(input.appSecret, timestamp!.trim(), input.rawBody), input.headers.get(INSTALL_HEADERS.signature))) {
    throw refused(what, "is not signed with our app secret.");
  }
  return parseJson(input.rawBody, what);
}

/** Step 1. Throws ConnectorError("invalid_signature" | "invalid_payload"); on success store and answer HTTP 200. */
export function verifyHandshake(input: { rawBody: string; headers: Headers; appSecret: string; now?: number }): KmoInstallHandshake {
  const parsed = handshakeSchema.safeParse(verifySignedCall(input, "install handshake"));
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || "(body)";
    throw new ConnectorError("invalid_payload", `The KMO Shops install handshake has no valid "${field}".`, false);
  }
  const h = parsed.data;
  return {
    credentials: { shopId: h.shop_id, apiKey: h.api_key, webhookSecret: h.webhook_secret },
    baseUrl: h.api_root.replace(/\/+$/, ""),
    shopName: h.shop_name?.trim() || undefined,
    state: h.state?.trim() || undefined,
    returnUrl: h.return_url ?? undefined,
  };
}

/** Step 2, the install URL's GET: checks the query's signature and age; returns whose handshake this completes. */
export function verifyInstallRedirect(input: { requestUrl: string | URL; appSecret: string; now?: number }): { shopId: string; state?: string; language?: string } {
  const query = new URL(input.requestUrl).searchParams;
  const shopId = query.get(P.shopId)?.trim();
  if (!shopId) throw new ConnectorError("invalid_payload", `The KMO Shops install link has no ${P.shopId}.`, false);
  checkFresh(query.get(P.timestamp), "install link", input.now ?? Date.now());
  if (!sameSignature(installRedirectSignature(input.appSecret, query), query.get(P.signature))) throw refused("install link", "is not signed with our app secret.");
  return { shopId, state: query.get(P.state)?.trim() || undefined, language: query.get(P.language) ?? undefined };
}

/** Step 3: the shop id whose credentials (and webhooks) to forget. */
export function verifyUninstall(input: { rawBody: string; headers: Headers; appSecret: string; now?: number }): { shopId: string } {
  const parsed = uninstallSchema.safeParse(verifySignedCall(input, "uninstall call"));
  if (!parsed.success) throw new ConnectorError("invalid_payload", "The KMO Shops uninstall call has no shop_id.", false);
  return { shopId: parsed.data.shop_id };
}

/**
 * Where our wizard's Connect button sends the merchant: the app-store page of their shop, which
 * installs our app and passes `state` through the handshake and the redirect.
 */
export function appStoreInstallLink(shopUrl: string, input: { appId: string; state: string }): string {
  const url = new URL(shopUrl.replace(/\/+$/, "") + APP_STORE_INSTALL_PATH);
  url.searchParams.set("app", input.appId);
  url.searchParams.set("state", input.state);
  return url.toString();
}
