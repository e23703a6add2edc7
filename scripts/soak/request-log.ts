import { loggedRequests, type LoggedRequest } from "./sandbox-http";

/**
 * The sandboxes keep only the last 2,000 requests per tenant (`_admin/requests`), so a long run is
 * collected by polling: every entry once, oldest first.
 */
export function collectRequests(app: string, tenants: { system: string; tenant: string }[], everyMs = 3_000) {
  const seen = new Map<string, { entries: LoggedRequest[]; lastAt: string; atLast: number }>();
  for (const t of tenants) seen.set(`${t.system}/${t.tenant}`, { entries: [], lastAt: "", atLast: 0 });
  const pollOnce = async () => {
    await Promise.all(tenants.map(async (t) => {
      const s = seen.get(`${t.system}/${t.tenant}`)!;
      const log = await loggedRequests(app, t.system, t.tenant).catch(() => null);
      if (!log) return;
      let atLastNow = 0;
      for (const e of log) {
        if (e.at < s.lastAt) continue;
        if (e.at === s.lastAt && ++atLastNow <= s.atLast) continue;
        if (e.at > s.lastAt) { s.lastAt = e.at; s.atLast = 0; atLastNow = 1; }
        s.atLast = Math.max(s.atLast, atLastNow);
        s.entries.push(e);
      }
    }));
  };
  let running = true;
  const loop = (async () => { while (running) { await pollOnce(); await new Promise((r) => setTimeout(r, everyMs)); } })();
  return {
    async stop(): Promise<Map<string, LoggedRequest[]>> {
      running = false;
      await loop;
      await pollOnce();
      return new Map([...seen].map(([k, v]) => [k, v.entries]));
    },
  };
}

/** The most requests in any window of `windowMs` (sliding), among entries matching `filter`. */
export function maxInWindow(entries: LoggedRequest[], windowMs = 60_000, filter: (e: LoggedRequest) => boolean = () => true): number {
  const times = entries.filter(filter).map((e) => Date.parse(e.at)).sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
