import type { PrismaClient } from "../../lib/db/generated/client";

export type Logger = Pick<Console, "info" | "warn" | "error">;

export type ExecutorOptions = {
  /** Where events, runs, step memos and timers live (the app's database). */
  db: PrismaClient;
  /** Port on 127.0.0.1; 0 picks a free one. Default 8288, the dev server's. */
  port?: number;
  host?: string;
  /** The app's serve endpoint, synced at start (retried until the app answers). */
  serveUrl?: string;
  /** First retry delay; doubles per failed attempt (±25% jitter). Default 10 s. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often the database is polled for due runs besides the in-process timers. Default 1 s. */
  pollIntervalMs?: number;
  /** How long a run stays claimed without a heartbeat; a dead worker's runs resume after it. */
  leaseMs?: number;
  maxConcurrentRuns?: number;
  callTimeoutMs?: number;
  syncRetryMs?: number;
  /** Sync the app again this often (0: only at start). Useful in development. */
  resyncIntervalMs?: number;
  /**
   * Sign calls to the app (and require the SDK's key on /fn/register and checkpoints), as
   * Inngest Cloud does; the app's client must be in cloud mode with the same key. Unset: dev
   * mode, unsigned, like the Inngest dev server.
   */
  signingKey?: string;
  /** Let the SDK run consecutive steps in one request, reporting each to us first (default on). */
  checkpointing?: boolean;
  /** Finished runs and events are deleted after this many days (0: kept forever). Default 30. */
  retentionDays?: number;
  /** Only executor on this database (embedded PGlite): leases left at start belong to a dead process. */
  resumeLeasesOnStart?: boolean;
  now?: () => number;
  random?: () => number;
  logger?: Logger;
};

export type ResolvedOptions = Required<Omit<ExecutorOptions, "serveUrl" | "signingKey">> & { serveUrl?: string; signingKey?: string };

export function resolveOptions(o: ExecutorOptions): ResolvedOptions {
  return {
    db: o.db,
    port: o.port ?? 8288,
    host: o.host ?? "127.0.0.1",
    serveUrl: o.serveUrl,
    signingKey: o.signingKey,
    backoffBaseMs: o.backoffBaseMs ?? 10_000,
    backoffMaxMs: o.backoffMaxMs ?? 3_600_000,
    pollIntervalMs: o.pollIntervalMs ?? 1_000,
    leaseMs: o.leaseMs ?? 30_000,
    maxConcurrentRuns: o.maxConcurrentRuns ?? 64,
    callTimeoutMs: o.callTimeoutMs ?? 15 * 60_000,
    syncRetryMs: o.syncRetryMs ?? 500,
    resyncIntervalMs: o.resyncIntervalMs ?? 0,
    checkpointing: o.checkpointing ?? true,
    resumeLeasesOnStart: o.resumeLeasesOnStart ?? false,
    retentionDays: o.retentionDays ?? 30,
    now: o.now ?? Date.now,
    random: o.random ?? Math.random,
    logger: o.logger ?? console,
  };
}
