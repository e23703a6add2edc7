import type { CredentialField } from "@/connectors/setup-types";
import type { Locale } from "./locale";

/** A connector's credential form fields in the reader's language (a field without Dutch wording stays English). */
export function localizeFields(fields: CredentialField[], locale: Locale): CredentialField[] {
  return fields.map(({ nl, ...field }) => {
    if (locale !== "nl" || !nl) return field;
    return {
      ...field,
      label: nl.label,
      help: field.help === undefined ? undefined : (nl.help ?? field.help),
      placeholder: field.placeholder === undefined ? undefined : (nl.placeholder ?? field.placeholder),
      options: field.options?.map((o) => ({ ...o, label: nl.options?.[o.value] ?? o.label })),
    };
  });
}
