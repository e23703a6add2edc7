import type { Locale } from "./locale";

/** One area's messages: English is the reference, Dutch must have exactly the same keys. */
export type Messages<K extends string> = { en: Record<K, string>; nl: Record<K, string> };

export const defineMessages = <K extends string>(messages: { en: Record<K, string>; nl: NoInfer<Record<K, string>> }): Messages<K> => messages;

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/**
 * A translator for one area in one language: `t("greeting", { name })` fills `{name}`. A missing
 * parameter stays visible as `{name}` so a mistake shows instead of silently vanishing.
 */
export function translator<K extends string>(messages: Messages<K>, locale: Locale): Translate<K> {
  const table = messages[locale];
  return (key, params) => {
    const text = table[key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  };
}
