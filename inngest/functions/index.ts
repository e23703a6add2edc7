import { processDocument } from "./process-document";
import { recheckOpen } from "./recheck-open";
import { syncIntegration } from "./sync-integration";

/** Every function the app serves at /api/inngest. */
export const functions = [syncIntegration, processDocument, recheckOpen];
