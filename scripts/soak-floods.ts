/**
 * `npm run soak:floods`: issue 11's webhook flood against a real built server (`next build
 * --webpack` first). SOAK_DELIVERIES (default 5,000, the issue's figure) signed webhook
 * deliveries within SOAK_FLOOD_S seconds (60) to the webhook-driven demo integrations (CCV Shop →
 * Rompslomp, CCV Shop → WeFact, KMO Shops → Factuursturen), a fifth of them duplicates (the shop
 * retrying the same delivery) or out of order (an "updated" notice before the "created" one).
 * The shops' own deliveries are switched off through their APIs first, so the soak decides what
 * arrives when. Reports the acknowledgement times (p50/p95/max; target p95 < 100 ms), whether every
 * document was booked exactly once (targets' `_admin/state` and our database), and the busiest
 * minute each shop and target saw on its `_admin/requests` log against its documented rate limit.
 * Exit 1 on a non-2xx acknowledgement, a duplicate, a loss or a wrong total.
 * Env: SOAK_DELIVERIES, SOAK_FLOOD_S, SOAK_SETTLE_S (3600: at the shops' rate limits 4,000 documents take about 40 minutes), PORT (3240), INNGEST_EMBEDDED_PORT (8540).
 * Report: bench/results/soak-floods-<embedded|postgres>.json.
 */
import path from "node:path";
import { bookedInTarget, type BookedInTarget } from "./soak/booked-in-targets";
import { compare, failed } from "./soak/compare";
import { demoIntegrations, placers, type DemoKey, type PlacedDocument } from "./soak/demo-documents";
import { inChildProcess, type DocumentRow } from "./soak/documents-in-db";
import { rateLimitReport } from "./soak/rate-limits";
import { percentile, pool, sleep, writeReport } from "./soak/report";
import { collectRequests } from "./soak/request-log";
import { booksOnceStopped, createServer } from "./soak/server";
import { ccvDelivery, deliver, kmoDelivery, takeOverCcvWebhooks, takeOverKmoWebhooks, type CcvRegistration, type Delivery, type KmoRegistration } from "./soak/webhook-senders";

const DELIVERIES = Number(process.env.SOAK_DELIVERIES ?? 5000);
const FLOOD_MS = Number(process.env.SOAK_FLOOD_S ?? 60) * 1000;
const SETTLE_MS = Number(process.env.SOAK_SETTLE_S ?? 3600) * 1000;
const log = (...args: unknown[]) => console.log(`[soak:floods ${new Date().toISOString().slice(11, 19)}]`, ...args);

const server = createServer({
  port: Number(process.env.PORT ?? 3240),
  inngestPort: Number(process.env.INNGEST_EMBEDDED_PORT ?? 8540),
  logFile: path.join(process.env.SOAK_LOG_DIR ?? "/tmp", "soak-floods-server.log"),
});
const flooded = demoIntegrations.filter((d) => d.webhook);
const tenantOf = (key: DemoKey) => key.toLowerCase();

type Registrations = { ccv: Map<DemoKey, CcvRegistration[]>; kmo: Map<DemoKey, KmoRegistration[]> };

/** A delivery for a document: its "created" notice, or an "updated" one. */
function deliveryFor(regs: Registrations, doc: PlacedDocument, notice: "created" | "updated", n: number): Delivery {
  const tenant = tenantOf(doc.licenseKey);
  const ccv = regs.ccv.get(doc.licenseKey);
  if (ccv) {
    const event = doc.kind === "order" ? (notice === "created" ? "orders.created" : "orders.updated.ispaid") : notice === "created" ? "invoices.created" : "invoices.updated.status";
    const registration = ccv.find((r) => r.event === event) ?? ccv[0]!;
    return ccvDelivery(server.sandboxUrl, tenant, registration, doc.kind, doc.sourceId);
  }
  const kmo = regs.kmo.get(doc.licenseKey)!;
  const registration = kmo.find((r) => r.topic === `order.${notice}`) ?? kmo[0]!;
  return kmoDelivery(tenant, registration, doc.sourceId, `soak-${doc.sourceId}-${notice}-${n}`);
}

/**
 * The flood's order: per document its "created" notice; for a fifth of the total extra, in turns,
 * the same delivery again a little later (a shop's retry) or an "updated" notice just before the
 * "created" one (out of order).
 */
function schedule(regs: Registrations, docs: PlacedDocument[], extra: number): { deliveries: Delivery[]; duplicates: number; outOfOrder: number } {
  const deliveries: Delivery[] = [];
  const later: { at: number; d: Delivery }[] = [];
  let duplicates = 0;
  let outOfOrder = 0;
  docs.forEach((doc, i) => {
    const withExtra = i < extra;
    if (withExtra && i % 2 === 1) { deliveries.push(deliveryFor(regs, doc, "updated", i)); outOfOrder++; }
    const created = deliveryFor(regs, doc, "created", i);
    deliveries.push(created);
    if (withExtra && i % 2 === 0) { later.push({ at: deliveries.length + 5 + (i % 40), d: created }); duplicates++; }
    while (later.length && later[0]!.at <= deliveries.length) deliveries.push(later.shift()!.d);
  });
  for (const l of later) deliveries.push(l.d);
  return { deliveries, duplicates, outOfOrder };
}

async function targetBooks(): Promise<Map<string, BookedInTarget>> {
  return new Map(await Promise.all(flooded.map(async (d) => [d.licenseKey, await bookedInTarget(server.sandboxUrl, d)] as const)));
}

async function main() {
  const started = Date.now();
  const extra = Math.round(DELIVERIES / 5);
  const unique = DELIVERIES - extra;
  log(`${DELIVERIES} deliveries (${unique} documents, ${extra} duplicates or out of order) in ${FLOOD_MS / 1000} s; DATA_DIR ${server.dataDir}`);
  await server.start();
  const regs: Registrations = { ccv: new Map(), kmo: new Map() };
  for (const d of flooded) {
    if (d.source === "ccvshop") regs.ccv.set(d.licenseKey, await takeOverCcvWebhooks(server.sandboxUrl, tenantOf(d.licenseKey)));
    else regs.kmo.set(d.licenseKey, await takeOverKmoWebhooks(server.sandboxUrl, tenantOf(d.licenseKey)));
  }
  const watched = flooded.flatMap((d) => [{ system: d.source, tenant: tenantOf(d.licenseKey) }, { system: d.target, tenant: tenantOf(d.licenseKey) }]);
  const requests = collectRequests(server.sandboxUrl, watched);
  // Factuursturen's hourly quota is not published; its sandbox assumes 2,000 calls per clock hour,
  // which ~5 calls per document use up after ~400 documents. The soak is about floods and
  // exactly-once, so that assumed quota is renewed every 10 s; the busiest hour is reported instead.
  const quotaRenewal = setInterval(() => void fetch(`${server.sandboxUrl}/sandbox/factuursturen/${tenantOf("DEMO-KMOSHOPS-FACTUURSTUREN")}/_admin/rate-limit`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ remaining: 2000 }),
  }).catch(() => undefined), 10_000);

  const docs = await pool(unique, 4, (i) => placers[flooded[i % flooded.length]!.licenseKey](server.sandboxUrl, i, 0));
  log(`${docs.length} documents in the shops (their own webhooks off)`);
  const { deliveries, duplicates, outOfOrder } = schedule(regs, docs, extra);

  // Paced: delivery k leaves at k × (flood time / deliveries), at most 200 in flight (shops deliver concurrently).
  const floodStart = Date.now();
  const gap = FLOOD_MS / deliveries.length;
  const acks = await pool(deliveries.length, 200, async (k) => {
    const wait = floodStart + k * gap - Date.now();
    if (wait > 0) await sleep(wait);
    return deliver(deliveries[k]!);
  });
  const floodMs = Date.now() - floodStart;
  const times = acks.map((a) => a.ms).sort((a, b) => a - b);
  const notAcked = acks.filter((a) => a.status < 200 || a.status >= 300);
  const firstNotAcked = acks.filter((a) => a.firstStatus < 200 || a.firstStatus >= 300);
  const ack = { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), p99: Math.round(percentile(times, 99)), max: Math.round(times.at(-1) ?? 0), targetP95: 100 };
  log(`flood sent in ${(floodMs / 1000).toFixed(1)} s: first-attempt ack p50 ${ack.p50} ms, p95 ${ack.p95} ms, max ${ack.max} ms; first attempt not 2xx: ${firstNotAcked.length}; not 2xx after the shop's retries: ${notAcked.length}`);

  const end = Date.now() + SETTLE_MS;
  let missing = docs.length;
  while (Date.now() < end) {
    const books = await targetBooks();
    missing = docs.filter((p) => !books.get(p.licenseKey)?.has(p.identity)).length;
    log(`${docs.length - missing}/${docs.length} in the targets' books`);
    if (missing === 0) break;
    await sleep(10_000);
  }
  const bookedMs = Date.now() - floodStart;
  clearInterval(quotaRenewal);
  const logs = await requests.stop();
  const books = await booksOnceStopped(server, targetBooks);
  const rows = await inChildProcess<DocumentRow[]>(server.env, "rows");
  const verdict = compare(docs, books, rows);
  const limits = rateLimitReport(logs);
  const report = {
    soak: "floods",
    database: process.env.DATABASE_URL ? "postgres" : "embedded",
    finishedAt: new Date().toISOString(),
    deliveries: deliveries.length,
    documents: docs.length,
    duplicates,
    outOfOrder,
    floodSeconds: Math.round(floodMs / 100) / 10,
    /** The first attempt of each delivery (10 s timeout, 0 = no answer in time). */
    ackMs: ack,
    firstAttemptNotAcknowledged: firstNotAcked.length,
    firstAttemptStatuses: Object.fromEntries([...new Set(acks.map((a) => a.firstStatus))].map((s) => [s, acks.filter((a) => a.firstStatus === s).length])),
    /** After the shop's retries (3 attempts, 0/1/5 s apart). */
    notAcknowledged: notAcked.length,
    retriedDeliveries: acks.filter((a) => a.attempts > 1).length,
    secondsUntilAllBooked: missing === 0 ? Math.round(bookedMs / 1000) : null,
    wallSeconds: Math.round((Date.now() - started) / 1000),
    rateLimits: limits,
    factuursturenQuota: "the sandbox's assumed 2,000 calls per clock hour renewed every 10 s during the soak (the real quota is not published)",
    verdict: { ...verdict, problems: verdict.problems.slice(0, 50) },
  };
  const file = writeReport("soak-floods", report);
  log(`booked ${verdict.booked} / duplicates ${verdict.duplicates} / lost ${verdict.lost} / totals diff ${verdict.totalsDiff} (db: ${JSON.stringify(verdict.db.byStatus)})`);
  for (const l of limits) log(`rate: ${l.tenant}: busiest ${l.window} ${l.window === "hour" ? l.busiestHour : l.busiestMinute}${l.busiestKey ? ` (${l.busiestKey})` : ""}${l.limit ? ` of ${l.limit}` : ""}; 429s ${l.answered429}${l.exceeded ? " EXCEEDED" : ""}`);
  for (const p of verdict.problems.slice(0, 20)) log("problem:", JSON.stringify(p));
  log(`report: ${file}`);
  process.exit(failed(verdict) || notAcked.length > 0 ? 1 : 0);
}

main().catch(async (err) => {
  console.error(err);
  await server.stop().catch(() => undefined);
  process.exit(2);
});
