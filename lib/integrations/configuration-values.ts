import { startDateOf } from "../pipeline/start-date";
import type { FieldDef, SettingKey } from "./configuration-fields";

/** A setting's value as the form shows and sends it. */
export type MethodAccount = { method: string; account: string };
export type FieldValue = string | boolean | string[] | MethodAccount[];

type Settings = Record<string, unknown>;
const objectOf = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The stored object of one setting key. */
export const settingObject = (settings: Settings, key: SettingKey) => objectOf(settings[key]);

/**
 * The value the engine uses today for a field: what is stored, else the connector's default
 * (the manuals' behaviour), in the form's shape.
 */
export function currentValue(field: FieldDef, settings: Settings, createdAt: Date): FieldValue {
  const stored = settingObject(settings, field.setting);
  const raw = stored[field.path];
  switch (field.kind) {
    case "switch":
      return typeof raw === "boolean" ? raw : field.default;
    case "number":
      return Number.isFinite(Number(raw)) && raw !== null && raw !== "" && raw !== undefined ? String(raw) : String(field.default);
    case "statuses":
      return Array.isArray(raw) && raw.length ? raw.map(String) : [...field.default];
    case "date":
      return startDateOf({ settings, createdAt });
    case "choice":
      if (field.name === "invoiceWithMutation") return raw === true ? "yes" : raw === false ? "no" : "auto";
      return typeof raw === "string" && field.options.includes(raw) ? raw : field.default;
    case "template":
      // e-Boekhouden names its layout `invoiceTemplate`; the wizard stores the chosen layout as `templateId`.
      if (field.name === "invoiceTemplate") return String(raw ?? stored.templateId ?? field.default ?? "");
      return typeof raw === "string" || typeof raw === "number" ? String(raw) : (field.default ?? "");
    case "account":
      if (field.setting === "payments") return String(objectOf(stored.accounts).default ?? "");
      return typeof raw === "string" ? raw : (field.default ?? "");
    case "methodAccounts":
      return Object.entries(objectOf(stored.accounts))
        .filter(([method]) => method !== "default")
        .map(([method, account]) => ({ method, account: String(account) }));
    case "country":
      return typeof raw === "string" && raw ? raw : field.default;
    default:
      return typeof raw === "string" ? raw : "";
  }
}

/** The patch a parsed value makes to its stored setting object (payments are handled as a whole). */
export function storedPatch(field: FieldDef, value: FieldValue): Record<string, unknown> {
  if (field.name === "invoiceWithMutation") return { invoiceWithMutation: value === "yes" ? true : value === "no" ? false : undefined };
  // e-Boekhouden reads `invoiceTemplate`, else the wizard's `templateId`: keep the one name the wizard also writes.
  if (field.name === "invoiceTemplate") return { invoiceTemplate: undefined, templateId: value };
  if (field.kind === "number") return { [field.path]: Number(value) };
  if ((field.kind === "template" || field.kind === "text" || field.kind === "vatNumber" || field.kind === "account") && value === "") return { [field.path]: undefined };
  return { [field.path]: value };
}
