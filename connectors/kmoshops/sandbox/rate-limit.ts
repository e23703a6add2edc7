import { RATE_LIMIT_PER_MINUTE } from "../contract";
import { kmoError } from "./http";

/** The per-shop request limit of contract.ts, in memory: a restart forgiving it is harmless. */
const WINDOW_MS = 60_000;
const windows = new Map<string, number[]>();

export function rateLimit(tenant: string, now = Date.now()): Response | null {
  const stamps = (windows.get(tenant) ?? []).filter((t) => t > now - WINDOW_MS);
  windows.set(tenant, stamps);
  if (stamps.length >= RATE_LIMIT_PER_MINUTE) {
    const retryAfter = String(Math.max(1, Math.ceil((stamps[0]! + WINDOW_MS - now) / 1000)));
    return kmoError(429, `More than ${RATE_LIMIT_PER_MINUTE} requests per minute for this shop; try again in ${retryAfter} s.`, { "retry-after": retryAfter });
  }
  stamps.push(now);
  return null;
}

/** Tests only. */
export const resetSandboxRateLimits = () => windows.clear();
