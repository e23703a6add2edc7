import { db } from "@/lib/db/client";
import { sendDigest } from "@/lib/alerts/digest";
import { accountsWanting } from "@/lib/alerts/preferences";
import { inngest } from "../client";

/**
 * Every morning at 07:00 (Amsterdam), the digest of open errors to each account that wants it and
 * has any. Each account is its own step, and each digest is claimed per day, so a retry or a
 * second run sends nothing twice.
 */
export const alertsDailyDigest = inngest.createFunction(
  { id: "alerts-daily-digest", triggers: [{ cron: "TZ=Europe/Amsterdam 0 7 * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const now = new Date(await step.run("now", () => new Date().toISOString()));
    const accounts = await step.run("find-accounts", () => accountsWanting(db(), "digest"));
    let sent = 0;
    for (const accountId of accounts) {
      const done = await step.run(`digest-${accountId}`, () => sendDigest(db(), accountId, now));
      if (done.sent) sent++;
    }
    return { sent };
  },
);
