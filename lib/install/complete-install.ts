import { env } from "../config/env";
import { db } from "../db/client";
import { loadIntegration } from "../integrations/load-integration";
import { trialEnd } from "../integrations/settings";
import { isCancelled, statusAfterInstall } from "../integrations/lifecycle";
import { toFailure } from "../pipeline/failure";
import { sourceSetups } from "@/connectors/registry";
import type { SourceSystem } from "@/connectors/types";
import { saveCredentials } from "../integrations/connection-credentials";
import { awaitsAuthorization } from "./source-connect";
import { usesVatGrid } from "./vat-grid";

/** Where a webshop delivers its webhooks for one integration. */
export const webhookUrl = (system: string, licenseKey: string, appUrl = env().APP_URL) =>
  `${appUrl}/api/webhooks/${system}/${encodeURIComponent(licenseKey)}`;

/**
 * The wizard's last step: everything a booking needs is in place → register the shop's webhooks
 * and activate. Returns what is still missing, in the merchant's words, or null when done.
 */
export async function completeInstall(integrationId: string): Promise<string | null> {
  const integration = await loadIntegration(db(), integrationId);
  const row = await db().integration.findUniqueOrThrow({ where: { id: integrationId }, select: { status: true, termsAcceptedAt: true, trialEndsAt: true } });
  if (isCancelled(row.status)) return "This integration was cancelled, so it cannot be installed again. Sign up for a new trial to connect these systems again.";
  const target = integration.settings.target as { companyId?: string } | undefined;
  if (!row.termsAcceptedAt) return "Accept the terms and conditions first.";
  if (Object.keys(integration.source.credentials).length === 0) return "The webshop is not connected yet.";
  if (awaitsAuthorization(integration.sourceSystem, integration.source.credentials)) return "Click the yellow Connect button to authorize the integration in the webshop's admin first.";
  if (integration.target.status !== "ok") return "Connect the accounting system first (the dot must be green).";
  if (!target?.companyId) return "Choose the administration first.";
  // Factuursturen books each line's own VAT rate: there is no grid to demand.
  if (usesVatGrid(integration.targetSystem) && integration.vatGrid.length === 0) return "Configure and save the VAT rates first.";

  const setup = sourceSetups[integration.sourceSystem as SourceSystem];
  const ctx = { baseUrl: integration.source.baseUrl, credentials: integration.source.credentials };
  try {
    await setup?.testConnection(ctx, integration.settings.source);
    const keep = await setup?.registerWebhooks?.(ctx, webhookUrl(integration.sourceSystem, integration.licenseKey), integration.settings.source);
    if (keep) await saveCredentials(db(), integrationId, "source", integration.sourceSystem as SourceSystem, { ...integration.source.credentials, ...keep });
  } catch (err) {
    const failure = toFailure(err);
    await db().connection.update({ where: { integrationId_side: { integrationId, side: "source" } }, data: { status: "error", statusDetail: failure.message, lastCheckedAt: new Date() } });
    return `The webshop connection failed: ${failure.message}`;
  }
  await db().connection.update({ where: { integrationId_side: { integrationId, side: "source" } }, data: { status: "ok", statusDetail: null, lastCheckedAt: new Date() } });
  await db().integration.update({ where: { id: integrationId }, data: { status: statusAfterInstall(row.status), trialEndsAt: row.trialEndsAt ?? trialEnd() } });
  return null;
}
