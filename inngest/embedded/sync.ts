import { request } from "./http";
import type { Registry } from "./registry";
import { inBandSyncResponseSchema, type FunctionConfig } from "./schemas";
import { canonicalJson, signature } from "./signing";
import type { Store } from "./store";

type Log = (level: "info" | "warn" | "error", msg: string) => void;

/**
 * Registration. The app's serve handler is synced in-band (PUT with x-inngest-sync-kind: in_band;
 * the configs come back in the answer), retrying until the app answers, since at boot the
 * executor starts before Next.js listens. POST /fn/register (out-of-band sync, e.g. after a
 * manual `curl -X PUT /api/inngest`) lands in `apply` too. Configs are stored, so runs and crons
 * work from the last known configs before the first sync of a restart.
 */
export class Sync {
  private stopped = false;
  private syncedOnce = false;
  /** What each app last registered: an unchanged re-sync writes nothing. */
  private lastSeen = new Map<string, string>();
  private resyncTimer?: NodeJS.Timeout;
  private listeners: (() => void)[] = [];

  constructor(
    private store: Store,
    private registry: Registry,
    private log: Log,
    private opts: { serveUrl?: string; signingKey?: string; now: () => number },
  ) {}

  async loadStored(): Promise<void> {
    for (const app of await this.store.loadApps()) this.registry.setApp(app.appId, app.configs);
  }

  /**
   * Where an out-of-band registration may point us: the configured serve URL only. The SDK
   * derives the URL from the Host of whoever sent the PUT, so without this check anyone could
   * make us send runs (events, step results) to their own server.
   */
  allowedUrl(url: string): boolean {
    if (!this.opts.serveUrl) return true;
    const a = new URL(url), b = new URL(this.opts.serveUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  }

  /** Stores an app's functions and makes them live. */
  async apply(appId: string, url: string, configs: FunctionConfig[]): Promise<void> {
    const fingerprint = JSON.stringify([url, configs]);
    if (this.lastSeen.get(appId) !== fingerprint) {
      await this.store.saveApp(appId, url, configs);
      const live = this.registry.setApp(appId, configs);
      this.lastSeen.set(appId, fingerprint);
      this.log("info", `[inngest-embedded] synced app ${appId}: ${live.length} function(s) at ${url}`);
    }
    this.syncedOnce = true;
    for (const l of this.listeners.splice(0)) l();
  }

  /** Called once, after the first successful sync (in-band or out-of-band). */
  onFirstSync(listener: () => void): void {
    if (this.syncedOnce) listener();
    else this.listeners.push(listener);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.resyncTimer);
  }

  /** Re-syncs every `intervalMs` (development: edited functions are picked up without a restart). */
  resyncEvery(serveUrl: string, intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.resyncTimer = setInterval(() => {
      if (this.syncedOnce && !this.stopped) this.syncOnce(serveUrl).catch(() => undefined);
    }, intervalMs);
    this.resyncTimer.unref();
  }

  /** PUTs the serve URL until the app answers and the sync succeeds. */
  async syncUntilDone(serveUrl: string, retryMs: number): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.syncOnce(serveUrl);
        return;
      } catch (err) {
        if (attempt === 1 || attempt % 20 === 0) {
          this.log(attempt === 1 ? "info" : "warn", `[inngest-embedded] waiting for the app at ${serveUrl} to sync (${(err as Error).message})`);
        }
        await new Promise((r) => setTimeout(r, retryMs));
      }
    }
  }

  async syncOnce(serveUrl: string): Promise<void> {
    const body = canonicalJson({ url: serveUrl });
    const res = await request("PUT", serveUrl, body, {
      "content-type": "application/json",
      "x-inngest-sync-kind": "in_band",
      ...(this.opts.signingKey ? { "x-inngest-signature": signature(body, this.opts.signingKey, this.opts.now()) } : {}),
    }, 60_000);
    if (res.status !== 200) throw new Error(`sync answered HTTP ${res.status}: ${res.body.slice(0, 300)}`);
    // The app may refuse in-band sync (INNGEST_ALLOW_IN_BAND_SYNC=0): then it has already
    // registered out-of-band through POST /fn/register, and answered with its outcome.
    if (res.headers["x-inngest-sync-kind"] !== "in_band") return;
    const parsed = inBandSyncResponseSchema.safeParse(JSON.parse(res.body));
    if (!parsed.success) throw new Error(`unexpected sync answer: ${parsed.error.message}`);
    await this.apply(parsed.data.app_id, parsed.data.url, parsed.data.functions);
  }
}
