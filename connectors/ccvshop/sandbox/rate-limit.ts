import { ccvError } from "./http";

/**
 * CCV's per-minute limits: 150 reads and 100 writes per resource and method (429.10), plus a
 * total per shop (429.11; the real number is unknown, 600 here). Kept in memory: limits are about
 * this process's traffic, and a restart forgiving them is harmless.
 */
const WINDOW_MS = 60_000;
export const SANDBOX_LIMITS = { read: 150, write: 100, total: 600 };
const windows = new Map<string, number[]>();

function hit(key: string, limit: number, now: number): number | null {
  const stamps = (windows.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
  windows.set(key, stamps);
  if (stamps.length >= limit) return stamps[0]! + WINDOW_MS - now;
  return null;
}

/** Counts this request; a 429 in CCV's shape (with Retry-After) when a limit is exceeded. */
export function rateLimit(tenant: string, resource: string, method: string, now = Date.now()): Response | null {
  const write = method !== "GET";
  const resourceKey = `${tenant}|${resource}|${method}`;
  const totalKey = `${tenant}|*`;
  const waitResource = hit(resourceKey, write ? SANDBOX_LIMITS.write : SANDBOX_LIMITS.read, now);
  const waitTotal = hit(totalKey, SANDBOX_LIMITS.total, now);
  const wait = waitResource ?? waitTotal;
  if (wait !== null) {
    const retryAfter = String(Math.max(1, Math.ceil(wait / 1000)));
    return waitResource !== null
      ? ccvError(429, "429.10", "Each method in each resource has a limit of requests that can be made per minute. Please lower the frequency of your request rate.", { "retry-after": retryAfter })
      : ccvError(429, "429.11", "The total number of requests per minute for this webshop was exceeded. Please lower the frequency of your request rate.", { "retry-after": retryAfter });
  }
  windows.get(resourceKey)!.push(now);
  windows.get(totalKey)!.push(now);
  return null;
}

/** Tests only. */
export const resetSandboxRateLimits = () => windows.clear();
