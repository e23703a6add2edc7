import { NonRetriableError } from "inngest";
import { db } from "@/lib/db/client";
import { canFetch } from "@/lib/integrations/lifecycle";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { attempt } from "@/lib/pipeline/attempt";
import { callRecorder } from "@/lib/pipeline/call-recorder";
import { recordConnectionHealth } from "@/lib/pipeline/connection-health";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { receiveNotices } from "@/lib/pipeline/receive-document";
import { startDateOf } from "@/lib/pipeline/start-date";
import { inngest } from "../client";
import { documentProcessRequested, integrationSyncRequested } from "../events";
import { alertsErrorRecorded } from "./alerts-events";

/** Batches one run walks before it hands over to a fresh run (keeps each run's step history short). */
const MAX_BATCHES_PER_RUN = 20;

/**
 * "Fetch now" and the scheduled poll: fetch what is new in the shop of one integration. Shops that
 * poll (Magento, PrestaShop, the KMO backstop) are asked for what changed since the stored cursor,
 * batch by batch; each document is recorded once and queued for booking, then the cursor moves on.
 * Webhook-only shops just record the sync. A paused integration keeps fetching (its documents
 * are held on the Open tab); a cancelled or unfinished one fetches nothing. One run at a time per integration, so a cursor is never
 * walked twice in parallel.
 */
export const syncIntegration = inngest.createFunction(
  {
    id: "sync-integration",
    triggers: [integrationSyncRequested],
    concurrency: { limit: 1, key: "event.data.licenseKey" },
    retries: 4,
  },
  async ({ event, step }) => {
    const integration = await step.run("load-integration", () =>
      db().integration.findUnique({
        where: { licenseKey: event.data.licenseKey },
        select: { id: true, status: true, sourceSystem: true },
      }),
    );
    if (!integration) throw new NonRetriableError(`No integration has license key ${event.data.licenseKey}.`);
    if (!canFetch(integration.status)) return { skipped: `integration is ${integration.status}` };

    const loaded = await loadIntegration(db(), integration.id);
    const calls = callRecorder();
    let source;
    try {
      source = connectorsFor(loaded, calls.onCall).source;
    } catch (err) {
      throw new NonRetriableError(`Cannot fetch for ${event.data.licenseKey}: ${(err as Error).message}`);
    }
    let queued = 0;
    let found = 0;
    if (source.pollChanges) {
      const startDate = startDateOf(loaded);
      for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
        const polled = await step.run(`poll-${batch}`, async () => {
          const row = await db().integration.findUniqueOrThrow({ where: { id: integration.id }, select: { syncCursor: true } });
          try {
            const result = await attempt(() => source.pollChanges!({ cursor: row.syncCursor, startDate }));
            if (!result.ok) {
              const dead = await recordConnectionHealth(db(), integration.id, "source", result.failure);
              return { failure: result.failure, dead };
            }
            const toProcess = await receiveNotices(db(), integration.id, result.value.notices, { booked: "compare" });
            // The cursor moves only after every notice of the batch is recorded: a crash re-reads the batch, never skips it.
            await db().integration.update({ where: { id: integration.id }, data: { syncCursor: result.value.cursor } });
            // Documents listed again from the look-back window are no news.
            return { toProcess, found: result.value.notices.filter((n) => !n.recheck).length, more: result.value.more };
          } finally {
            await calls.save(db(), integration.id);
          }
        });
        if ("failure" in polled) {
          // Dead credentials: "reconnect needed" (lib/alerts), decided in its own run.
          if (polled.dead) await step.sendEvent("alert-error", alertsErrorRecorded.create({ integrationId: integration.id, subject: "connection", code: polled.failure.code, message: polled.failure.message, side: "source" }));
          return { integrationId: integration.id, error: polled.failure };
        }
        found += polled.found;
        if (polled.toProcess.length) {
          await step.sendEvent(`queue-${batch}`, polled.toProcess.map((documentId) => documentProcessRequested.create({ documentId, integrationId: integration.id })));
          queued += polled.toProcess.length;
        }
        if (!polled.more) break;
        if (batch === MAX_BATCHES_PER_RUN - 1) await step.sendEvent("continue", integrationSyncRequested.create({ licenseKey: event.data.licenseKey }));
      }
    }

    const syncedAt = await step.run("record-sync", async () => {
      const at = new Date();
      await db().integration.update({ where: { id: integration.id }, data: { lastSyncAt: at } });
      return at.toISOString();
    });
    return { integrationId: integration.id, syncedAt, found, queued };
  },
);
