import { pollingSources } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import { db } from "@/lib/db/client";
import { fetchingIntegrations } from "@/lib/integrations/lifecycle";
import { inngest } from "../client";
import { integrationSyncRequested } from "../events";

const DEFAULT_INTERVAL_MINUTES = 60;
const MIN_INTERVAL_MINUTES = 5;

/**
 * Every five minutes: each integration of a polling shop that fetches (active, or paused: what
 * arrives is kept until the renewal is paid) whose interval has passed (the
 * source setting `pollIntervalMinutes`, hourly by default, never under 5) is asked to fetch.
 * Fetching itself is sync-integration, one run per integration at a time.
 */
export const pollDue = inngest.createFunction(
  { id: "poll-due", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => {
    const due = await step.run("find-due-integrations", () => dueIntegrations(new Date()));
    if (due.length === 0) return { due: 0 };
    await step.sendEvent("fetch", due.map((licenseKey) => integrationSyncRequested.create({ licenseKey })));
    return { due: due.length };
  },
);

export async function dueIntegrations(now: Date): Promise<string[]> {
  const active = await db().integration.findMany({
    where: fetchingIntegrations,
    select: { licenseKey: true, sourceSystem: true, lastSyncAt: true, settings: { where: { key: "source" }, select: { value: true } } },
  });
  return active
    .filter((i) => pollingSources.has(i.sourceSystem as SourceSystem))
    .filter((i) => {
      const interval = intervalMinutes(i.settings[0]?.value);
      return !i.lastSyncAt || now.getTime() - i.lastSyncAt.getTime() >= interval * 60_000;
    })
    .map((i) => i.licenseKey);
}

function intervalMinutes(sourceSettings: unknown): number {
  const chosen = Number((sourceSettings as { pollIntervalMinutes?: unknown } | null)?.pollIntervalMinutes);
  return Number.isFinite(chosen) && chosen > 0 ? Math.max(MIN_INTERVAL_MINUTES, chosen) : DEFAULT_INTERVAL_MINUTES;
}
