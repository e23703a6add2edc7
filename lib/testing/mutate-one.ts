import fc from "fast-check";

/** Junk for `replace` that means: remove the key (an array element becomes undefined). */
export const ABSENT = Symbol("absent");

/** Values a field may wrongly hold: every JSON type, non-finite numbers, odd strings. */
export const junkValues: unknown[] = [
  ABSENT, undefined, null, 0, 1, -1, 2, 21, Number.NaN, Number.POSITIVE_INFINITY, true, false, "", " ", "x", "1e5", "1,5", "+1", "1.", ".5", " 1", "--1",
  "0x10", "nl", "NLD", "N1", "eur", "EURO", "2026-1-01", "2026-11-22T10:00", "Order", "cash", "refund", {}, [], [{}], new Date(0),
];

/**
 * Generated values of `valid` with one value somewhere (at any depth: a field, an array element, a
 * whole object) replaced by one of `junk` or removed. Used to compare a direct check with the zod
 * schema it stands in for: the verdicts must agree on all of them.
 */
export function mutateOne<T>(valid: fc.Arbitrary<T>, junk: unknown[] = junkValues): fc.Arbitrary<T> {
  return fc.tuple(valid, fc.nat(), fc.constantFrom(...junk)).map(([value, at, replacement]) => {
    const places: [Record<string | number, unknown>, string | number][] = [];
    const walk = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        places.push([node as Record<string | number, unknown>, Array.isArray(node) ? Number(k) : k]);
        walk(v);
      }
    };
    walk(value);
    if (places.length === 0) return value;
    const [parent, key] = places[at % places.length]!;
    if (replacement === ABSENT && !Array.isArray(parent)) delete parent[key];
    else parent[key] = replacement === ABSENT ? undefined : replacement;
    return value;
  });
}

/** An object of the given fields, some optional ones sometimes absent or undefined, and sometimes a key the schema does not know. */
export function objectOf(fields: Record<string, fc.Arbitrary<unknown>>, optionalKeys: string[]) {
  const arbitraries = Object.fromEntries(
    Object.entries(fields).map(([key, arb]) => [key, optionalKeys.includes(key) ? fc.oneof(arb, fc.constant(undefined), fc.constant(ABSENT)) : arb]),
  );
  return fc.tuple(fc.record(arbitraries), fc.boolean(), fc.boolean()).map(([value, extra, reversed]) => {
    const entries = Object.entries(value).filter(([, v]) => v !== ABSENT);
    // Input key order must not matter: the output follows the schema.
    const out: Record<string, unknown> = Object.fromEntries(reversed ? entries.reverse() : entries);
    if (extra) out.unknownField = "dropped by the schema";
    return out;
  });
}
