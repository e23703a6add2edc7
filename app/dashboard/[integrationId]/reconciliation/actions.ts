"use server";

import { revalidatePath } from "next/cache";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { reconciliationMessages } from "@/lib/i18n/messages/reconciliation";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { periodFromQuery } from "@/lib/reconciliation/period";
import { runReconciliationCheck } from "@/lib/reconciliation/run-check";

export type CheckResult = { ok: true } | { ok: false; message: string };

const text = (v: unknown) => (typeof v === "string" && v.length <= 20 ? v : undefined);

/**
 * "Check again": reads the period's documents back from the accounting system (with a time limit)
 * and stores what differs. Only for the signed-in merchant's own integration; in view-as mode the
 * read-only guard refuses this POST before it gets here.
 */
export async function checkAgain(integrationId: string, query: { month?: unknown; from?: unknown; to?: unknown }): Promise<CheckResult> {
  const { accountId } = await requireAccount();
  const t = translator(reconciliationMessages, await requestLocale());
  if (typeof integrationId !== "string" || !(await findIntegration(db(), accountId, integrationId))) return { ok: false, message: t("notFound") };
  const period = periodFromQuery({ month: text(query?.month), from: text(query?.from), to: text(query?.to) });
  const integration = await loadIntegration(db(), integrationId);
  try {
    const { target } = connectorsFor(integration, () => undefined);
    await runReconciliationCheck(db(), { integrationId, licenseKey: integration.licenseKey, targetSystem: integration.targetSystem, target, period });
  } catch (err) {
    // A connector that cannot even be built (no credentials) is a failed check with its reason.
    await runReconciliationCheck(db(), {
      integrationId, licenseKey: integration.licenseKey, targetSystem: integration.targetSystem, period,
      target: { listBooked: () => Promise.reject(err) },
    });
  }
  revalidatePath(`/dashboard/${integrationId}/reconciliation`);
  return { ok: true };
}
