import { prestashopSourceSetup, type OrderStateChoice } from "@/connectors/prestashop/setup";
import { db } from "../db/client";
import { loadIntegration } from "../integrations/load-integration";
import { mergeSetting, setSetting } from "../integrations/settings";
import { toFailure } from "../pipeline/failure";

/** Where the shop's own order states are kept for the wizard's "statuses to process" choice. */
export const ORDER_STATES_SETTING = "orderStates";

/**
 * PrestaShop: read the shop's order states for the choice of statuses to process, and, while the
 * merchant has not chosen, save the manual's default ("Payment accepted" or later: the states
 * marked paid in this shop) as the source setting `statuses` (prestashopSettingsSchema).
 * Returns a notice for the merchant. Other shops have no such choice: null.
 */
export async function refreshOrderStates(integrationId: string): Promise<string | null> {
  const integration = await loadIntegration(db(), integrationId);
  if (integration.sourceSystem !== "prestashop") return null;
  let states: OrderStateChoice[];
  try {
    states = await prestashopSourceSetup.listOrderStates({ baseUrl: integration.source.baseUrl, credentials: integration.source.credentials }, integration.settings.source);
  } catch (err) {
    return `The shop's order statuses could not be read: ${toFailure(err).message}`;
  }
  await setSetting(db(), integrationId, ORDER_STATES_SETTING, states);
  const chosen = (integration.settings.source as { statuses?: string[] } | undefined)?.statuses;
  if (!chosen?.length) await mergeSetting(db(), integrationId, "source", { statuses: prestashopSourceSetup.defaultStatuses(states) });
  return null;
}

/** The merchant's choice, kept to the shop's own states; at least one is needed. */
export function chosenStatuses(states: OrderStateChoice[], submitted: string[]): string[] | { error: string } {
  const known = new Set(states.map((s) => s.id));
  const statuses = [...new Set(submitted.filter((id) => known.has(id)))];
  return statuses.length ? statuses : { error: "Choose at least one order status to process." };
}
