/**
 * `npm run bench:calls`: external API calls per booked document in steady state (debtor and
 * products already known), for each demo pair, from the sandboxes' request logs (_admin/requests).
 * BENCH_CALLS_WARMUP (2) documents per integration first, then BENCH_CALLS_DOCS (10) counted ones.
 * Target: one create per document plus the duplicate-guard lookup where the target needs one.
 */
import { pairs } from "./lib/documents";
import { backendOf, envNumber, log, withServer } from "./lib/harness";
import { recordedCalls } from "./lib/read-db";
import { round, writeResult } from "./lib/results";
import { Feed, waitUntilBooked, type LoggedRequest } from "./lib/sandbox";

/** "GET /api/v1/contacts/123?email=x" → "GET /api/v1/contacts/:id?email=": one endpoint, whatever the ids and values. */
export function endpointOf(r: Pick<LoggedRequest, "method" | "path"> & { action?: string }, tenant: string): string {
  const [rawPath, query] = r.path.split("?");
  const path = rawPath!.replace(new RegExp(`^/sandbox/[^/]+/${tenant}`, "i"), "")
    .split("/").map((s) => (/^\d+$/.test(s) || /^[0-9a-f-]{16,}$/i.test(s) || /^c[a-z0-9]{20,}$/.test(s) ? ":id" : s.toLowerCase().includes(tenant.toLowerCase()) ? ":reference" : s)).join("/");
  const keys = query ? [...new URLSearchParams(query).keys()].sort().map((k) => `${k}=`).join("&") : "";
  return `${r.method} ${path}${keys ? `?${keys}` : ""}${r.action ? ` ${r.action}` : ""}`;
}

export function countEndpoints(requests: (Pick<LoggedRequest, "method" | "path"> & { action?: string })[], tenant: string, docs: number) {
  const api = requests.filter((r) => !r.path.includes("/_admin/"));
  const counts = new Map<string, number>();
  for (const r of api) counts.set(endpointOf(r, tenant), (counts.get(endpointOf(r, tenant)) ?? 0) + 1);
  return {
    total: api.length, perDocument: round(api.length / docs, 2),
    endpoints: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, { calls: n, perDocument: round(n / docs, 2) }])),
  };
}

export async function benchCalls() {
  const WARMUP = envNumber("BENCH_CALLS_WARMUP", 2);
  const DOCS = envNumber("BENCH_CALLS_DOCS", 10);
  const keys = pairs.map((p, i) => ({ licenseKey: `BENCH-CALLS-${i}`, like: p.like, pair: p }));

  const run = await withServer("calls", { integrations: keys.map(({ licenseKey, like }) => ({ licenseKey, like })) }, async (server) => {
    const feeds = keys.map((k) => new Feed(server.sandboxUrl, server.executorUrl, k.licenseKey, k.pair));
    log(`calls: warm-up, ${WARMUP} document(s) per integration`);
    for (let i = 0; i < WARMUP; i++) for (const feed of feeds) await feed.post();
    for (const feed of feeds) await feed.announce();
    const warm = await waitUntilBooked(feeds.map((feed) => ({ feed, expected: WARMUP })), 300_000);
    if (warm.length) throw new Error(`calls: warm-up not booked: ${warm.map((m) => `${m.feed.licenseKey} ${m.got}/${m.expected}`).join(", ")}`);
    // The logs are append-only: what comes after these lengths is the counted batch.
    const before = await Promise.all(feeds.map(async (f) => ({ shop: (await f.shop.requests()).length, books: (await f.books.requests()).length })));
    log(`calls: ${DOCS} counted document(s) per integration`);
    const counted = new Map<Feed, string[]>(feeds.map((f) => [f, []]));
    for (let i = 0; i < DOCS; i++) for (const feed of feeds) counted.get(feed)!.push((await feed.post()).sourceId);
    for (const feed of feeds) await feed.announce();
    const missing = await waitUntilBooked(feeds.map((feed) => ({ feed, expected: WARMUP + DOCS })), 120_000 + DOCS * feeds.length * 5_000);
    // Let trailing calls (a poll's last page, a payment) land before reading the logs.
    await new Promise((r) => setTimeout(r, 3000));
    return Promise.all(feeds.map(async (f, i) => ({
      licenseKey: f.licenseKey, like: f.pair.like, sourceIds: counted.get(f)!, source: f.pair.source, target: f.pair.target,
      missing: missing.find((m) => m.feed === f)?.got,
      shop: (await f.shop.requests()).slice(before[i]!.shop),
      books: (await f.books.requests()).slice(before[i]!.books),
    })));
  });

  try {
    const recorded = await Promise.all(run.measured.map((m) => recordedCalls(run.db, run.seeded.integrations[m.licenseKey]!, m.sourceIds)));
    const perPair = run.measured.map((m, i) => ({
      pair: m.like.replace("DEMO-", ""), target: m.target, source: m.source,
      notBooked: m.missing === undefined ? 0 : WARMUP + DOCS - m.missing,
      targetCalls: countEndpoints(m.books, m.licenseKey.toLowerCase(), DOCS),
      shopCalls: countEndpoints(m.shop, m.licenseKey.toLowerCase(), DOCS),
      // Our own log of the same calls, which names WeFact's controller/action (its API is one POST endpoint).
      recordedTargetCalls: countEndpoints(recorded[i]!.filter((c) => c.system === m.target), m.licenseKey.toLowerCase(), DOCS),
    }));
    const file = writeResult({
      name: "calls", backend: backendOf(),
      settings: { warmupPerIntegration: WARMUP, docsPerIntegration: DOCS, note: "steady state: same customer and products as the warm-up documents" },
      headlines: perPair.map((p) => ({
        metric: `${p.target} API calls per document (${p.pair})`,
        value: `${p.targetCalls.perDocument} (${Object.entries(p.target === "wefact" ? p.recordedTargetCalls.endpoints : p.targetCalls.endpoints).map(([k, v]) => `${k} ×${v.perDocument}`).join(", ")})`,
        target: "≤ 2 (create + duplicate guard)", met: p.notBooked === 0 && (p.targetCalls.perDocument ?? 99) <= 2,
      })),
      figures: { perPair },
    });
    log(`calls: ${perPair.map((p) => `${p.target} ${p.targetCalls.perDocument}/doc`).join(", ")} → ${file}`);
    return perPair;
  } finally {
    await run.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCalls();
