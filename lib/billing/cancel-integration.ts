import { sourceSetups } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import type { Db } from "../db/client";
import { webhookUrl } from "../install/complete-install";
import { bookingHold, HELD_PAUSED } from "../integrations/lifecycle";
import { loadIntegration } from "../integrations/load-integration";
import { toFailure } from "../pipeline/failure";
import { sendCancelledMail } from "./billing-mail";

export type CancelOptions = {
  now?: Date;
  /** merchant: cancelled on the Profile tab; app-removed: the app was removed in the shop (its keys no longer work). */
  reason?: "merchant" | "app-removed";
  fetch?: typeof fetch;
};

export type CancelResult =
  | { cancelled: false }
  | { cancelled: true; webhooks: { removed: number } | { skipped: "no-api" | "app-removed" } | { failed: string } };

/**
 * Cancels an integration as of now (the manuals: only as of today, never a future date): nothing is
 * fetched or booked afterwards, what was booked stays on the dashboard. The shop's webhooks are
 * removed where its API allows, the open renewal invoice is cancelled, documents held by a pause
 * now say why they will not be booked, and the owner gets a confirmation mail. Cancelling twice
 * does nothing the second time.
 */
export async function cancelIntegration(db: Db, integrationId: string, options: CancelOptions = {}): Promise<CancelResult> {
  const now = options.now ?? new Date();
  const reason = options.reason ?? "merchant";
  const claim = await db.integration.updateMany({ where: { id: integrationId, status: { not: "cancelled" } }, data: { status: "cancelled", cancelledAt: now, pausedAt: null } });
  if (claim.count !== 1) return { cancelled: false };

  const hold = bookingHold("cancelled")!;
  await db.$transaction([
    db.subscriptionInvoice.updateMany({ where: { integrationId, status: "open" }, data: { status: "cancelled" } }),
    db.document.updateMany({ where: { integrationId, errorCode: HELD_PAUSED, status: { in: ["open", "queued"] } }, data: { status: "open", errorCode: hold.code, errorDetail: hold.message } }),
    db.payment.updateMany({ where: { integrationId, errorCode: HELD_PAUSED, status: { in: ["waiting", "queued"] } }, data: { status: "waiting", errorCode: hold.code, errorDetail: hold.message, nextAttemptAt: null } }),
  ]);

  const webhooks = reason === "app-removed" ? { skipped: "app-removed" as const } : await removeWebhooks(db, integrationId, options.fetch);
  const integration = await db.integration.findUniqueOrThrow({ where: { id: integrationId } });
  await sendCancelledMail(db, integration, now, reason, "removed" in webhooks && webhooks.removed > 0);
  return { cancelled: true, webhooks };
}

/** The shop stops calling us: our webhooks are deleted through its API (shops without a webhook API have none). */
async function removeWebhooks(db: Db, integrationId: string, fetchImpl?: typeof fetch): Promise<{ removed: number } | { skipped: "no-api" } | { failed: string }> {
  const integration = await loadIntegration(db, integrationId);
  const unregister = sourceSetups[integration.sourceSystem as SourceSystem]?.unregisterWebhooks;
  if (!unregister || Object.keys(integration.source.credentials).length === 0) return { skipped: "no-api" };
  try {
    const ctx = { baseUrl: integration.source.baseUrl, credentials: integration.source.credentials, ...(fetchImpl ? { fetch: fetchImpl } : {}) };
    return { removed: await unregister(ctx, webhookUrl(integration.sourceSystem, integration.licenseKey)) };
  } catch (err) {
    // The cancel stands: deliveries that still come are acknowledged and ignored.
    return { failed: toFailure(err).message };
  }
}
