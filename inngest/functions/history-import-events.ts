import { eventType } from "inngest";
import { z } from "zod";

/** History import: scan the shop's past documents of the range (background, page by page). */
export const historyImportScanRequested = eventType("history-import/scan.requested", {
  schema: z.object({ importId: z.string().min(1), integrationId: z.string().min(1) }),
});

/** History import: book what the scan found (sent by Start and Resume; a run continues itself). */
export const historyImportRunRequested = eventType("history-import/run.requested", {
  schema: z.object({ importId: z.string().min(1), integrationId: z.string().min(1), generation: z.number().int() }),
});
