import { syncIntegration } from "./sync-integration";

/** Every function the app serves at /api/inngest. */
export const functions = [syncIntegration];
