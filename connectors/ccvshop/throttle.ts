import { withMargin, type RateRule } from "../kit/rate-limiter";

/**
 * CCV's per-minute limits (webshop-apis.md §2.2): 150 reads and 100 writes per resource and
 * method, per API key; 429.10 past them. Counted per shop + API key + method + resource (the
 * first path segment after /api/rest/v1, as CCV names its resources: orders/1/orderrows is
 * "orders"), with the shared limiter's safety margin. CCV's total per shop (429.11) is unknown.
 */
export const CCV_LIMITS = { read: 150, write: 100 } as const;
const WINDOW_MS = 60_000;

const resourceOf = (uri: string) => /^\/api\/rest\/v1\/([^/?]+)/.exec(uri)?.[1] ?? uri.split("?")[0]!;

export function ccvRateKey(base: string, publicKey: string, method: string, uri: string): string {
  return `ccvshop|${base}|${publicKey}|${method.toUpperCase()} ${resourceOf(uri)}`;
}

export function ccvRules(method: string): RateRule[] {
  return [withMargin({ limit: method.toUpperCase() === "GET" ? CCV_LIMITS.read : CCV_LIMITS.write, windowMs: WINDOW_MS })];
}
