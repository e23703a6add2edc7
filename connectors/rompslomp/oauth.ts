import { retryAfterMs } from "../kit/retry-after";
import { ConnectorError } from "../types";
import { ROMPSLOMP_SCOPES, type OAuthApp, type RompslompCredentials } from "./config";
import { oauthErrorSchema, tokenResponseSchema } from "./schemas";
import { parseJson, send, type Transport } from "./transport";

/**
 * Rompslomp OAuth2 authorization-code flow (reference §1.1): the merchant consents at
 * `<base>/oauth/authorize`, we swap the code at `<base>/oauth/token`, and refresh before the
 * access token (2 hours) runs out. Refresh tokens rotate: each refresh returns a new one and the
 * old one stops working, so the caller must persist every new credential set.
 */

export type OAuthOptions = Transport & {
  /** https://api.rompslomp.nl, or the sandbox tenant's base URL. */
  baseUrl: string;
  app: OAuthApp;
  now?: () => number;
};

/** Refresh this long before expiry, so a slow booking never runs into an expired token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const DEFAULT_EXPIRES_IN_S = 7200;

const RECONNECT = "Reconnect Rompslomp in the Configuration tab (red Connect button) and allow access again.";

const root = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

export function authorizeUrl(p: { baseUrl: string; clientId: string; redirectUri: string; state: string; scope?: string }): string {
  const params = new URLSearchParams({
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    response_type: "code",
    scope: p.scope ?? ROMPSLOMP_SCOPES.join(" "),
    state: p.state,
  });
  return `${root(p.baseUrl)}/oauth/authorize?${params}`;
}

/** Reads the redirect back from Rompslomp: the code, or a plain-language refusal. */
export function parseCallback(params: URLSearchParams, expectedState: string): { code: string } {
  const error = params.get("error");
  if (error === "access_denied") {
    throw new ConnectorError("oauth_denied", "The connection with Rompslomp was declined. Click Connect again and choose Allow to let the integration book invoices.", false);
  }
  if (error) throw new ConnectorError("oauth_failed", `Rompslomp did not grant access (${params.get("error_description") ?? error}). Click Connect to try again.`, false);
  if (!expectedState || params.get("state") !== expectedState) {
    throw new ConnectorError("oauth_state_mismatch", "This Rompslomp authorization does not belong to this installation (state mismatch). Click Connect to start again.", false);
  }
  const code = params.get("code");
  if (!code) throw new ConnectorError("oauth_failed", "Rompslomp returned without an authorization code. Click Connect to try again.", false);
  return { code };
}

export function needsRefresh(credentials: Pick<RompslompCredentials, "accessToken" | "expiresAt">, now = Date.now(), marginMs = REFRESH_MARGIN_MS): boolean {
  if (!credentials.accessToken) return true;
  const expires = Date.parse(credentials.expiresAt);
  return Number.isNaN(expires) || expires - marginMs <= now;
}

export function exchangeCode(opts: OAuthOptions, p: { code: string; redirectUri: string }): Promise<RompslompCredentials> {
  return tokenRequest(opts, { grant_type: "authorization_code", code: p.code, redirect_uri: p.redirectUri }, "code");
}

export function refresh(opts: OAuthOptions, refreshToken: string): Promise<RompslompCredentials> {
  return tokenRequest(opts, { grant_type: "refresh_token", refresh_token: refreshToken }, "refresh");
}

async function tokenRequest(opts: OAuthOptions, grant: Record<string, string>, kind: "code" | "refresh"): Promise<RompslompCredentials> {
  const now = opts.now ?? Date.now;
  const body = new URLSearchParams({ ...grant, client_id: opts.app.clientId, client_secret: opts.app.clientSecret }).toString();
  const res = await send(opts, {
    method: "POST",
    url: `${root(opts.baseUrl)}/oauth/token`,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body,
    secrets: [opts.app.clientSecret, ...Object.values(grant).filter((v) => v !== grant.grant_type && v !== grant.redirect_uri)],
  });
  const json = parseJson(res.text);
  if (res.status === 200) {
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) throw new ConnectorError("unexpected_response", "Rompslomp's token answer was not understood.", false);
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: new Date(now() + (t.expires_in ?? DEFAULT_EXPIRES_IN_S) * 1000).toISOString(),
    };
  }
  throw tokenError(res.status, json, res.headers, kind, res.text);
}

function tokenError(status: number, json: unknown, headers: Headers, kind: "code" | "refresh", text: string): ConnectorError {
  const detail = { status, body: text.slice(0, 2000) };
  if (status === 429) {
    const wait = retryAfterMs(headers.get("retry-after"));
    return new ConnectorError("rate_limited", "Rompslomp asks us to slow down; we will try again.", true, { ...detail, retryAfterMs: wait });
  }
  if (status >= 500) return new ConnectorError("server_error", `Rompslomp's login service had a temporary problem (HTTP ${status}); we will try again.`, true, detail);
  const error = oauthErrorSchema.safeParse(json);
  const code = error.success ? error.data.error : "";
  if (code === "invalid_grant") {
    return kind === "refresh"
      ? new ConnectorError("oauth_revoked", `Rompslomp no longer accepts this connection: access was revoked or has expired. ${RECONNECT}`, false, detail)
      : new ConnectorError("oauth_code_invalid", "This Rompslomp authorization was already used or has expired. Click Connect to start again.", false, detail);
  }
  if (code === "invalid_client" || status === 401) {
    return new ConnectorError("oauth_client_invalid", "Rompslomp does not recognise this application (client id or secret is wrong). This is a configuration problem on our side; please report it.", false, detail);
  }
  const description = error.success ? (error.data.error_description ?? code) : `HTTP ${status}`;
  return new ConnectorError("oauth_failed", `Rompslomp refused the token request (${description}). ${RECONNECT}`, false, detail);
}
