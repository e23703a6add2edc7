import { db } from "@/lib/db/client";
import { alertNewCause } from "@/lib/alerts/new-cause";
import { alertReconnect, needsReconnect } from "@/lib/alerts/reconnect";
import { inngest } from "../client";
import { alertsErrorRecorded } from "./alerts-events";

/**
 * Turns a recorded error into at most one mail: "reconnect needed" when the credentials of a
 * connection stopped working, else "a new kind of error" for its cause. A dead connection is mailed
 * as such only: every document it fails would otherwise also count as a new cause. One run at a
 * time per integration; the claim in AlertSent keeps it to one mail even without that.
 */
export const alertsErrorRecordedFn = inngest.createFunction(
  { id: "alerts-error-recorded", triggers: [alertsErrorRecorded], concurrency: { limit: 1, key: "event.data.integrationId" }, retries: 3 },
  async ({ event, step }) => {
    const data = event.data;
    if (needsReconnect(data)) return { reconnect: await step.run("reconnect", () => alertReconnect(db(), data)) };
    return { newCause: await step.run("new-cause", () => alertNewCause(db(), data)) };
  },
);
