import fc from "fast-check";
import { deeplyNested, hugeString, wrongType } from "./malformed";

/**
 * A system that answers garbage where it should answer JSON: the HTML of a proxy's error page,
 * a cut-off body, nothing, bytes that are not UTF-8, or its own JSON with one field of the wrong
 * type or missing. Test-only; wraps a fetch (e.g. the in-process sandboxes).
 */
export type Mangle =
  | { kind: "html" | "empty" | "invalid-utf8" | "deep" | "array" | "huge-field" }
  | { kind: "truncate"; at: number }
  | { kind: "wrong-type"; leaf: number; value: unknown }
  | { kind: "drop"; leaf: number };

export const mangleArbitrary = (): fc.Arbitrary<Mangle> =>
  fc.oneof(
    fc.constantFrom<Mangle>({ kind: "html" }, { kind: "empty" }, { kind: "invalid-utf8" }, { kind: "deep" }, { kind: "array" }),
    fc.double({ min: 0, max: 0.99, noNaN: true }).map((at): Mangle => ({ kind: "truncate", at })),
    fc.record({ leaf: fc.nat(10_000), value: wrongType() }).map((r): Mangle => ({ kind: "wrong-type", ...r })),
    fc.record({ leaf: fc.nat(10_000), value: wrongType() }).map((r): Mangle => ({ kind: "wrong-type", ...r })),
    fc.nat(10_000).map((leaf): Mangle => ({ kind: "drop", leaf })),
  );

/** One of each kind, for fc's `examples`. */
export const namedMangles: Mangle[] = [
  { kind: "html" }, { kind: "empty" }, { kind: "invalid-utf8" }, { kind: "deep" }, { kind: "array" }, { kind: "huge-field" },
  { kind: "truncate", at: 0.5 }, { kind: "wrong-type", leaf: 0, value: "12,34" }, { kind: "wrong-type", leaf: 3, value: -1e30 }, { kind: "drop", leaf: 1 },
];

type Path = (string | number)[];
/** Every path to a value in the JSON, in a fixed order (containers before their contents). */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
function edit(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  change(node, path[path.length - 1]!);
}

/** The body a mangled answer carries instead of `text`. */
export function mangleBody(text: string, mangle: Mangle): { body: string | Uint8Array; contentType: string } {
  const json = { contentType: "application/json" };
  switch (mangle.kind) {
    case "html": return { body: "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>", contentType: "text/html" };
    case "empty": return { body: "", ...json };
    case "invalid-utf8": return { body: Uint8Array.from([...new TextEncoder().encode(text.slice(0, 20)), 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), ...json };
    case "deep": return { body: deeplyNested(50_000), ...json };
    case "truncate": return { body: text.slice(0, Math.floor(text.length * mangle.at)), ...json };
    default: break;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { body: text.slice(0, Math.floor(text.length / 2)), ...json }; // not JSON to begin with: cut it
  }
  if (mangle.kind === "array") return { body: JSON.stringify([parsed]), ...json };
  const all = paths(parsed);
  if (!all.length) return { body: JSON.stringify({ unexpected: parsed }), ...json };
  if (mangle.kind === "huge-field") {
    // The first text or number field (an id, a name, an amount) becomes a megabyte of text.
    const valueAt = (p: Path) => p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], parsed);
    const leaf = all.find((p) => ["string", "number"].includes(typeof valueAt(p))) ?? all[0]!;
    edit(parsed, leaf, (parent, key) => { parent[key] = hugeString(); });
    return { body: JSON.stringify(parsed), ...json };
  }
  const field = mangle as Extract<Mangle, { leaf: number }>;
  const path = all[field.leaf % all.length]!;
  edit(parsed, path, (parent, key) => {
    if (field.kind === "drop") {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else parent[key] = field.value;
  });
  return { body: JSON.stringify(parsed), ...json };
}

/**
 * A fetch that answers `mangle(request)`'s garbage instead of the real answer for the requests it
 * picks (null = pass the real answer through). Only successful answers are mangled: an error the
 * system gives is already what a connector must handle.
 */
export function manglingFetch(inner: typeof fetch, pick: (request: Request) => Mangle | null): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const mangle = pick(request);
    const res = await inner(request);
    if (!mangle || res.status < 200 || res.status >= 300) return res;
    const { body, contentType } = mangleBody(await res.text(), mangle);
    return new Response(body as BodyInit, { status: res.status, headers: { "content-type": contentType } });
  };
}
