import { db } from "@/lib/db/client";
import { importInPipeline, queueNextBatch } from "@/lib/history-import/queue-batch";
import { inngest } from "../client";
import { documentProcessRequested } from "../events";
import { historyImportRunRequested } from "./history-import-events";

/**
 * Documents handed to the pipeline at a time, and how few may be left in it when the next batch is
 * handed over (so the pipeline never idles between batches). It books one document at a time per
 * integration; a live document that arrives meanwhile waits behind at most the sum of both.
 */
export const HISTORY_BATCH_SIZE = 20;
const REFILL_BELOW = 10;
/** Batches one run walks before it hands over to a fresh run (keeps each run's step history short). */
const BATCHES_PER_RUN = 10;
/** How often, and how long at most, a batch is waited for before the next is handed over. */
const DRAIN_POLL = "1s"; // the executor's timers have a resolution of one second
const MAX_DRAIN_POLLS = 120;

/**
 * Books a scanned history import, paced beside live traffic: a batch of documents goes through the
 * ordinary pipeline (receiveDocument + process-document, so each is booked exactly once, whether it
 * also arrives live or not), and the next batch is handed over when fewer than REFILL_BELOW of the
 * import's documents are still in the pipeline; the import is done when it is done with all. Pause and Cancel take effect at the next batch; a document already handed over finishes.
 * One run per import at a time; Resume starts a new generation and an older run stops by itself.
 */
export const historyImportRun = inngest.createFunction(
  {
    id: "history-import-run",
    triggers: [historyImportRunRequested],
    concurrency: { limit: 1, key: "event.data.importId" },
    retries: 4,
  },
  async ({ event, step }) => {
    const { importId, integrationId, generation } = event.data;
    let handedOver = 0;
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      const queued = await step.run(`queue-${batch}`, () => queueNextBatch(db(), importId, generation, HISTORY_BATCH_SIZE));
      if (queued.stop) return { importId, handedOver, stopped: queued.stop };
      if (queued.documentIds.length > 0) {
        await step.sendEvent(`book-${batch}`, queued.documentIds.map((documentId) => documentProcessRequested.create({ documentId, integrationId })));
        handedOver += queued.documentIds.length;
      } else if (!queued.draining) continue; // the whole batch was booked already
      // The last documents drain fully before the import is marked done.
      const refillAt = queued.draining ? 0 : REFILL_BELOW;
      for (let poll = 0; poll < MAX_DRAIN_POLLS; poll++) {
        await step.sleep(`wait-${batch}-${poll}`, DRAIN_POLL);
        const left = await step.run(`left-${batch}-${poll}`, () => importInPipeline(db(), importId));
        if (left <= refillAt) break;
      }
    }
    await step.sendEvent("continue", historyImportRunRequested.create({ importId, integrationId, generation }));
    return { importId, handedOver, continued: true };
  },
);
