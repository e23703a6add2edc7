import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { bookedInTarget } from "@/scripts/soak/booked-in-targets";
import { compare } from "@/scripts/soak/compare";
import { demoIntegrations, placers, type PlacedDocument } from "@/scripts/soak/demo-documents";
import { setFaults } from "@/scripts/soak/sandbox-http";
import { processDocument } from "./process-document";
import { sentEventSteps } from "./testing/sent-events";

/**
 * The short variant of `npm run soak:faults`: documents across the five demo integrations, booked
 * through the real pipeline and connectors into the sandboxes (in-process), while every target
 * fails a fifth of its calls with 500/502/503 or 429 + Retry-After. Every failed run is run again
 * from scratch, without the memo of its earlier steps (harsher than an Inngest retry, which keeps
 * them: like a crash that lost the run's state), and some documents arrive twice. Each must end
 * booked exactly once, to the cent, in the target and in our database.
 */
const APP = "http://localhost:3000";
/** 30 by default (six per demo integration; 1.5 min on a busy 2-core machine); FAULTS_TEST_DOCS=100 or more for a longer run. */
const DOCS = Number(process.env.FAULTS_TEST_DOCS ?? 30);
const STATUSES = [500, 502, 503, 429];
let t: TestDb;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
  // The SDK logs every failed step; here they are provoked by the hundred.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

/** Runs process-document until it ends without a (retryable) error; how many runs that took. */
async function processUntilSettled(documentId: string, integrationId: string): Promise<{ runs: number; result: unknown }> {
  for (let runs = 1; runs <= 40; runs++) {
    const { result, error } = await new InngestTestEngine({
      function: processDocument,
      events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
      steps: sentEventSteps(),
    }).execute();
    if (!error) return { runs, result };
  }
  throw new Error(`document ${documentId} still failing after 40 runs`);
}

describe("process-document under target faults (short soak)", () => {
  it(`books ${DOCS} documents exactly once while the targets fail 20% of calls (500/502/503/429)`, async () => {
    const integrations = new Map((await t.db.integration.findMany()).map((i) => [i.licenseKey, i.id]));
    const placed: PlacedDocument[] = [];
    for (let i = 0; i < DOCS; i++) placed.push(await placers[demoIntegrations[i % demoIntegrations.length]!.licenseKey](APP, i, 1));

    let runs = 0;
    for (const [i, doc] of placed.entries()) {
      // The failure answer rotates: 500, 502, 503, 429 (with Retry-After where the system sends one).
      const status = STATUSES[i % STATUSES.length]!;
      for (const d of demoIntegrations) await setFaults(APP, d.target, d.licenseKey.toLowerCase(), { failRate: 0.2, status });
      const integrationId = integrations.get(doc.licenseKey)!;
      const { documentId } = await receiveDocument(t.db, { integrationId, kind: doc.kind, sourceId: doc.sourceId });
      runs += (await processUntilSettled(documentId, integrationId)).runs;
      // Every fifth document is delivered again (a shop retrying its webhook, a second poll).
      if (i % 5 === 0) {
        await receiveDocument(t.db, { integrationId, kind: doc.kind, sourceId: doc.sourceId });
        runs += (await processUntilSettled(documentId, integrationId)).runs;
      }
    }
    for (const d of demoIntegrations) await setFaults(APP, d.target, d.licenseKey.toLowerCase(), {});

    const books = new Map(await Promise.all(demoIntegrations.map(async (d) => [d.licenseKey, await bookedInTarget(APP, d)] as const)));
    const rows = (await t.db.document.findMany({ include: { integration: { select: { licenseKey: true } } } })).map((r) => ({
      licenseKey: r.integration.licenseKey, kind: r.kind, sourceId: r.sourceId, status: r.status, totalInclVat: r.totalInclVat?.toFixed(2) ?? null, errorCode: r.errorCode, errorDetail: r.errorDetail,
    }));
    const verdict = compare(placed, books, rows);
    // The faults did bite: more runs than documents (a failed call fails its run).
    expect(runs).toBeGreaterThan(DOCS * 1.2);
    expect(verdict.problems).toEqual([]);
    expect({ booked: verdict.booked, duplicates: verdict.duplicates, lost: verdict.lost, totalsDiff: verdict.totalsDiff, byStatus: verdict.db.byStatus })
      .toEqual({ booked: DOCS, duplicates: 0, lost: 0, totalsDiff: "0.00", byStatus: { booked: DOCS } });
  }, 600_000);
});
