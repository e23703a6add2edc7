import { db } from "@/lib/db/client";
import { accountsWanting } from "@/lib/alerts/preferences";
import { sendWeeklySummary } from "@/lib/alerts/weekly";
import { inngest } from "../client";

/** Monday 08:00 (Amsterdam): last week's summary to each account that asked for it; one step and one claim per account and week. */
export const alertsWeeklySummary = inngest.createFunction(
  { id: "alerts-weekly-summary", triggers: [{ cron: "TZ=Europe/Amsterdam 0 8 * * 1" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const now = new Date(await step.run("now", () => new Date().toISOString()));
    const accounts = await step.run("find-accounts", () => accountsWanting(db(), "weekly"));
    let sent = 0;
    for (const accountId of accounts) {
      const done = await step.run(`weekly-${accountId}`, () => sendWeeklySummary(db(), accountId, now));
      if (done.sent) sent++;
    }
    return { sent };
  },
);
