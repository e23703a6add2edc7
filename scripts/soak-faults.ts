/**
 * `npm run soak:faults`: issue 11's fault soak against a real built server (`next build --webpack`
 * first). SOAK_DOCS documents (default 1,000, the issue's figure) spread over the five demo
 * integrations, while every target sandbox fails SOAK_FAIL_RATE of its calls (500/502/503 and 429
 * with Retry-After, rotating) and hangs now and then until our client times out; the server's process
 * group is killed with `kill -9` twice mid-run and restarted on the same DATA_DIR. Then the faults
 * are cleared and the merchant's remedies applied ("Fetch now", Process on Errors/Open), and the
 * shops' documents are compared with the targets' `_admin/state` and our database:
 * booked / duplicates / lost / totals diff. Exit 1 on any duplicate, loss or wrong total.
 * Env: SOAK_DOCS, SOAK_FAIL_RATE (0.2), SOAK_SETTLE_S (bounded wait per phase, 900), PORT (3240),
 * INNGEST_EMBEDDED_PORT (8540). Report: bench/results/soak-faults-<embedded|postgres>.json.
 */
import path from "node:path";
import { bookedInTarget, type BookedInTarget } from "./soak/booked-in-targets";
import { compare, failed } from "./soak/compare";
import { demoIntegrations, placers, type PlacedDocument } from "./soak/demo-documents";
import { inChildProcess, type DocumentRow } from "./soak/documents-in-db";
import { pool, sleep, writeReport } from "./soak/report";
import { sendEvent, setFaults, type Faults } from "./soak/sandbox-http";
import { booksOnceStopped, createServer } from "./soak/server";

const DOCS = Number(process.env.SOAK_DOCS ?? 1000);
const FAIL_RATE = Number(process.env.SOAK_FAIL_RATE ?? 0.2);
const SETTLE_MS = Number(process.env.SOAK_SETTLE_S ?? 900) * 1000;
const log = (...args: unknown[]) => console.log(`[soak:faults ${new Date().toISOString().slice(11, 19)}]`, ...args);

const server = createServer({
  port: Number(process.env.PORT ?? 3240),
  inngestPort: Number(process.env.INNGEST_EMBEDDED_PORT ?? 8540),
  logFile: path.join(process.env.SOAK_LOG_DIR ?? "/tmp", "soak-faults-server.log"),
});

const targets = demoIntegrations.map((d) => ({ system: d.target, tenant: d.licenseKey.toLowerCase() }));
const STATUSES = [500, 502, 503, 429] as const;
const faultsInjected: Record<string, number> = {};

/** Every few seconds: the next failure status in the rotation, and now and then a hung request. */
function rotateFaults(): () => Promise<void> {
  let round = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const status = STATUSES[round % STATUSES.length]!;
      const faults: Faults = { failRate: FAIL_RATE, status, ...(round % 5 === 0 ? { timeoutNext: 1 } : {}) };
      await Promise.all(targets.map((t) => setFaults(server.sandboxUrl, t.system, t.tenant, faults).catch(() => undefined)));
      faultsInjected[`status ${status}`] = (faultsInjected[`status ${status}`] ?? 0) + 1;
      if (faults.timeoutNext) faultsInjected.hangsArmed = (faultsInjected.hangsArmed ?? 0) + targets.length;
      round++;
      await sleep(4_000);
    }
  })();
  return async () => { running = false; await loop; };
}

const fetchNow = () => Promise.all(demoIntegrations.filter((d) => d.polled).map((d) => sendEvent(server.eventsUrl, "integration/sync.requested", { licenseKey: d.licenseKey }).catch(() => undefined)));

async function targetBooks(): Promise<Map<string, BookedInTarget>> {
  return new Map(await Promise.all(demoIntegrations.map(async (d) => [d.licenseKey, await bookedInTarget(server.sandboxUrl, d)] as const)));
}

/** Waits until every placed document is in its target's books, or the bound passes; "Fetch now" on the way. */
async function missingFromBooks(placed: PlacedDocument[]): Promise<number> {
  const books = await targetBooks();
  const missing = placed.filter((p) => !books.get(p.licenseKey)?.has(p.identity)).length;
  log(`${placed.length - missing}/${placed.length} in the targets' books`);
  return missing;
}

async function settle(placed: PlacedDocument[], boundMs: number): Promise<number> {
  const end = Date.now() + boundMs;
  let missing = await missingFromBooks(placed);
  while (missing > 0 && Date.now() < end) {
    await fetchNow();
    await sleep(10_000);
    missing = await missingFromBooks(placed);
  }
  return missing;
}

async function main() {
  const started = Date.now();
  const salt = started % 100_000;
  log(`${DOCS} documents, fail rate ${FAIL_RATE}, DATA_DIR ${server.dataDir}`);
  await server.start();
  log("server up");
  let stopFaults = rotateFaults();
  const crashes: { at: string; afterPlaced: number; downMs: number }[] = [];
  const placed: PlacedDocument[] = [];
  const crashPoints = [Math.floor(DOCS / 3), Math.floor((2 * DOCS) / 3)];

  // Documents in batches; at a third and at two thirds the server is killed mid-run and restarted.
  const BATCH = 10;
  for (let from = 0; from < DOCS; from += BATCH) {
    const n = Math.min(BATCH, DOCS - from);
    placed.push(...(await pool(n, 4, (k) => placers[demoIntegrations[(from + k) % demoIntegrations.length]!.licenseKey](server.sandboxUrl, from + k, salt))));
    if ((from / BATCH) % 3 === 0) await fetchNow();
    if (crashPoints.length && placed.length >= crashPoints[0]!) {
      crashPoints.shift();
      // Let the shops' webhook deliveries of the batch arrive (the shop sandboxes die with the server;
      // a real shop would keep retrying), then kill while bookings are in flight.
      await sleep(1_500);
      await stopFaults();
      const down = Date.now();
      await server.crash();
      log(`kill -9 after ${placed.length} documents`);
      await server.start();
      crashes.push({ at: new Date(down).toISOString(), afterPlaced: placed.length, downMs: Date.now() - down });
      log(`restarted in ${Date.now() - down} ms`);
      stopFaults = rotateFaults();
    }
  }
  log(`placed ${placed.length}; booking under faults for a while`);
  const faultPhaseEnd = Date.now() + Math.min(SETTLE_MS, 60_000 + DOCS * 300);
  while (Date.now() < faultPhaseEnd && (await missingFromBooks(placed).catch(() => 1)) > 0) { await fetchNow(); await sleep(10_000); }
  await stopFaults();
  await Promise.all(targets.map((t) => setFaults(server.sandboxUrl, t.system, t.tenant, {})));
  log("faults cleared");
  const placedAt = Date.now();
  const missing = await settle(placed, SETTLE_MS);
  const settleMs = Date.now() - placedAt;

  // The merchant's remedy for what is left on Errors/Open: Process (the button's own use-case and
  // event), applied to the database while the server is stopped (embedded: it owns the database).
  let processed = 0;
  if (missing > 0) {
    await server.stop();
    const requeued = await inChildProcess<{ documentId: string; integrationId: string }[]>(server.env, "process-unbooked");
    processed = requeued.length;
    await server.start();
    log(`Process clicked for ${requeued.length} documents`);
    for (const r of requeued) await sendEvent(server.eventsUrl, "document/process.requested", r);
    await settle(placed, SETTLE_MS);
  }

  const books = await booksOnceStopped(server, targetBooks);
  const rows = await inChildProcess<DocumentRow[]>(server.env, "rows");
  const verdict = compare(placed, books, rows);
  const report = {
    soak: "faults",
    database: process.env.DATABASE_URL ? "postgres" : "embedded",
    finishedAt: new Date().toISOString(),
    documents: DOCS,
    perIntegration: Object.fromEntries(demoIntegrations.map((d) => [d.licenseKey, placed.filter((p) => p.licenseKey === d.licenseKey).length])),
    faults: { failRate: FAIL_RATE, statuses: STATUSES, rotations: faultsInjected, kill9: crashes },
    /** Documents not in their target's books when the bounded wait after clearing the faults ended (before Process). */
    missingBeforeProcess: missing,
    processClicked: processed,
    wallSeconds: Math.round((Date.now() - started) / 1000),
    settleSecondsAfterFaultsCleared: Math.round(settleMs / 1000),
    verdict: { ...verdict, problems: verdict.problems.slice(0, 50) },
  };
  const file = writeReport("soak-faults", report);
  log(`booked ${verdict.booked} / duplicates ${verdict.duplicates} / lost ${verdict.lost} / totals diff ${verdict.totalsDiff} (db: ${JSON.stringify(verdict.db.byStatus)}, duplicate rows ${verdict.db.duplicateRows})`);
  for (const p of verdict.problems.slice(0, 20)) log("problem:", JSON.stringify(p));
  log(`report: ${file}`);
  process.exit(failed(verdict) ? 1 : 0);
}

main().catch(async (err) => {
  console.error(err);
  await server.stop().catch(() => undefined);
  process.exit(2);
});
