/**
 * PHP bracket notation, as WeFact's own PHP client sends it: `InvoiceLines[0][PriceExcl]=10`,
 * `CustomFields[shipping_city]=Utrecht`. Every value travels as text, so amounts never pass
 * through a JS number on their way out.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue | undefined };

export function encodeForm(body: Record<string, FormValue | undefined>): string {
  const params = new URLSearchParams();
  const walk = (key: string, value: FormValue | undefined) => {
    if (value === undefined) return;
    if (typeof value === "string") params.append(key, value);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${key}[${i}]`, v));
    else for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
  };
  for (const [key, value] of Object.entries(body)) walk(key, value);
  return params.toString();
}

/** The reverse, as PHP builds `$_POST`: `a[0][b]=1` → `{a: [{b: "1"}]}` (used by the sandbox). */
export function decodeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) { root[rawKey] = value; continue; }
    const keys = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const slot = key === "" ? String(Object.keys(node).length) : key;
      if (last) node[slot] = value;
      else node = (node[slot] ??= {}) as Record<string, unknown>;
    });
  }
  return arraysFromNumericKeys(root) as Record<string, unknown>;
}

/** PHP arrays with keys 0..n-1 are lists. */
function arraysFromNumericKeys(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, arraysFromNumericKeys(v)] as const);
  const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}
