import type { LoggedRequest } from "./sandbox-http";
import { maxInWindow } from "./request-log";

/**
 * The documented request limits of the systems a flood reaches (shared/reference/webshop-apis.md
 * and accounting-apis.md), checked against the sandboxes' request logs: the busiest sliding
 * window of attempts (429 answers included: each is a request we sent over the limit).
 */
type Limit = { window: "minute" | "hour"; limit: number | null; per?: "resource+method"; source: string; sandboxEnforces: string };

const LIMITS: Record<string, Limit[]> = {
  ccvshop: [
    { window: "minute", limit: 150, per: "resource+method", source: "webshop-apis.md §2.2: 150 reads per minute per resource and method (100 writes); 429.10", sandboxEnforces: "yes, 429.10 per resource and method, 429.11 at 600 in total (CCV's total is unknown)" },
  ],
  kmoshops: [{ window: "minute", limit: 120, source: "connectors/kmoshops/README.md: 120 requests per minute per shop", sandboxEnforces: "yes, 429 with Retry-After" }],
  wefact: [
    { window: "minute", limit: 200, source: "accounting-apis.md: the docs say 200/min (a live account reported 500/min); past it the IP is firewalled (403)", sandboxEnforces: "yes, at the live account's 500/min and 5000/h (403 firewall)" },
    { window: "hour", limit: 3600, source: "accounting-apis.md: the docs say 3600/hour (a live account reported 5000/hour)", sandboxEnforces: "yes, at 5000/h" },
  ],
  rompslomp: [{ window: "minute", limit: null, source: "accounting-apis.md: 429 with Retry-After; the number is not published", sandboxEnforces: "no limit (429 only as an injected fault)" }],
  factuursturen: [{ window: "hour", limit: null, source: "accounting-apis.md: an hourly quota (x-ratelimit-remaining), the number is not published", sandboxEnforces: "yes, 2000 calls per clock hour (the sandbox's assumption), 429 past it" }],
};

const ccvResource = (p: string) => /^\/api\/rest\/v1\/([^/?]+)/.exec(p)?.[1] ?? p;

export type RateLimitLine = {
  tenant: string; window: "minute" | "hour"; busiestMinute?: number; busiestHour?: number; busiestKey?: string;
  limit: number | null; exceeded: boolean | null; answered429: number; answered403: number; requests: number; source: string; sandboxEnforces: string;
};

export function rateLimitReport(logs: Map<string, LoggedRequest[]>): (RateLimitLine & { busiestMinute: number })[] {
  const out: (RateLimitLine & { busiestMinute: number })[] = [];
  for (const [tenant, entries] of logs) {
    const system = tenant.split("/")[0]!;
    for (const limit of LIMITS[system] ?? []) {
      const windowMs = limit.window === "minute" ? 60_000 : 3_600_000;
      let busiest = maxInWindow(entries, windowMs);
      let busiestKey: string | undefined;
      let cap = limit.limit;
      if (limit.per === "resource+method") {
        // CCV counts per resource and method: the key closest to (or furthest past) its own cap.
        const keys = [...new Set(entries.map((e) => `${e.method} ${ccvResource(e.path)}`))].map((key) => {
          const n = maxInWindow(entries, windowMs, (e) => `${e.method} ${ccvResource(e.path)}` === key);
          return { key, n, cap: key.startsWith("GET ") ? 150 : 100 };
        });
        const worst = keys.sort((a, b) => b.n / b.cap - a.n / a.cap)[0];
        if (worst) ({ key: busiestKey, n: busiest, cap } = worst);
      }
      out.push({
        tenant, window: limit.window, busiestMinute: maxInWindow(entries, 60_000), ...(limit.window === "hour" ? { busiestHour: busiest } : {}), ...(busiestKey ? { busiestKey, busiestMinute: busiest } : {}),
        limit: cap, exceeded: cap === null ? null : busiest > cap,
        answered429: entries.filter((e) => e.status === 429).length, answered403: entries.filter((e) => e.status === 403).length, requests: entries.length,
        source: limit.source, sandboxEnforces: limit.sandboxEnforces,
      });
    }
  }
  return out;
}
