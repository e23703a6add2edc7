"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { refreshCatalog } from "@/lib/install/refresh-catalog";
import { refreshOrderStates } from "@/lib/install/order-states";
import { configGroups } from "@/lib/integrations/configuration-fields";
import type { Submitted } from "@/lib/integrations/configuration-schema";
import { saveConfigurationGroup } from "@/lib/integrations/save-configuration";
import type { ConfigFormState, RefreshState } from "./form-state";

/** The signed-in merchant's own integration, or null (another account's id reveals nothing). */
async function ownIntegration(integrationId: string) {
  const { accountId } = await requireAccount();
  return findIntegration(db(), accountId, integrationId);
}

/** FormData → plain values; Next's own fields ($ACTION_…) are not settings. */
function submitted(form: FormData): Submitted {
  const out: Submitted = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith("$") || typeof value !== "string") continue;
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

const tabPath = (integrationId: string) => `/dashboard/${integrationId}/configuration`;

/** Saves one group of the Configuration tab; errors per field, the typed values back, or "saved". */
export async function saveConfiguration(integrationId: string, group: string, _previous: ConfigFormState, form: FormData): Promise<ConfigFormState> {
  const at = Date.now();
  const integration = await ownIntegration(integrationId);
  const which = z.enum(configGroups).safeParse(group);
  if (!integration || !which.success) return { status: "invalid", at, errors: { "": { code: "notFound" } } };
  const result = await saveConfigurationGroup(db(), integration.id, which.data, submitted(form), { actor: "merchant", actorId: (await requireAccount()).userId });
  if (!result.ok) return { status: "invalid", at, errors: result.errors, values: result.values };
  revalidatePath(tabPath(integration.id));
  return { status: "saved", at, errors: {}, ...(result.warning ? { warning: result.warning } : {}) };
}

/** The refresh arrows: the shop's order statuses (PrestaShop) and the administration's layouts and accounts. */
export async function refreshConfigurationLists(integrationId: string, what: string, _previous: RefreshState): Promise<RefreshState> {
  const at = Date.now();
  const integration = await ownIntegration(integrationId);
  if (!integration) return { at, problem: "notFound" };
  let problem: string | null;
  if (what === "statuses") {
    problem = await refreshOrderStates(integration.id);
  } else {
    const notice = await refreshCatalog(integration.id);
    const target = await db().connection.findUnique({ where: { integrationId_side: { integrationId: integration.id, side: "target" } }, select: { status: true } });
    problem = target?.status === "ok" ? null : notice;
  }
  revalidatePath(tabPath(integration.id));
  return problem ? { at, problem } : { at, done: true };
}
