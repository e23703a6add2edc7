import { sourceSystemSchema, systemNames, targetSystemSchema } from "@/connectors/types";
import type { Locale } from "../i18n/locale";
import { countryOptions } from "./countries";

/** The trial form's choices, named for the page's language. */
export function trialFormOptions(locale: Locale) {
  const asOptions = (list: { code: string; name: string }[]) => list.map((c) => ({ value: c.code, label: c.name }));
  const countries = countryOptions(locale);
  return {
    sources: sourceSystemSchema.options.map((id) => ({ value: id, label: systemNames[id] })),
    targets: targetSystemSchema.options.map((id) => ({ value: id, label: systemNames[id] })),
    countries: { first: asOptions(countries.first), eu: asOptions(countries.eu), other: asOptions(countries.other) },
  };
}
