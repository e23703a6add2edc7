/**
 * The hourly call quota: every answer carries `x-ratelimit-remaining` (calls left this clock
 * hour, reference §4); past the quota the API refuses with 429. The real quota is not published;
 * the sandbox allows QUOTA. Kept in memory per tenant, like a real limiter.
 */
export const QUOTA = 2000;

type Window = { hour: number; used: number; quota: number };
const windows = new Map<string, Window>();

function windowOf(tenant: string, now: number): Window {
  const hour = Math.floor(now / 3_600_000);
  const current = windows.get(tenant);
  if (current && current.hour === hour) return current;
  const fresh = { hour, used: 0, quota: current?.quota ?? QUOTA };
  windows.set(tenant, fresh);
  return fresh;
}

/** Counts one call; returns the calls left, or -1 when the quota was already used up. */
export function takeCall(tenant: string, now = Date.now()): number {
  const w = windowOf(tenant, now);
  if (w.used >= w.quota) return -1;
  w.used += 1;
  return w.quota - w.used;
}

/** `_admin/rate-limit {"remaining": n}`: this hour has n calls left (tests of the exhausted quota). */
export function setRemaining(tenant: string, remaining: number, now = Date.now()): void {
  const w = windowOf(tenant, now);
  w.used = Math.max(0, w.quota - remaining);
}

/** Seconds until the next clock hour, when the quota renews. */
export const secondsToNextHour = (now = Date.now()) => Math.ceil((3_600_000 - (now % 3_600_000)) / 1000);
