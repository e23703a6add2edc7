/**
 * Retry delays: exponential from `baseMs`, capped, with ±25% jitter so retries of many runs
 * that failed together (an outage) do not hit the target system at the same instant.
 */
export function backoffMs(failedAttempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}

/** `Retry-After` as RetryAfterError sends it: whole seconds, or an HTTP/ISO date. Returns a delay in ms. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
