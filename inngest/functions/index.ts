import { processDocument } from "./process-document";
import { pollDue } from "./poll-due";
import { recheckOpen } from "./recheck-open";
import { recheckShops } from "./recheck-shops";
import { syncIntegration } from "./sync-integration";

/** Every function the app serves at /api/inngest. */
export const functions = [syncIntegration, processDocument, recheckOpen, pollDue, recheckShops];
