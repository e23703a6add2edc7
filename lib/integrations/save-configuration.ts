import type { Prisma } from "../db/generated/client";
import type { Db } from "../db/client";
import { completeInstall } from "../install/complete-install";
import { ORDER_STATES_SETTING } from "../install/order-states";
import { fieldsFor, type ConfigGroup, type SettingKey } from "./configuration-fields";
import { crossRules } from "./configuration-rules";
import { parseGroup, type ConfigLists, type FieldError, type Submitted } from "./configuration-schema";
import { settingObject, storedPatch, type FieldValue, type MethodAccount } from "./configuration-values";
import { settingsMap } from "./settings";
import { recordAudit, type AuditActor } from "../audit/record-audit";

/** The lists the wizard keeps for drop-downs: the shop's order statuses and the administration's catalog. */
export function configListsOf(settings: Record<string, unknown>): ConfigLists {
  const catalog = (settings.catalog ?? {}) as { templates?: { id: string; name: string }[]; accounts?: { id: string; name: string }[] };
  const states = (settings[ORDER_STATES_SETTING] ?? []) as { id: string; name: string }[];
  return {
    statuses: Array.isArray(states) ? states.map((s) => ({ id: String(s.id), name: s.name })) : [],
    templates: Array.isArray(catalog.templates) ? catalog.templates : [],
    accounts: Array.isArray(catalog.accounts) ? catalog.accounts : [],
  };
}

export type SaveResult =
  | { ok: true; warning?: string }
  | { ok: false; errors: Record<string, FieldError>; values: Record<string, FieldValue> };

/**
 * Validates and saves one group of the Configuration tab for an integration (the caller checked
 * that the signed-in merchant owns it). All or nothing: one invalid field saves none of the group.
 * The engine reads settings per document, so the next document uses what is saved here.
 */
export async function saveConfigurationGroup(db: Db, integrationId: string, group: ConfigGroup, form: Submitted, actor?: AuditActor): Promise<SaveResult> {
  const integration = await db.integration.findUniqueOrThrow({
    where: { id: integrationId },
    select: { id: true, status: true, sourceSystem: true, targetSystem: true, settings: { select: { key: true, value: true } } },
  });
  const settings = settingsMap(integration.settings);
  const { sourceSystem: source, targetSystem: target } = integration;
  const parsed = parseGroup(group, source, target, form, configListsOf(settings));
  if (!parsed.ok) return parsed;

  const fields = fieldsFor(group, source, target);
  const next: Record<SettingKey, Record<string, unknown>> = {
    source: { ...settingObject(settings, "source") },
    target: { ...settingObject(settings, "target") },
    booking: { ...settingObject(settings, "booking") },
    payments: { ...settingObject(settings, "payments") },
  };
  const touched = new Set<SettingKey>();
  for (const field of fields) {
    touched.add(field.setting);
    if (field.setting === "payments") continue;
    Object.assign(next[field.setting], storedPatch(field, parsed.values[field.name]!));
  }
  if (touched.has("payments")) next.payments = paymentsFrom(parsed.values);

  const payments = { enabled: next.payments.enabled === true, accounts: (next.payments.accounts ?? {}) as Record<string, string> };
  const names = new Set(fields.map((f) => f.name));
  const ruleErrors = crossRules(target, { target: next.target, payments }).flatMap((r) => r.fields.filter((f) => names.has(f)).map((f) => [f, r.error] as const));
  if (ruleErrors.length) return { ok: false, errors: Object.fromEntries(ruleErrors), values: parsed.values };

  const before = settingObject(settings, "source");
  await db.$transaction(
    [...touched].map((key) => {
      const value = JSON.parse(JSON.stringify(next[key])) as Prisma.InputJsonValue; // drops cleared (undefined) keys
      return db.integrationSetting.upsert({ where: { integrationId_key: { integrationId, key } }, create: { integrationId, key, value }, update: { value } });
    }),
  );

  // On every document's audit trail (integration-level event): who changed which settings, when.
  if (actor) await recordAudit(db, { ...actor, integrationId, action: "settings.saved", detail: { group, fields: [...names] } });

  // A new start date only counts if the poll starts over from it (documents already recorded are not fetched twice).
  if (names.has("startDate") && before.startDate !== next.source.startDate) {
    await db.integration.update({ where: { id: integrationId }, data: { syncCursor: null } });
  }
  // CCV Shop: paid orders or invoices decides which webhooks the shop must send; re-register them at once.
  if (names.has("documentTrigger") && before.documentTrigger !== next.source.documentTrigger && integration.status === "active") {
    const problem = await completeInstall(integrationId);
    if (problem) return { ok: true, warning: problem };
  }
  return { ok: true };
}

/** The payments setting from the form: the switch, the default account and one account per method. */
function paymentsFrom(values: Record<string, FieldValue>): Record<string, unknown> {
  const rows = (values.methodAccounts ?? []) as MethodAccount[];
  const accounts: Record<string, string> = Object.fromEntries(rows.map((r) => [r.method, r.account]));
  const fallback = typeof values.paymentAccount === "string" ? values.paymentAccount : "";
  if (fallback) accounts.default = fallback;
  return { enabled: values.paymentsEnabled === true, accounts };
}
