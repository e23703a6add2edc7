import { db } from "@/lib/db/client";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { attempt } from "@/lib/pipeline/attempt";
import { callRecorder } from "@/lib/pipeline/call-recorder";
import { recordConnectionHealth } from "@/lib/pipeline/connection-health";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { documentsAwaitingPayment, firstDayOf } from "@/lib/pipeline/payments-check";
import { paymentsSettingOf } from "@/lib/pipeline/payments-setting";
import { recordPayments } from "@/lib/pipeline/record-payments";
import { inngest } from "../client";
import { paymentReceived, paymentsCheckRequested } from "../events";

/** Pages one run reads before the next check carries on from the stored cursor. */
const MAX_PAGES_PER_RUN = 10;

/**
 * One integration's payments check: the booked documents still without a payment are looked for in
 * the shop's list (source.listPayments, from the oldest one's day on, page by page, never a
 * request per document); each payment found is recorded once (its key) and sent on to
 * process-payment. No document awaiting a payment: no request at all. The list cursor is stored
 * after each page, so a long walk continues at the next check instead of starting over.
 */
export const checkPayments = inngest.createFunction(
  { id: "check-payments", triggers: [paymentsCheckRequested], concurrency: { limit: 1, key: "event.data.integrationId" }, retries: 3 },
  async ({ event, step }) => {
    const { integrationId } = event.data;
    const integration = await loadIntegration(db(), integrationId);
    if (!paymentsSettingOf(integration.settings.payments).enabled) return { skipped: "payments are off" };
    const calls = callRecorder();
    const source = connectorsFor(integration, calls.onCall).source;
    if (!source.listPayments) return { skipped: "the shop offers no payments list" };
    const listPayments = source.listPayments.bind(source);

    const awaiting = await step.run("find-awaiting", () => documentsAwaitingPayment(db(), integrationId));
    if (awaiting.length === 0) {
      await step.run("nothing-awaited", () => db().integration.update({ where: { id: integrationId }, data: { paymentsCursor: null, paymentsCheckedAt: new Date() } }).then(() => null));
      return { awaiting: 0, found: 0 };
    }
    const from = firstDayOf(awaiting);
    const stored = await step.run("read-cursor", async () => (await db().integration.findUniqueOrThrow({ where: { id: integrationId }, select: { paymentsCursor: true } })).paymentsCursor);
    // A walk of the same window carries on where it stopped; a new window starts at its first page.
    let cursor = stored?.startsWith(`${from}|`) ? stored.slice(from.length + 1) : null;
    const documentOf = new Map(awaiting.map((d) => [`${d.kind}:${d.sourceId}`, d.id]));
    let found = 0;

    for (let n = 0; n < MAX_PAGES_PER_RUN; n++) {
      const page = await step.run(`list-${n}`, async () => {
        try {
          const listed = await attempt(() => listPayments({ from, cursor }));
          if (!listed.ok) {
            await recordConnectionHealth(db(), integrationId, "source", listed.failure);
            return { failure: listed.failure };
          }
          const ids: string[] = [];
          for (const payment of listed.value.payments) {
            const documentId = documentOf.get(`${payment.kind}:${payment.documentSourceId}`);
            if (documentId) ids.push(...(await recordPayments(db(), integrationId, documentId, [payment], "queued")));
          }
          await db().integration.update({ where: { id: integrationId }, data: { paymentsCursor: listed.value.more ? `${from}|${listed.value.cursor}` : null } });
          return { ids, cursor: listed.value.cursor, more: listed.value.more };
        } finally {
          await calls.save(db(), integrationId);
        }
      });
      if ("failure" in page) return { awaiting: awaiting.length, found, error: page.failure };
      if (page.ids.length) {
        await step.sendEvent(`send-payments-${n}`, page.ids.map((paymentId) => paymentReceived.create({ paymentId, integrationId })));
        found += page.ids.length;
      }
      if (!page.more) break;
      cursor = page.cursor;
    }
    await step.run("record-check", () => db().integration.update({ where: { id: integrationId }, data: { paymentsCheckedAt: new Date() } }).then(() => null));
    return { awaiting: awaiting.length, from, found };
  },
);
