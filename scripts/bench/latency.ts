/**
 * `npm run bench:latency`: webhook → booked, p50/p95. Documents are posted to the webhook shops'
 * sandboxes (CCV Shop → Rompslomp, CCV Shop → WeFact, KMO Shops → Factuursturen), which fire the
 * real webhook; the accounting sandboxes answer every call after BENCH_LATENCY_TARGET_MS (50) ms.
 * Latency = document's bookedAt (database) − the moment the bench posted it to the shop.
 * Sizes: BENCH_LATENCY_DOCS (30) at BENCH_LATENCY_RATE documents per second (0.5), after one
 * warm-up document per integration (debtor and products then known).
 */
import { pairs } from "./lib/documents";
import { envNumber, log, withServer, backendOf } from "./lib/harness";
import { documentTimings } from "./lib/read-db";
import { mean, percentile, round, writeResult } from "./lib/results";
import { Feed, waitUntilBooked } from "./lib/sandbox";

export async function benchLatency() {
  const DOCS = envNumber("BENCH_LATENCY_DOCS", 30);
  const RATE = envNumber("BENCH_LATENCY_RATE", 0.5);
  const TARGET_MS = envNumber("BENCH_LATENCY_TARGET_MS", 50);
  const webhookPairs = pairs.filter((p) => p.webhook);
  const keys = webhookPairs.map((p, i) => ({ licenseKey: `BENCH-LAT-${i}`, like: p.like, pair: p }));

  const run = await withServer("latency", { integrations: keys.map(({ licenseKey, like }) => ({ licenseKey, like })) }, async (server) => {
    const feeds = keys.map((k) => new Feed(server.sandboxUrl, server.executorUrl, k.licenseKey, k.pair));
    for (const feed of feeds) await feed.books.faults({ latencyMs: TARGET_MS });
    log(`latency: warm-up, one document per integration`);
    for (const feed of feeds) await feed.post();
    const warm = await waitUntilBooked(feeds.map((feed) => ({ feed, expected: 1 })), 180_000);
    if (warm.length) throw new Error(`latency: warm-up not booked: ${warm.map((m) => m.feed.licenseKey).join(", ")}`);
    log(`latency: posting ${DOCS} documents at ${RATE}/s`);
    const posted: { licenseKey: string; sourceId: string; postedAt: number }[] = [];
    const start = Date.now();
    for (let i = 0; i < DOCS; i++) {
      const due = start + (i / RATE) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const feed = feeds[i % feeds.length]!;
      posted.push({ licenseKey: feed.licenseKey, ...(await feed.post()) });
    }
    const expected = feeds.map((feed) => ({ feed, expected: 1 + posted.filter((p) => p.licenseKey === feed.licenseKey).length }));
    const missing = await waitUntilBooked(expected, 120_000 + DOCS * 5_000);
    return { posted, missing: missing.map((m) => ({ licenseKey: m.feed.licenseKey, expected: m.expected, got: m.got })) };
  });

  try {
    const ids = run.seeded.integrations;
    const timings = await documentTimings(run.db, Object.values(ids));
    const byKey = new Map(timings.map((t) => [`${t.integrationId}:${t.sourceId}`, t]));
    const rows = run.measured.posted.map((p) => ({ ...p, t: byKey.get(`${ids[p.licenseKey]}:${p.sourceId}`) }));
    const booked = rows.filter((r) => r.t?.bookedAt);
    const latencies = booked.map((r) => r.t!.bookedAt! - r.postedAt);
    const part = (f: (r: (typeof booked)[number]) => number | null) => round(mean(booked.map(f).filter((v): v is number => v !== null)));
    const perPair = keys.map((k) => {
      const own = booked.filter((r) => r.licenseKey === k.licenseKey).map((r) => r.t!.bookedAt! - r.postedAt);
      return { pair: k.like.replace("DEMO-", ""), booked: own.length, p50Ms: percentile(own, 50), p95Ms: percentile(own, 95) };
    });
    const p50 = percentile(latencies, 50), p95 = percentile(latencies, 95);
    const figures = {
      posted: rows.length, booked: booked.length, notBooked: rows.filter((r) => !r.t?.bookedAt).map((r) => ({ licenseKey: r.licenseKey, status: r.t?.status, errorCode: r.t?.errorCode })),
      missing: run.measured.missing,
      latencyMs: { p50, p95, max: latencies.length ? Math.max(...latencies) : null, mean: round(mean(latencies)) },
      perPair,
      // Where the time goes, per document (means): webhook arrival, executor queue, run, external calls.
      breakdownMeanMs: {
        postToReceived: part((r) => r.t!.receivedAt - r.postedAt),
        executorQueue: part((r) => r.t!.queuedMs),
        run: part((r) => r.t!.runMs),
        externalCallsInRun: part((r) => r.t!.externalMs),
        // Run time not spent waiting on shop or target: executor round trips, SDK, database, our code.
        runOutsideExternalCalls: part((r) => (r.t!.runMs === null ? null : r.t!.runMs - r.t!.externalMs)),
      },
      perDocument: { steps: round(mean(booked.map((r) => r.t!.steps)), 1), runs: round(mean(booked.map((r) => r.t!.runs)), 2), externalCalls: round(mean(booked.map((r) => r.t!.externalCalls)), 1) },
    };
    const file = writeResult({
      name: "latency", backend: backendOf(),
      settings: { docs: DOCS, ratePerSecond: RATE, targetLatencyMs: TARGET_MS, integrations: keys.map((k) => k.like) },
      headlines: [
        { metric: `webhook → booked p50 (targets at ${TARGET_MS} ms, ${RATE} doc/s)`, value: p50 === null ? "n/a" : `${(p50 / 1000).toFixed(2)} s` },
        { metric: `webhook → booked p95 (targets at ${TARGET_MS} ms, ${RATE} doc/s)`, value: p95 === null ? "n/a" : `${(p95 / 1000).toFixed(2)} s`, target: "< 3 s", met: p95 !== null && p95 < 3000 && booked.length === rows.length },
        { metric: "executor steps per document", value: String(figures.perDocument.steps) },
      ],
      figures,
    });
    log(`latency: ${JSON.stringify(figures.latencyMs)} → ${file}`);
    return figures;
  } finally {
    await run.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLatency();
