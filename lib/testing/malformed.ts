import fc from "fast-check";

/**
 * Generators of bad input for the robustness tests (issue 11, "Bad input"): what a broken shop, a
 * proxy's error page or an attacker may send where JSON is expected. Test-only.
 */

/** A raw HTTP body: text, or bytes that need not be valid UTF-8. */
export type RawBody = string | Uint8Array;

/** Over a megabyte. */
export const HUGE = 1_100_000;
/** Over a megabyte of text that does not compress (a repeated character would fit any index once compressed). */
export function hugeString(length = HUGE): string {
  let x = 2463534242;
  let out = "";
  while (out.length < length) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5; // xorshift: the same text on every run
    out += (x >>> 0).toString(36);
  }
  return out.slice(0, length);
}

/** Amounts no shop should send: absurd, not a number, locale commas, exponents, negative. */
export const absurdAmount = () =>
  fc.constantFrom<unknown>(1e30, -1e30, "1e30", "NaN", "Infinity", "-Infinity", "12,34", "1.234,56", "1e5", "1E-7", "0x1F", "", " ", "-0", -1, -24.95, "-24.95", "€ 12,00", "12.345.678", Number.MAX_SAFE_INTEGER, 1e-30, "12.3456789");

/** Quantities and counts that cannot be right. */
export const absurdQuantity = () => fc.constantFrom<unknown>(-1, -1000, 0, 1e30, 0.0001, "two", "1,5", "NaN", null, 1e308);

/** Strings that break naive handling: control characters, NUL, lone surrogates, markup, huge, path tricks. */
export const nastyString = () =>
  fc.oneof(
    fc.constantFrom("", " ", "\u0000", "12\u0000", "\ud800", "a\uffffb", "<script>alert(1)</script>", "../../etc/passwd", "%00", "🙂".repeat(50), "x".repeat(5000), "null", "undefined", "[object Object]", "' OR 1=1 --"),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
  );

/** A value of the wrong type for whatever field it lands in. */
export const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    absurdAmount(),
    nastyString(),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  );

/** JSON nested `depth` deep (arrays or objects). */
export const deeplyNested = (depth: number, kind: "array" | "object" = "array") =>
  kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

/** Bytes that are not UTF-8, inside what looks like JSON. */
export const invalidUtf8 = (prefix = '{"id":"', suffix = '"}') =>
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((noise) => {
    const bad = Uint8Array.from([0xff, 0xfe, 0xc3, 0x28, ...noise, 0xed, 0xa0, 0x80]);
    const enc = new TextEncoder();
    return Uint8Array.from([...enc.encode(prefix), ...bad, ...enc.encode(suffix)]);
  });

/** An error page where JSON was expected. */
export const htmlPage = () =>
  fc.constantFrom(
    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
    "<html><body>Onderhoud: de webwinkel is even niet bereikbaar.</body></html>",
    "<?xml version=\"1.0\"?><error>nope</error>",
  );

/**
 * An object shaped like `fields` (names the code under test reads), each value kept, replaced by a
 * value of the wrong type, or left out.
 */
export function mangledObject(fields: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, value]) =>
    fc.oneof({ weight: 2, arbitrary: fc.constant<[string, unknown] | null>([key, value]) }, fc.constant(null), wrongType().map((v): [string, unknown] => [key, v])),
  );
  return fc.tuple(...entries).map((kept) => Object.fromEntries(kept.filter((e): e is [string, unknown] => e !== null)));
}

/**
 * A malformed request body for an endpoint that expects a JSON object like `example`: every kind
 * the issue names, plus `example` mangled field by field.
 */
export function malformedBody(example: Record<string, unknown> = { id: "1" }): fc.Arbitrary<RawBody> {
  const json = JSON.stringify(example);
  return fc.oneof(
    fc.constant(""),
    htmlPage(),
    fc.nat(Math.max(0, json.length - 1)).map((n) => json.slice(0, n)),
    fc.constant(JSON.stringify({ ...example, id: hugeString() })),
    fc.constant("{".repeat(HUGE)),
    invalidUtf8(),
    fc.constantFrom(deeplyNested(50_000), deeplyNested(50_000, "object"), deeplyNested(200, "object")),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }).map((a) => JSON.stringify(a)),
    fc.constant(JSON.stringify([example])),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
    mangledObject(example).map((o) => JSON.stringify(o)),
    mangledObject(example).map((o) => JSON.stringify(o)),
    absurdAmount().map((a) => JSON.stringify({ ...example, id: a })),
  );
}

/** One body of each kind the issue names, tried on every run before the generated ones. */
export function namedBadBodies(example: Record<string, unknown> = { id: "1" }): RawBody[] {
  const enc = new TextEncoder();
  const json = JSON.stringify(example);
  return [
    "",
    "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
    json.slice(0, Math.floor(json.length / 2)),
    JSON.stringify({ ...example, id: hugeString() }),
    JSON.stringify(Object.fromEntries(Object.keys(example).map((k) => [k, hugeString()]))),
    "{".repeat(HUGE),
    Uint8Array.from([...enc.encode(json.slice(0, -1)), ...enc.encode(',"x":"'), 0xff, 0xfe, 0xc3, 0x28, ...enc.encode('"}')]),
    JSON.stringify({ ...example, id: "12\u0000" }),
    JSON.stringify(Object.fromEntries(Object.keys(example).map((k) => [k, "\u0000"]))),
    deeplyNested(50_000),
    deeplyNested(50_000, "object"),
    JSON.stringify([example]),
    JSON.stringify({ ...example, id: 1e30 }),
    JSON.stringify({ ...example, id: -1 }),
    JSON.stringify({ ...example, id: "12,34" }),
    JSON.stringify(Object.fromEntries(Object.keys(example).map((k) => [k, []]))),
    JSON.stringify({}),
    "null",
    "42",
  ];
}

/** A value as a failure report shows it: a megabyte counterexample would drown the log. */
export function brief(value: unknown, max = 300): string {
  const text = value instanceof Uint8Array ? `bytes[${value.length}] ${Buffer.from(value.slice(0, max)).toString("hex")}` : typeof value === "string" ? JSON.stringify(value) : (() => { try { return JSON.stringify(value) ?? String(value); } catch { return String(value); } })();
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** fc.assert with a failure report that names the counterexample briefly and the error it caused. */
export async function assertProperty<Ts extends unknown[]>(property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>, params: fc.Parameters<Ts>): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, params);
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Property failed (seed ${details.seed}, path ${details.counterexamplePath}) on ${(details.counterexample ?? []).map((v) => brief(v)).join(", ")}:\n${brief(cause, 2000)}`);
}
