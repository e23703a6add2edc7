import { db } from "@/lib/db/client";
import { duePayments } from "@/lib/pipeline/payment-status";
import { inngest } from "../client";
import { paymentReceived } from "../events";

/**
 * Every night: payments waiting for their invoice in the accounting system (not there yet, not
 * open, amount differs) are tried again; after the manuals' two nights they land on Errors.
 */
export const recheckPayments = inngest.createFunction(
  { id: "recheck-payments", triggers: [{ cron: "TZ=Europe/Amsterdam 15 3 * * *" }] },
  async ({ step }) => {
    const due = await step.run("find-due-payments", () => duePayments(db()));
    if (due.length === 0) return { rechecked: 0 };
    await step.sendEvent("recheck", due.map((p) => paymentReceived.create({ paymentId: p.id, integrationId: p.integrationId })));
    return { rechecked: due.length };
  },
);
