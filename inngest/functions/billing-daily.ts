import { db } from "@/lib/db/client";
import { mollie } from "@/lib/billing/mollie-settings";
import { releaseHeldWork, integrationsWithReleasableWork } from "@/lib/billing/release-held-work";
import { accessEnded, offerRenewal, pauseIntegration, renewalsDue } from "@/lib/billing/renewal";
import { inngest } from "../client";
import { documentProcessRequested, paymentReceived } from "../events";

/**
 * Every morning, the subscription round: a renewal offer (invoice, payment link, mail) for each
 * running integration whose trial or subscription ends within a week and has none for that end;
 * integrations whose access ended unpaid are paused and mailed the link; work released by a payment
 * whose events were lost is sent again. Each integration is its own step, so a retry repeats
 * nothing that was done, and each action claims its change first, so a second run sends nothing.
 */
export const billingDaily = inngest.createFunction(
  { id: "billing-daily", triggers: [{ cron: "TZ=Europe/Amsterdam 0 7 * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    // One moment for the whole run, kept across replays.
    const now = new Date(await step.run("now", () => new Date().toISOString()));

    const due = await step.run("find-renewals-due", () => renewalsDue(db(), now));
    let offered = 0;
    for (const id of due) {
      const done = await step.run(`renewal-offer-${id}`, () => offerRenewal(db(), id, { mollie: mollie(), now }));
      if (done.sent) offered++;
    }

    const ended = await step.run("find-access-ended", () => accessEnded(db(), now));
    let paused = 0;
    for (const id of ended) {
      const done = await step.run(`pause-${id}`, () => pauseIntegration(db(), id, { mollie: mollie(), now }));
      if (done.paused) paused++;
    }

    const resumed = await step.run("find-released-work", () => integrationsWithReleasableWork(db()));
    for (const id of resumed) {
      const work = await step.run(`release-${id}`, () => releaseHeldWork(db(), id));
      const events = [
        ...work.documents.map((documentId) => documentProcessRequested.create({ documentId, integrationId: id })),
        ...work.payments.map((paymentId) => paymentReceived.create({ paymentId, integrationId: id })),
      ];
      if (events.length) await step.sendEvent(`send-released-${id}`, events);
    }
    return { offered, paused, released: resumed.length };
  },
);
