/**
 * The cause of an error: its stable code plus the parameters that decide the fix (region and rate
 * of an unmapped VAT rate, not the line it was found on). Documents with the same cause are one
 * group on the Errors tab and one "new cause" alert.
 */
export type ErrorCause = { code: string; params: Record<string, string> };

/** Parameters that say what to fix, per code; other codes group by code alone. */
export const causeParams: Record<string, string[]> = {
  vat_rate_unmapped: ["region", "rate"],
};

/** The parameter names a code groups by (the dashboard's SQL grouping reads the same table). */
export const causeParamNames = (code: string): string[] => causeParams[code] ?? [];
/** Every code that groups by parameters, with its names. */
export const causeParamTable = (): Readonly<Record<string, readonly string[]>> => causeParams;

export function errorCause(code: string, params: unknown): ErrorCause {
  const wanted = causeParams[code] ?? [];
  const source = params && typeof params === "object" ? (params as Record<string, unknown>) : {};
  const picked: Record<string, string> = {};
  for (const name of wanted) if (source[name] !== undefined && source[name] !== null) picked[name] = String(source[name]);
  return { code, params: picked };
}

/** One string per cause, stable across runs (for grouping, URLs and alert de-duplication). */
export const causeKey = (cause: ErrorCause): string =>
  [cause.code, ...Object.keys(cause.params).sort().map((name) => `${name}=${cause.params[name]}`)].join("|");
