import { db } from "@/lib/db/client";
import { integrationsToCheckPayments } from "@/lib/pipeline/payments-check";
import { inngest } from "../client";
import { paymentsCheckRequested } from "../events";

/** Six times a day, every four hours from 01:00 Amsterdam time. */
export const PAYMENT_CHECK_CRON = "TZ=Europe/Amsterdam 0 1,5,9,13,17,21 * * *";

/**
 * Six times a day (manual 001, "Payments (if activated)"): every running CCV Shop integration with
 * payments on is asked to check its shop for payments of booked documents (check-payments, one run
 * per integration at a time).
 */
export const schedulePaymentChecks = inngest.createFunction(
  { id: "schedule-payment-checks", triggers: [{ cron: PAYMENT_CHECK_CRON }] },
  async ({ step }) => {
    const ids = await step.run("find-integrations", () => integrationsToCheckPayments(db()));
    if (ids.length === 0) return { checks: 0 };
    await step.sendEvent("check", ids.map((integrationId) => paymentsCheckRequested.create({ integrationId })));
    return { checks: ids.length };
  },
);
