import type { Locale } from "./locale";
import type { Messages } from "./translate";

/**
 * Texts that reach a page already written in English (a notice in the URL, a connection's
 * statusDetail, an auth error) are shown in the reader's language when they are one of a known
 * set: each English template (`Connected to {name}.`) is matched against the whole text and the
 * captured parts are put into the Dutch one. Captured parts are themselves looked up again, so a
 * known reason inside a known sentence is translated too. Anything unknown is shown as it is.
 */
export function localizeKnown<K extends string>(messages: Messages<K>, text: string, locale: Locale, depth = 2): string {
  if (locale === "en" || !text) return text;
  for (const key of Object.keys(messages.en) as K[]) {
    const params = matchTemplate(messages.en[key], text);
    if (!params) continue;
    return messages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? (depth > 0 ? localizeKnown(messages, params[name]!, locale, depth - 1) : params[name]!) : whole);
  }
  return text;
}

const compiled = new Map<string, { pattern: RegExp; names: string[] }>();

/** The parameters of `text` when it is `template` with its `{name}` parts filled in, else null. */
export function matchTemplate(template: string, text: string): Record<string, string> | null {
  let entry = compiled.get(template);
  if (!entry) {
    const names: string[] = [];
    const source = template
      .split(/(\{\w+\})/)
      .map((part) => {
        const param = /^\{(\w+)\}$/.exec(part);
        if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(param[1]!);
        return "([\\s\\S]+?)";
      })
      .join("");
    entry = { pattern: new RegExp(`^${source}$`), names };
    compiled.set(template, entry);
  }
  const found = entry.pattern.exec(text.trim());
  if (!found) return null;
  return Object.fromEntries(entry.names.map((name, i) => [name, found[i + 1]!]));
}
