import { db } from "../db/client";
import { saveRefreshedCredentials } from "../integrations/connection-credentials";
import { loadIntegration } from "../integrations/load-integration";
import { setSetting } from "../integrations/settings";
import { toFailure } from "../pipeline/failure";
import { targetSetups } from "@/connectors/registry";
import type { TargetSystem } from "@/connectors/types";

/**
 * The wizard's refresh arrows: read the administrations and, for the chosen one, its VAT codes,
 * ledger accounts and invoice layouts, and keep them for the drop-downs. Returns a notice for the
 * merchant; a failure also turns the accounting connection red with the reason.
 */
export async function refreshCatalog(integrationId: string): Promise<string> {
  const integration = await loadIntegration(db(), integrationId);
  const setup = targetSetups[integration.targetSystem as TargetSystem];
  if (!setup) return `Setting up ${integration.targetSystem} is not supported in this version.`;
  const ctx = {
    baseUrl: integration.target.baseUrl,
    credentials: integration.target.credentials,
    onCredentials: (c: Record<string, unknown>) => saveRefreshedCredentials(db(), integrationId, "target", c),
  };
  try {
    await setSetting(db(), integrationId, "administrations", await setup.listAdministrations(ctx));
    const companyId = (integration.settings.target as { companyId?: string } | undefined)?.companyId;
    if (companyId) await setSetting(db(), integrationId, "catalog", await setup.catalog(ctx, companyId));
    await db().connection.update({
      where: { integrationId_side: { integrationId, side: "target" } },
      data: { status: "ok", statusDetail: null, lastCheckedAt: new Date() },
    });
    return companyId ? "Administration data refreshed." : "Connected. Choose the administration.";
  } catch (err) {
    const failure = toFailure(err);
    await db().connection.update({
      where: { integrationId_side: { integrationId, side: "target" } },
      data: { status: "error", statusDetail: failure.message, lastCheckedAt: new Date() },
    });
    return failure.message;
  }
}
