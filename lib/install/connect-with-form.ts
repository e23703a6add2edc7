import { EBOEKHOUDEN_BASE_URL } from "@/connectors/eboekhouden/config";
import { FACTUURSTUREN_BASE_URL } from "@/connectors/factuursturen/config";
import { sourceSetups, targetSetups } from "@/connectors/registry";
import { ROMPSLOMP_BASE_URL } from "@/connectors/rompslomp/config";
import type { CredentialForm } from "@/connectors/setup-types";
import { systemNames, type SourceSystem, type SystemId, type TargetSystem } from "@/connectors/types";
import { WEFACT_BASE_URL } from "@/connectors/wefact/config";
import { db } from "../db/client";
import { saveCredentials, type Side } from "../integrations/connection-credentials";
import { loadIntegration } from "../integrations/load-integration";
import { mergeSetting } from "../integrations/settings";
import { toFailure } from "../pipeline/failure";
import { missingFields } from "./credential-values";
import { refreshOrderStates } from "./order-states";
import { refreshCatalog } from "./refresh-catalog";
import { awaitsAuthorization } from "./source-connect";

export type FormConnectResult = { ok: true; notice: string } | { ok: false; error: string };

/** The real hosts, for a target connection created without a base URL (the sandbox ones always have one). */
const productionBaseUrls: Record<TargetSystem, string> = {
  rompslomp: ROMPSLOMP_BASE_URL,
  eboekhouden: EBOEKHOUDEN_BASE_URL,
  wefact: WEFACT_BASE_URL,
  factuursturen: FACTUURSTUREN_BASE_URL,
};

export function credentialFormOf(side: Side, system: string): CredentialForm | undefined {
  return side === "source" ? sourceSetups[system as SourceSystem]?.credentialForm : targetSetups[system as TargetSystem]?.credentialForm;
}

/**
 * The wizard's credential form for either side: checks the values with the system's own
 * `connect` (one cheap authenticated call), seals and stores what it returns, keeps a returned
 * shop address (`storeBaseUrl`, `shopUrl`) as the connection's baseUrl, and turns the dot green.
 * A failure changes nothing stored and comes back as the system's own message for the merchant.
 *
 * Then: an accounting system loads its administrations (one only: chosen at once) and their
 * data; a PrestaShop shop its order statuses. Magento 1.9 stays grey until the Connect button's
 * authorization.
 */
export async function connectWithForm(integrationId: string, side: Side, values: Record<string, string>): Promise<FormConnectResult> {
  const integration = await loadIntegration(db(), integrationId);
  const system = side === "source" ? integration.sourceSystem : integration.targetSystem;
  const name = systemNames[system as SystemId] ?? system;
  const form = credentialFormOf(side, system);
  if (!form) return { ok: false, error: `${name} is not connected with a form.` };
  const missing = missingFields(form.fields, values);
  if (missing.length) return { ok: false, error: `Fill in: ${missing.join(", ")}.` };

  const baseUrl = integration[side].baseUrl || (side === "target" ? productionBaseUrls[system as TargetSystem] ?? "" : "");
  let returned: Record<string, unknown>;
  try {
    returned = await form.connect({ baseUrl, values });
  } catch (err) {
    return { ok: false, error: toFailure(err).message };
  }
  // Magento 2's store address is the connection's, not a credential; PrestaShop keeps its shopUrl in both.
  const { storeBaseUrl, ...credentials } = returned;
  const newBaseUrl = [storeBaseUrl, credentials.shopUrl].find((u): u is string => typeof u === "string" && u.length > 0) ?? (integration[side].baseUrl ? undefined : baseUrl);
  await saveCredentials(db(), integrationId, side, system, credentials, newBaseUrl);

  if (side === "target") return { ok: true, notice: await afterTargetConnected(integrationId) };
  if (awaitsAuthorization(system, credentials)) {
    return { ok: true, notice: `Saved. Now click the yellow Connect button and authorize the integration in the ${name} admin.` };
  }
  await markOk(integrationId, "source");
  const problem = await refreshOrderStates(integrationId);
  return { ok: true, notice: problem ?? `Connected to ${name}.` };
}

const markOk = (integrationId: string, side: Side) =>
  db().connection.update({ where: { integrationId_side: { integrationId, side } }, data: { status: "ok", statusDetail: null, lastCheckedAt: new Date() } });

/** Administrations and, where a key opens exactly one (WeFact, Factuursturen, e-Boekhouden), that one chosen. */
async function afterTargetConnected(integrationId: string): Promise<string> {
  await markOk(integrationId, "target");
  const notice = await refreshCatalog(integrationId);
  const integration = await loadIntegration(db(), integrationId);
  if (integration.target.status !== "ok") return notice;
  const administrations = (integration.settings.administrations ?? []) as { id: string; name: string }[];
  const chosen = (integration.settings.target as { companyId?: string } | undefined)?.companyId;
  if (administrations.length !== 1 || chosen) return notice;
  const only = administrations[0]!;
  await mergeSetting(db(), integrationId, "target", { companyId: only.id });
  const loaded = await refreshCatalog(integrationId);
  const after = await db().connection.findUniqueOrThrow({ where: { integrationId_side: { integrationId, side: "target" } }, select: { status: true } });
  return after.status === "ok" ? `Connected. Administration: ${only.name}.` : loaded;
}
