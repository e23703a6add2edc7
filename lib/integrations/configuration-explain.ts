import type { Translate } from "../i18n/translate";
import type { ConfigurationKey } from "../i18n/messages/configuration";
import type { ConfigGroup, FieldKind } from "./configuration-fields";
import type { FieldValue, MethodAccount } from "./configuration-values";

/** One field as the tab draws it (plain data, sent to the browser). */
export type FieldView = {
  name: string;
  group: ConfigGroup;
  kind: FieldKind;
  /** Set where a field's options and effects differ per accounting system (its messages carry the system). */
  variant?: string;
  options: { value: string; label: string }[];
  value: FieldValue;
  min?: number;
  max?: number;
  optional?: boolean;
  /** Payments: the account the target's own settings use when none is chosen here. */
  fallback?: string;
};

export type ExplainContext = { source: string; target: string; documents: string };

/** The message prefix of a field: `f.<name>` or, per system, `f.<name>.<system>`. */
export const fieldPrefix = (view: Pick<FieldView, "name" | "variant">) => (view.variant ? `f.${view.name}.${view.variant}` : `f.${view.name}`);

const labelOf = (view: FieldView, value: string) => view.options.find((o) => o.value === value)?.label ?? value;

/** The one line saying what the field's value does, in the merchant's language. */
export function explainField(t: Translate<ConfigurationKey>, view: FieldView, value: FieldValue, ctx: ExplainContext): string {
  const key = (suffix: string) => `${fieldPrefix(view)}.${suffix}` as ConfigurationKey;
  const plain = (suffix: string) => `f.${view.name}.${suffix}` as ConfigurationKey;
  const params = { ...ctx, fallback: view.fallback ?? t("none") };
  switch (view.kind) {
    case "switch":
      return t(plain(value === true ? "on" : "off"), params);
    case "choice":
      return t(key(`is.${String(value)}`), params);
    case "statuses": {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      return t(plain("explain"), { ...params, list: ids.map((id) => labelOf(view, id)).join(", ") || t("none") });
    }
    case "methodAccounts": {
      const rows = (Array.isArray(value) ? (value as MethodAccount[]) : []).filter((r) => r.method && r.account);
      return rows.length ? t(plain("explain"), { ...params, count: rows.length }) : t(plain("unset"), params);
    }
    case "template":
      if (view.name === "invoiceTemplate") return t(plain("explain"), { ...params, value: labelOf(view, String(value)) });
      return value ? t(plain("explain"), { ...params, value: labelOf(view, String(value)) }) : t(plain("unset"), params);
    case "account":
    case "text":
    case "vatNumber":
      return value || !view.optional ? t(plain("explain"), { ...params, value: labelOf(view, String(value)) }) : t(plain("unset"), params);
    default:
      return t(plain("explain"), { ...params, value: String(value) });
  }
}
