import { pollingSources } from "@/connectors/registry";
import { db } from "@/lib/db/client";
import { fetchingIntegrations } from "@/lib/integrations/lifecycle";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { attempt } from "@/lib/pipeline/attempt";
import { callRecorder } from "@/lib/pipeline/call-recorder";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { receiveNotices } from "@/lib/pipeline/receive-document";
import { pruneDeliveries } from "@/lib/webhooks/replay-guard";
import { inngest } from "../client";
import { documentProcessRequested } from "../events";

/**
 * Every night: shops whose changes an incremental poll can miss (PrestaShop: a state changed
 * without date_upd moving) are re-read over their whole re-check window. Every document found is
 * recorded once; those not booked yet are queued, booked ones are left alone. Webhook delivery
 * claims past their replay window are forgotten too.
 */
export const recheckShops = inngest.createFunction(
  { id: "recheck-shops", triggers: [{ cron: "TZ=Europe/Amsterdam 0 3 * * *" }] },
  async ({ step }) => {
    const integrations = await step.run("find-integrations", () =>
      db().integration.findMany({ where: { ...fetchingIntegrations, sourceSystem: { in: [...pollingSources] } }, select: { id: true } }),
    );
    let queued = 0;
    for (const { id } of integrations) {
      const ids = await step.run(`recheck-${id}`, () => recheckIntegration(id));
      if (ids.length) await step.sendEvent(`queue-${id}`, ids.map((documentId) => documentProcessRequested.create({ documentId, integrationId: id })));
      queued += ids.length;
    }
    const forgotten = await step.run("prune-webhook-deliveries", () => pruneDeliveries(db()));
    return { integrations: integrations.length, queued, forgottenDeliveries: forgotten };
  },
);

/** The ids of the documents to (re)process; a permanent failure is left for the connection health to show. */
export async function recheckIntegration(integrationId: string): Promise<string[]> {
  const calls = callRecorder();
  const { source } = connectorsFor(await loadIntegration(db(), integrationId), calls.onCall);
  if (!source.recheckWindow) return [];
  try {
    const found = await attempt(() => source.recheckWindow!());
    if (!found.ok) return [];
    return await receiveNotices(db(), integrationId, found.value);
  } finally {
    await calls.save(db(), integrationId);
  }
}
