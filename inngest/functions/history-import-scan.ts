import { NonRetriableError } from "inngest";
import { db } from "@/lib/db/client";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { scanPage } from "@/lib/history-import/scan-page";
import { inngest } from "../client";
import { historyImportScanRequested } from "./history-import-events";

/** Pages one run scans before it hands over to a fresh run (keeps each run's step history short). */
const MAX_PAGES_PER_RUN = 25;

/**
 * The scan of a history import, in the background: page after page of the shop's documents in the
 * range, each fetched and normalized so the merchant sees the count and totals before starting.
 * One step per page, so a big range shows progress (the import's `scanned`) and survives restarts.
 */
export const historyImportScan = inngest.createFunction(
  {
    id: "history-import-scan",
    triggers: [historyImportScanRequested],
    concurrency: { limit: 1, key: "event.data.importId" },
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { importId } = event.data.event.data as { importId: string };
      await db().historyImport.updateMany({ where: { id: importId, status: "scanning" }, data: { status: "failed", failure: error.message, finishedAt: new Date() } });
    },
  },
  async ({ event, step }) => {
    const { importId, integrationId } = event.data;
    const integration = await loadIntegration(db(), integrationId);
    let source;
    try {
      // The scan's reads are not kept for "More info": that log is per booked document.
      source = connectorsFor(integration, () => {}).source;
    } catch (err) {
      throw new NonRetriableError((err as Error).message);
    }
    if (!source.listHistory) throw new NonRetriableError("This shop cannot list its past documents.");
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const result = await step.run(`scan-${page}`, async () => {
        try {
          return await scanPage(db(), importId, source);
        } catch (err) {
          // A permanent failure (credentials, not supported) ends the scan; others are retried.
          if ((err as { retryable?: boolean }).retryable === false) throw new NonRetriableError((err as Error).message);
          throw err;
        }
      });
      if (result.done) return { importId, pages: page + 1 };
    }
    await step.sendEvent("continue", historyImportScanRequested.create({ importId, integrationId }));
    return { importId, continued: true };
  },
);
