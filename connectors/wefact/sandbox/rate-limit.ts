/**
 * WeFact's per-IP limits (a live account reports 500 a minute and 5000 an hour): every answer
 * carries API-RateLimit-* headers; past a limit the IP is firewalled (HTTP 403) until the window
 * resets. Kept in memory per tenant (the sandbox has no real client IPs).
 */
export const SANDBOX_LIMITS = { minute: 500, hour: 5000 } as const;

type Window = { start: number; count: number };
const windows = new Map<string, { minute: Window; hour: Window }>();

export type Budget = { allowed: boolean; headers: Record<string, string> };

export function spend(tenant: string, now = Date.now()): Budget {
  const w = windows.get(tenant) ?? { minute: { start: now, count: 0 }, hour: { start: now, count: 0 } };
  if (now - w.minute.start >= 60_000) w.minute = { start: now, count: 0 };
  if (now - w.hour.start >= 3_600_000) w.hour = { start: now, count: 0 };
  w.minute.count += 1;
  w.hour.count += 1;
  windows.set(tenant, w);
  const headers = {
    "API-RateLimit-Remaining-Minute": String(Math.max(0, SANDBOX_LIMITS.minute - w.minute.count)),
    "API-RateLimit-Remaining-Hour": String(Math.max(0, SANDBOX_LIMITS.hour - w.hour.count)),
    "API-RateLimit-Reset-Minute": String(Math.ceil((w.minute.start + 60_000) / 1000)),
    "API-RateLimit-Reset-Hour": String(Math.ceil((w.hour.start + 3_600_000) / 1000)),
  };
  return { allowed: w.minute.count <= SANDBOX_LIMITS.minute && w.hour.count <= SANDBOX_LIMITS.hour, headers };
}

/** `_admin/reset` and tests start with a full budget. */
export const clearBudget = (tenant: string) => windows.delete(tenant);
