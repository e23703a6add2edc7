import type { Translate } from "../i18n/translate";
import type { ConfigurationKey } from "../i18n/messages/configuration";
import { configGroups, fieldsFor, type ConfigGroup, type FieldDef } from "./configuration-fields";
import { fieldPrefix, type FieldView } from "./configuration-explain";
import { targetPaymentAccount } from "./configuration-rules";
import type { ConfigLists } from "./configuration-schema";
import { currentValue, settingObject } from "./configuration-values";

/** Fields whose options and effects differ per accounting system. */
const PER_TARGET = new Set(["invoiceStatus"]);

export type GroupView = { group: ConfigGroup; fields: FieldView[] };

function optionsOf(field: FieldDef, variant: string | undefined, lists: ConfigLists, value: unknown, t: Translate<ConfigurationKey>): FieldView["options"] {
  const prefix = fieldPrefix({ name: field.name, variant });
  const withCurrent = (options: { value: string; label: string }[]) => {
    // A value stored before the list was read (or no longer in it) stays visible and selected.
    const current = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v !== "");
    const missing = current.filter((v) => !options.some((o) => o.value === v));
    return [...options, ...missing.map((v) => ({ value: v, label: field.kind === "statuses" ? t("f.statuses.unnamed", { id: v }) : v }))];
  };
  switch (field.kind) {
    case "choice":
      return field.options.map((o) => ({ value: o, label: t(`${prefix}.opt.${o}` as ConfigurationKey) }));
    case "statuses":
      return field.fixed
        ? field.fixed.map((o) => ({ value: o, label: t(`${prefix}.opt.${o}` as ConfigurationKey) }))
        : withCurrent(lists.statuses.map((s) => ({ value: s.id, label: s.name })));
    case "template":
      return withCurrent(lists.templates.map((s) => ({ value: s.id, label: s.name })));
    case "account":
    case "methodAccounts":
      return field.kind === "account" ? withCurrent(lists.accounts.map((a) => ({ value: a.id, label: a.name }))) : lists.accounts.map((a) => ({ value: a.id, label: a.name }));
    default:
      return [];
  }
}


/** Every group with the settings that apply to this integration and their current values. */
export function configurationView(
  integration: { sourceSystem: string; targetSystem: string; createdAt: Date },
  settings: Record<string, unknown>,
  lists: ConfigLists,
  t: Translate<ConfigurationKey>,
): GroupView[] {
  const { sourceSystem: source, targetSystem: target } = integration;
  return configGroups.map((group) => ({
    group,
    fields: fieldsFor(group, source, target).map((field): FieldView => {
      const value = currentValue(field, settings, integration.createdAt);
      const variant = PER_TARGET.has(field.name) ? target : undefined;
      const optional = (field.kind === "account" || field.kind === "text") ? field.optional : field.kind === "vatNumber" || (field.kind === "template" && field.default === undefined);
      return {
        name: field.name, group, kind: field.kind, value, optional,
        ...(variant ? { variant } : {}),
        options: optionsOf(field, variant, lists, value, t),
        ...(field.kind === "number" ? { min: field.min, max: field.max } : {}),
        ...(field.name === "paymentAccount" ? { fallback: targetPaymentAccount(target, settingObject(settings, "target")) } : {}),
      };
    }),
  }));
}
