/**
 * `npm run bench:throughput`: documents booked per minute with many integrations, and the server's
 * peak memory meanwhile. BENCH_INTEGRATIONS (100) integrations spread evenly over the five demo
 * pairs, one warm-up document each (debtor and products then known), then for each target latency
 * in BENCH_THROUGHPUT_LATENCIES ("0,50" ms) BENCH_THROUGHPUT_DOCS (150) documents posted round-robin
 * as fast as the shops take them (webhook shops announce them; polled shops get "Fetch now").
 * Throughput = documents / (last bookedAt − first post). Memory = peak RSS of the server's process
 * tree, sampled from /proc every 500 ms.
 */
import os from "node:os";
import { pairs } from "./lib/documents";
import { backendOf, envNumber, log, withServer } from "./lib/harness";
import { documentTimings } from "./lib/read-db";
import { mean, percentile, round, writeResult, type Headline } from "./lib/results";
import { sampleRss } from "./lib/rss";
import { Feed, waitUntilBooked } from "./lib/sandbox";

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

type Phase = { label: string; latencyMs: number; loadAverage: number[]; posted: { licenseKey: string; sourceId: string; postedAt: number }[]; rss: { peakMb: number; meanMb: number; cpuSeconds: number }; missing: number };

export async function benchThroughput() {
  const INTEGRATIONS = envNumber("BENCH_INTEGRATIONS", 100);
  const DOCS = envNumber("BENCH_THROUGHPUT_DOCS", 150);
  const LATENCIES = (process.env.BENCH_THROUGHPUT_LATENCIES ?? "0,50").split(",").map(Number);
  const keys = Array.from({ length: INTEGRATIONS }, (_, i) => ({ licenseKey: `BENCH-TP-${i}`, like: pairs[i % pairs.length]!.like, pair: pairs[i % pairs.length]! }));

  const run = await withServer("throughput", { integrations: keys.map(({ licenseKey, like }) => ({ licenseKey, like })) }, async (server) => {
    const feeds = keys.map((k) => new Feed(server.sandboxUrl, server.executorUrl, k.licenseKey, k.pair));
    const expected = new Map(feeds.map((f) => [f, 0]));
    const phases: Phase[] = [];
    const overall = sampleRss(server.pid);

    const phase = async (label: string, latencyMs: number, docs: Feed[]) => {
      await pool(feeds, 4, (f) => f.books.faults(latencyMs ? { latencyMs } : {}));
      log(`throughput: ${label}: ${docs.length} documents over ${new Set(docs).size} integrations, targets at ${latencyMs} ms`);
      const rss = sampleRss(server.pid);
      const posted: Phase["posted"] = [];
      await pool(docs, 4, async (f) => { posted.push({ licenseKey: f.licenseKey, ...(await f.post()) }); });
      await pool([...new Set(docs)], 4, (f) => f.announce());
      for (const f of docs) expected.set(f, expected.get(f)! + 1);
      const missing = await waitUntilBooked([...new Set(docs)].map((feed) => ({ feed, expected: expected.get(feed)! })), 300_000 + docs.length * 3_000);
      // The machine's 1-minute load average at the end: other work on a shared machine slows a phase down.
      phases.push({ label, latencyMs, posted, rss: rss.stop(), missing: missing.reduce((n, m) => n + m.expected - m.got, 0), loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))) });
      log(`throughput: ${label}: done (${missing.length} integration(s) short)`);
    };

    await phase("warm-up (first document of each integration)", 0, feeds);
    for (const latencyMs of LATENCIES) await phase(`${latencyMs} ms`, latencyMs, Array.from({ length: DOCS }, (_, i) => feeds[i % feeds.length]!));
    return { phases, rss: overall.stop() };
  });

  try {
    const ids = run.seeded.integrations;
    const timings = await documentTimings(run.db, Object.values(ids));
    const byKey = new Map(timings.map((t) => [`${t.integrationId}:${t.sourceId}`, t]));
    const phases = run.measured.phases.map((p) => {
      const rows = p.posted.map((d) => ({ ...d, t: byKey.get(`${ids[d.licenseKey]}:${d.sourceId}`) }));
      const booked = rows.filter((r) => r.t?.bookedAt).map((r) => ({ ...r, bookedAt: r.t!.bookedAt! }));
      const firstPost = Math.min(...rows.map((r) => r.postedAt));
      const lastBooked = booked.length ? Math.max(...booked.map((r) => r.bookedAt)) : firstPost;
      const times = booked.map((r) => r.bookedAt).sort((a, b) => a - b);
      const t10 = percentile(times, 10), t90 = percentile(times, 90);
      const steady = t10 !== null && t90 !== null && t90 > t10 ? (0.8 * times.length) / ((t90 - t10) / 60_000) : null;
      const latencies = booked.map((r) => r.bookedAt - r.postedAt);
      return {
        phase: p.label, targetLatencyMs: p.latencyMs, posted: rows.length, booked: booked.length, missingInTargets: p.missing,
        errors: rows.filter((r) => r.t?.status === "error").map((r) => r.t!.errorCode),
        postingSeconds: round((Math.max(...rows.map((r) => r.postedAt)) - firstPost) / 1000, 1),
        wallSeconds: round((lastBooked - firstPost) / 1000, 1),
        perMinute: round(booked.length / ((lastBooked - firstPost) / 60_000), 1),
        steadyPerMinute: round(steady, 1),
        postToBookedMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
        perDocument: {
          steps: round(mean(booked.map((r) => r.t!.steps)), 1), runMs: round(mean(booked.map((r) => r.t!.runMs ?? 0))),
          externalCalls: round(mean(booked.map((r) => r.t!.externalCalls)), 1), externalMs: round(mean(booked.map((r) => r.t!.externalMs))),
        },
        rss: p.rss, loadAverageAtEnd: p.loadAverage,
        // The server's CPU (app, executor and the sandboxes it serves) per booked document: on a shared
        // 2-core machine this, not waiting on the targets, is what bounds throughput.
        serverCpuMsPerDocument: booked.length ? Math.round((p.rss.cpuSeconds * 1000) / booked.length) : null,
      };
    });
    const headlines: Headline[] = phases.slice(1).map((p) => ({
      metric: `documents booked per minute, ${INTEGRATIONS} integrations, targets at ${p.targetLatencyMs} ms (${p.posted} docs)`,
      value: `${p.perMinute}/min (steady ${p.steadyPerMinute}/min)`,
      ...(p.targetLatencyMs === 50 ? { target: "≥ 600/min", met: (p.perMinute ?? 0) >= 600 && p.booked === p.posted } : {}),
    }));
    headlines.push({ metric: "peak RSS of the server process tree during the run", value: `${run.measured.rss.peakMb} MB`, target: "< 600 MB", met: run.measured.rss.peakMb < 600 });
    const file = writeResult({
      name: "throughput", backend: backendOf(),
      settings: { integrations: INTEGRATIONS, docsPerPhase: DOCS, latenciesMs: LATENCIES, pairs: pairs.map((p) => p.like), feedConcurrency: 4 },
      headlines,
      figures: { phases, rss: run.measured.rss },
    });
    log(`throughput: ${phases.map((p) => `${p.phase} ${p.perMinute}/min`).join("; ")}; peak RSS ${run.measured.rss.peakMb} MB → ${file}`);
    return phases;
  } finally {
    await run.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchThroughput();
