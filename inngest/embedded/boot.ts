import { isEmbedded, type Env } from "../../lib/config/env";
import { db } from "../../lib/db/client";
import { embeddedKey, embeddedServeUrl } from "./app-config";
import { startExecutor, type EmbeddedExecutor } from "./executor";

const globalForExecutor = globalThis as unknown as { __inngestEmbedded?: Promise<EmbeddedExecutor | undefined> };

/**
 * Starts the embedded executor once per process (Next.js may load the boot code in more than
 * one bundle). It syncs the app by itself as soon as the app answers on its serve URL.
 */
export function startEmbeddedExecutor(e: Env): Promise<EmbeddedExecutor | undefined> {
  globalForExecutor.__inngestEmbedded ??= (async () => {
    const serveUrl = embeddedServeUrl(e);
    try {
      const executor = await startExecutor({
        db: db(),
        port: e.INNGEST_EMBEDDED_PORT,
        serveUrl,
        signingKey: embeddedKey(e),
        // `next dev`: pick up added or edited functions without a restart, like the dev server.
        resyncIntervalMs: e.NODE_ENV === "development" ? 5_000 : 0,
        // PGlite has one owner, this process: leases left in it are from a previous life.
        resumeLeasesOnStart: isEmbedded(e),
      });
      console.info(`[boot] embedded Inngest executor on ${executor.url} (runs: /ops/runs), syncing ${serveUrl}`);
      return executor;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
      console.error(
        `[boot] port ${e.INNGEST_EMBEDDED_PORT} is taken (an Inngest dev server, or another instance of this app?): ` +
          "the embedded executor is NOT running, so background jobs will not run. " +
          "Set INNGEST_EMBEDDED_PORT to a free port, or INNGEST_DEV=1 to use the Inngest dev server.",
      );
      return undefined;
    }
  })();
  return globalForExecutor.__inngestEmbedded;
}
