import { db } from "@/lib/db/client";
import { bookingIntegrations } from "@/lib/integrations/lifecycle";
import { inngest } from "../client";
import { documentProcessRequested } from "../events";

/**
 * Every night: documents waiting on the Open tab (e.g. an order not yet paid) are looked at again
 * and booked once they have become eligible.
 */
export const recheckOpen = inngest.createFunction(
  { id: "recheck-open", triggers: [{ cron: "TZ=Europe/Amsterdam 30 2 * * *" }] },
  async ({ step }) => {
    const open = await step.run("find-open-documents", openDocuments);
    if (open.length === 0) return { rechecked: 0 };
    await step.sendEvent(
      "recheck",
      open.map((d) => documentProcessRequested.create({ documentId: d.id, integrationId: d.integrationId })),
    );
    return { rechecked: open.length };
  },
);

/** Documents waiting on the Open tab of integrations that are running (a paused one is released when the renewal is paid). */
export const openDocuments = () =>
  db().document.findMany({ where: { status: "open", integration: bookingIntegrations }, select: { id: true, integrationId: true } });
