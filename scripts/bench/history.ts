/**
 * `npm run bench:history`: the requests a history import makes to the shop, and its wall time at
 * the shop's documented rate limit. The scan of the import (page by page through the shop's list
 * endpoint, each document read and normalized) runs in the real server over:
 *   - Magento 2: BENCH_HISTORY_MAGENTO_DOCS (10,000) invoices. Magento documents no API rate limit.
 *   - CCV Shop (paid orders): BENCH_HISTORY_CCV_DOCS (200) orders; CCV documents 150 requests per
 *     minute per resource and method (/work/shared/reference/webshop-apis.md §2.2), and its sandbox
 *     enforces it (429 + Retry-After): the scan's wall time here is measured at that limit, and the
 *     time for 10,000 is computed from the measured requests per document and the limit.
 * A scan not through after BENCH_HISTORY_TIMEOUT_S (600) s is reported as it stands.
 * Booking what was scanned goes through the ordinary pipeline (process-document), whose shop reads
 * per document are those of `npm run bench:calls`; they are added to the totals here from its figures.
 */
import fs from "node:fs";
import path from "node:path";
import { countEndpoints } from "./calls";
import { backendOf, envNumber, log, withServer } from "./lib/harness";
import { RESULTS_DIR, round, writeResult, type Headline } from "./lib/results";
import { sendEvent, sandbox } from "./lib/sandbox";
import { logIn } from "./lib/session";

const CCV_LIMIT_PER_MINUTE = 150; // per resource and method
const AT_SCALE = 10_000;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * CCV's limit is per resource and method. Read as its sandbox enforces it (connectors/ccvshop/sandbox/
 * rate-limit.ts): the resource is the first path segment, so an order and its rows share "GET orders".
 */
function ccvResource(endpoint: string): string {
  const [method, path] = endpoint.split(" ");
  return `${method} ${path!.replace(/\?.*$/, "").split("/")[4] ?? path}`;
}

export async function benchHistory() {
  const MAGENTO_DOCS = envNumber("BENCH_HISTORY_MAGENTO_DOCS", 10_000);
  const CCV_DOCS = envNumber("BENCH_HISTORY_CCV_DOCS", 200);
  const TIMEOUT_S = envNumber("BENCH_HISTORY_TIMEOUT_S", 600);
  const imports = [
    { licenseKey: "BENCH-HIST-MAGENTO", like: "DEMO-MAGENTO-ROMPSLOMP", system: "magento2", docs: MAGENTO_DOCS, from: "2025-01-01", to: day(1), seed: { magentoInvoices: MAGENTO_DOCS } },
    { licenseKey: "BENCH-HIST-CCV", like: "DEMO-CCVSHOP-ROMPSLOMP", system: "ccvshop", docs: CCV_DOCS, from: day(-1), to: day(1), seed: { ccvOrders: CCV_DOCS } },
  ].filter((i) => i.docs > 0);

  const run = await withServer("history", {
    // Not fetching live ("installing"): what the shop's request log holds is the scan's alone.
    integrations: imports.map((i) => ({ licenseKey: i.licenseKey, like: i.like, startDate: day(2), status: "installing" })),
    history: imports.map((i) => ({ licenseKey: i.licenseKey, from: i.from, to: i.to, ...i.seed })),
  }, async (server, seeded) => {
    const session = await logIn(server.url, "bench@example.com", "bench-password");
    const out = [];
    for (const i of imports) {
      const shop = sandbox(server.sandboxUrl, i.system, i.licenseKey);
      const before = (await shop.requests()).length;
      const integrationId = seeded.integrations[i.licenseKey]!;
      log(`history: scanning ${i.docs} ${i.system} documents`);
      const started = Date.now();
      await sendEvent(server.executorUrl, "history-import/scan.requested", { importId: seeded.importIds[i.licenseKey], integrationId });
      // The History page shows what is to book once the scan is through, and the range form again when it failed.
      let ready = false;
      let failed = false;
      while (!ready && !failed && Date.now() - started < TIMEOUT_S * 1000) {
        await new Promise((r) => setTimeout(r, 2000));
        const page = await session.get(`/dashboard/${integrationId}/history`);
        ready = page.text.includes("history-to-book");
        failed = page.text.includes('name="from"');
      }
      if (!ready) log(`history: ${i.system} scan ${failed ? "failed" : `not through after ${TIMEOUT_S} s`}`);
      const requests = (await shop.requests()).slice(before);
      out.push({ ...i, ready, requests, pageSeenReadyMs: Date.now() - started });
    }
    return out;
  });

  try {
    const callsFile = path.join(RESULTS_DIR, `calls-${backendOf()}.json`);
    const calls = fs.existsSync(callsFile) ? (JSON.parse(fs.readFileSync(callsFile, "utf8")) as { figures: { perPair: { pair: string; shopCalls: { perDocument: number; endpoints: Record<string, { perDocument: number }> } }[] } }) : null;
    const results = [];
    for (const i of run.measured) {
      const importId = run.seeded.importIds[i.licenseKey]!;
      const row = await run.db.historyImport.findUniqueOrThrow({ where: { id: importId } });
      const items = await run.db.historyImportItem.count({ where: { importId } });
      const scanRuns = await run.db.execRun.findMany({ where: { functionId: { endsWith: "history-import-scan" } }, select: { event: true, createdAt: true, endedAt: true } });
      const own = scanRuns.filter((r) => (r.event as { data?: { importId?: string } }).data?.importId === importId);
      const scanMs = own.length && own.every((r) => r.endedAt) ? Math.max(...own.map((r) => r.endedAt!.getTime())) - Math.min(...own.map((r) => r.createdAt.getTime())) : null;
      const counted = countEndpoints(i.requests, i.licenseKey.toLowerCase(), Math.max(1, row.scanned));
      const entries = Object.entries(counted.endpoints);
      const listRequests = entries.filter(([k]) => !k.includes(":id")).reduce((n, [, v]) => n + v.calls, 0);
      // Reads of single resources (a document, its rows, its order): per document unless a page shares them.
      const singleReads = counted.total - listRequests;
      const scale = AT_SCALE / Math.max(1, row.scanned);
      const scanAtScale = Math.round(counted.total * scale);
      // Booking each scanned document: the shop reads of process-document (bench:calls, same shop, steady state).
      const bookingPair = calls?.figures.perPair.find((p) => p.pair === i.like.replace("DEMO-", ""));
      const bookingPerDoc = bookingPair ? Object.entries(bookingPair.shopCalls.endpoints).filter(([k]) => k.includes(":id")).reduce((n, [, v]) => n + v.perDocument, 0) : null;
      let limitMinutes: number | null = null;
      if (i.system === "ccvshop") {
        const perResource = new Map<string, number>();
        for (const [k, v] of entries) perResource.set(ccvResource(k), (perResource.get(ccvResource(k)) ?? 0) + v.calls * scale);
        if (bookingPair) for (const [k, v] of Object.entries(bookingPair.shopCalls.endpoints)) if (k.includes(":id")) perResource.set(ccvResource(k), (perResource.get(ccvResource(k)) ?? 0) + v.perDocument * AT_SCALE);
        // Resources are limited separately, but the scan and the booking read them one after another: the busiest resource sets the pace at best.
        limitMinutes = round(Math.max(...perResource.values()) / CCV_LIMIT_PER_MINUTE, 1);
      }
      results.push({
        shop: i.system, pair: i.like.replace("DEMO-", ""), documentsInShop: i.docs, status: row.status, scanned: row.scanned, items, failure: row.failure,
        scan: {
          requests: counted.total, listRequests, singleResourceReads: singleReads, requestsPerDocument: counted.perDocument,
          endpoints: counted.endpoints, wallSeconds: scanMs === null ? null : round(scanMs / 1000, 1), documentsPerSecond: scanMs ? round(row.scanned / (scanMs / 1000), 1) : null,
        },
        at10000: {
          scanRequests: scanAtScale, bookingShopRequestsPerDocument: bookingPerDoc,
          totalShopRequests: bookingPerDoc === null ? null : Math.round(scanAtScale + bookingPerDoc * AT_SCALE),
          scanWallMinutesMeasuredPace: scanMs === null ? null : round((scanMs * scale) / 60_000, 1),
          minutesAtDocumentedRateLimit: limitMinutes,
          rateLimit: i.system === "ccvshop" ? `${CCV_LIMIT_PER_MINUTE} reads/min per resource (orders and their rows together, as the sandbox counts)` : "none documented (Magento 2 admin REST)",
          measuredOrExtrapolated: row.scanned >= AT_SCALE ? "measured" : `extrapolated ×${round(scale, 1)} from ${row.scanned}`,
        },
      });
    }
    const headlines: Headline[] = results.flatMap((r) => [
      {
        metric: `history scan, ${r.shop}: shop requests for ${r.scanned} documents (${r.scan.listRequests} list, ${r.scan.singleResourceReads} single-resource reads)`,
        value: `${r.scan.requests} (${r.scan.requestsPerDocument}/doc), scan ${r.scan.wallSeconds ?? "?"} s`,
        target: "list endpoints, not one per document", met: r.scan.singleResourceReads < 0.5 * r.scanned && r.status === "ready",
      },
      {
        metric: `history import of 10,000, ${r.shop}: shop requests scan + booking (${r.at10000.measuredOrExtrapolated})`,
        value: `${r.at10000.scanRequests} + ${r.at10000.bookingShopRequestsPerDocument === null ? "?" : Math.round(r.at10000.bookingShopRequestsPerDocument * AT_SCALE)}${r.at10000.minutesAtDocumentedRateLimit === null ? "" : `; ≥ ${r.at10000.minutesAtDocumentedRateLimit} min at ${r.at10000.rateLimit}`}`,
      },
    ]);
    const file = writeResult({ name: "history", backend: backendOf(), settings: { magentoDocs: MAGENTO_DOCS, ccvDocs: CCV_DOCS, scaleTo: AT_SCALE }, headlines, figures: { imports: results } });
    log(`history: ${results.map((r) => `${r.shop} ${r.scan.requests} requests for ${r.scanned} docs in ${r.scan.wallSeconds}s`).join("; ")} → ${file}`);
    return results;
  } finally {
    await run.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHistory();
