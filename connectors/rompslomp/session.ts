import { ConnectorError, type ConnectorContext } from "../types";
import { createRompslompClient, type RompslompClient } from "./client";
import { isSandboxBaseUrl, rompslompCredentialsSchema, sandboxOAuthApp, type OAuthApp, type RompslompCredentials } from "./config";
import { needsRefresh, refresh } from "./oauth";

/** How a connector keeps its OAuth tokens fresh; the caller owns storage. */
export type RompslompAuthOptions = {
  /** The app's Rompslomp OAuth client. Defaults to `sandboxOAuthApp` for sandbox base URLs. */
  oauthApp?: OAuthApp;
  /** Where /oauth/token lives when it differs from ctx.baseUrl (it does not, for Rompslomp or the sandbox). */
  oauthBaseUrl?: string;
  /** Called with every new credential set (refresh tokens rotate: persist it, or the connection is lost). */
  onTokens?: (credentials: RompslompCredentials) => Promise<void> | void;
  /** Same as onTokens, in the shape of connectors/registry.ts's TargetFactory hooks. */
  onCredentials?: (credentials: Record<string, unknown>) => Promise<void> | void;
  /**
   * Reads the stored credentials again. Used when our refresh token is refused: another process may
   * have refreshed first (rotation), and then the stored set is newer than ours.
   */
  reloadCredentials?: () => Promise<unknown>;
  now?: () => number;
};

export type RompslompSession = {
  /** Runs `fn` with a fresh access token; on a 401 refreshes once and runs it again. */
  authorized<T>(fn: (client: RompslompClient) => Promise<T>): Promise<T>;
  credentials(): RompslompCredentials;
};

/**
 * Refreshes in flight (and just finished) in this process, by the refresh token they used. With
 * rotating refresh tokens, two sessions refreshing the same token at once would see the second
 * refused as "revoked"; instead the second gets the first one's result. Kept a minute, so a
 * session built from credentials read just before the refresh finds the new ones too.
 */
const refreshes = new Map<string, Promise<RompslompCredentials>>();
const REMEMBER_MS = 60_000;

function sharedRefresh(oauth: Parameters<typeof refresh>[0], refreshToken: string): Promise<RompslompCredentials> {
  const key = `${oauth.baseUrl} ${refreshToken}`;
  const known = refreshes.get(key);
  if (known) return known;
  const running = refresh(oauth, refreshToken);
  refreshes.set(key, running);
  const forget = () => { refreshes.delete(key); };
  running.then(
    () => { setTimeout(forget, REMEMBER_MS).unref?.(); },
    forget, // a failed refresh is not remembered: the next attempt asks Rompslomp again
  );
  return running;
}

function parseCredentials(value: unknown): RompslompCredentials {
  const parsed = rompslompCredentialsSchema.safeParse(value);
  if (!parsed.success) throw new ConnectorError("not_connected", "Rompslomp is not connected. Click Connect in the Configuration tab.", false);
  return parsed.data;
}

export function createSession(ctx: ConnectorContext<unknown>, auth: RompslompAuthOptions = {}): RompslompSession {
  const now = auth.now ?? Date.now;
  let creds = parseCredentials(ctx.credentials);
  let inflight: Promise<void> | null = null;
  const app = auth.oauthApp ?? (isSandboxBaseUrl(ctx.baseUrl) ? sandboxOAuthApp : undefined);
  const transport = { fetch: ctx.fetch, onCall: ctx.onCall, timeoutMs: ctx.timeoutMs };
  const client = createRompslompClient({ ...transport, baseUrl: ctx.baseUrl, token: () => creds.accessToken });

  async function store(next: RompslompCredentials) {
    creds = next;
    await auth.onTokens?.(next);
    await auth.onCredentials?.(next);
  }

  async function refreshNow(): Promise<void> {
    if (!app) throw new ConnectorError("oauth_not_configured", "The Rompslomp OAuth application is not configured on this server; please report it.", false);
    const oauth = { ...transport, baseUrl: auth.oauthBaseUrl ?? ctx.baseUrl, app, now };
    try {
      await store(await sharedRefresh(oauth, creds.refreshToken));
    } catch (err) {
      if (!(err instanceof ConnectorError) || err.code !== "oauth_revoked" || !auth.reloadCredentials) throw err;
      const stored = rompslompCredentialsSchema.safeParse(await auth.reloadCredentials());
      if (!stored.success || stored.data.refreshToken === creds.refreshToken) throw err;
      creds = stored.data; // someone else refreshed first: their tokens are the live ones
      if (needsRefresh(creds, now())) await store(await sharedRefresh(oauth, creds.refreshToken));
    }
  }

  // One refresh at a time: with rotating refresh tokens a second concurrent refresh would be refused.
  const refreshOnce = () => (inflight ??= refreshNow().finally(() => { inflight = null; }));

  return {
    credentials: () => creds,
    async authorized(fn) {
      let refreshed = false;
      if (needsRefresh(creds, now())) {
        await refreshOnce();
        refreshed = true;
      }
      try {
        return await fn(client);
      } catch (err) {
        if (!(err instanceof ConnectorError) || err.code !== "unauthorized" || refreshed) throw err;
        await refreshOnce(); // revoked refresh token → oauth_revoked, which turns the connection red
        return fn(client);
      }
    },
  };
}
