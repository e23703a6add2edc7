/**
 * Retry-After (RFC 9110): seconds (a decimal value is rounded up to the millisecond) or an HTTP
 * date, as milliseconds from `now`; undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long to wait before the next try: Retry-After, or a minute (the usual rate-limit window) without it. */
export const retryAfterMs = (header: string | null | undefined, now = Date.now()): number => parseRetryAfter(header, now) ?? 60_000;
