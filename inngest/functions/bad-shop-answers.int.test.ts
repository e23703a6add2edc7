import { InngestTestEngine } from "@inngest/test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { ConnectorError, type SourceDocument } from "@/connectors/types";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { BookingError } from "@/lib/domain/booking-error";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { bookingConfigFor } from "@/lib/pipeline/booking-config";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { prepareBooking } from "@/lib/pipeline/prepare-booking";
import { receiveDocument, receiveNotices } from "@/lib/pipeline/receive-document";
import { assertProperty } from "@/lib/testing/malformed";
import { mangleArbitrary, manglingFetch, namedMangles, type Mangle } from "@/lib/testing/mangle-response";
import { processDocument } from "./process-document";
import { matrixReaders } from "./testing/matrix-readers";
import { matrixSources, type MatrixSource } from "./testing/matrix-sources";
import { sentEventSteps } from "./testing/sent-events";

/**
 * Bad input on every poll and fetch path: each shop sandbox answers garbage (HTML, cut-off or empty
 * bodies, invalid UTF-8, deep nesting, its JSON with a field of the wrong type or missing) to the
 * connector's pollChanges and fetchDocument. Each ends as a clear ConnectorError (or, for a document
 * the connector read, a clear booking error), never another exception; through the real pipeline the
 * document with the garbled answer lands on Errors while the valid documents around it book, once.
 */
const APP = "http://localhost:3000";
const SEED = 2222;
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 20);

let t: TestDb;
let accountId: string;
const realFetch = globalThis.fetch;
/** What the shop answers garbage to, per test. */
let pick: (request: Request) => Mangle | null = () => null;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = manglingFetch(inProcessSandboxFetch, (r) => pick(r));
  accountId = (await t.db.account.create({ data: { name: "Garbage Webwinkel B.V." } })).id;
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

/** A source → Rompslomp integration on its own tenants, configured as the demo ones are. */
async function createIntegration(key: string, source: MatrixSource): Promise<string> {
  const tenant = key.toLowerCase();
  const sourceSide = source.demo(tenant);
  const targetSide = rompslompDemoTarget(tenant);
  const connection = (side: "source" | "target", system: string, credentials: unknown) => ({
    side, system, baseUrl: `${APP}/sandbox/${system}/${tenant}`, credentialsEnc: sealCredentials(credentials as Record<string, unknown>), status: "ok", lastCheckedAt: new Date(),
  });
  const settings: Record<string, unknown> = { source: { startDate: "2000-01-01", ...sourceSide.settings }, target: targetSide.settings, payments: { enabled: false } };
  if (targetSide.costAccounts) settings.costAccounts = targetSide.costAccounts;
  const integration = await t.db.integration.create({
    data: {
      accountId, licenseKey: key, name: `${source.system} (garbage)`, sourceSystem: source.system, targetSystem: "rompslomp", status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", source.system, sourceSide.credentials), connection("target", "rompslomp", targetSide.credentials)] },
      settings: { create: Object.entries(settings).map(([k, value]) => ({ key: k, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: targetSide.vatGrid ?? [] },
    },
  });
  return integration.id;
}

/** A stable code and a sentence: what the Errors tab shows. */
function expectClear(err: unknown, what: string) {
  if (!(err instanceof ConnectorError) && !(err instanceof BookingError)) {
    throw new Error(`${what} threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)} instead of a ConnectorError`, { cause: err });
  }
  expect(err.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(err.message.length).toBeGreaterThan(15);
}

/**
 * Processes one document as Inngest runs it: a run whose step failed retryably is run again (the
 * function allows 5 retries), and after the last one its onFailure handler records the failure.
 */
async function processAsInngestWould(documentId: string, integrationId: string) {
  const event = { name: "document/process.requested", data: { documentId, integrationId } };
  let error: unknown;
  for (let run = 0; run <= 5; run++) {
    ({ error } = await new InngestTestEngine({ function: processDocument, events: [event], steps: sentEventSteps() }).execute());
    if (!error) return;
  }
  const { onFailure } = (processDocument as unknown as { opts: { onFailure: (ctx: unknown) => Promise<unknown> } }).opts;
  const failed = new Error((error as { message?: string }).message ?? String(error));
  await onFailure({ event: { data: { event } }, error: failed, step: { sendEvent: async () => ({ ids: [] }) } });
}

const isShop = (system: string, tenant: string) => (r: Request) => new URL(r.url).pathname.startsWith(`/sandbox/${system}/${tenant}/`) && !new URL(r.url).pathname.includes("/_admin");

describe.each(Object.values(matrixSources))("$system: garbage from the shop", (source) => {
  const key = `BAD-${source.system}`.toUpperCase();
  const tenant = key.toLowerCase();
  const shopAdmin = `${APP}/sandbox/${source.system}/${tenant}/_admin`;
  let integrationId: string;
  const valid: string[] = [];

  beforeAll(async () => {
    pick = () => null;
    integrationId = await createIntegration(key, source);
    for (let i = 0; i < 3; i++) valid.push(await source.place(shopAdmin));
  });

  const connectors = async () => connectorsFor(await loadIntegration(t.db, integrationId), () => undefined);

  it("pollChanges and fetchDocument: a clear ConnectorError (or a clear booking error), never another exception", async () => {
    const { source: shop, target } = await connectors();
    const integration = await loadIntegration(t.db, integrationId);
    await assertProperty(
      fc.asyncProperty(mangleArbitrary(), fc.nat(5), async (mangle, which) => {
        // Garbage to every request the shop gets (a list page, a detail, its rows or customer).
        pick = (r) => (isShop(source.system, tenant)(r) ? mangle : null);
        try {
          if (shop.pollChanges && which % 2 === 0) {
            let polled;
            try {
              polled = await shop.pollChanges({ cursor: null, startDate: "2000-01-01" });
            } catch (err) {
              expectClear(err, "pollChanges");
              return;
            }
            // What sync-integration does with a page: record its notices (a garbled id must not break that).
            await receiveNotices(t.db, integrationId, polled.notices);
            return;
          }
          let doc: SourceDocument;
          try {
            doc = await shop.fetchDocument(source.kind, valid[which % valid.length]!);
          } catch (err) {
            expectClear(err, "fetchDocument");
            return;
          }
          // A document read from a garbled answer still fails clearly where the pipeline reads it.
          try {
            if (shop.eligibility(doc).eligible) prepareBooking(shop, doc, bookingConfigFor(integration, target));
          } catch (err) {
            expectClear(err, "eligibility/normalize");
          }
        } finally {
          pick = () => null;
        }
      }),
      { seed: SEED, numRuns: RUNS, examples: namedMangles.map((m): [Mangle, number] => [m, 0]).concat(namedMangles.map((m): [Mangle, number] => [m, 1])) },
    );
  });

  it("through the pipeline: the document the shop garbles lands on Errors with a clear code; the others book once", async () => {
    const bad = await source.place(shopAdmin);
    const documents = [...valid, bad];
    // Every answer about the bad document is HTML; answers about the others are real.
    const mentions = (r: Request) => new URL(r.url).pathname.split("/").includes(bad) || [...new URL(r.url).searchParams.values()].some((v) => v === bad || v.includes(`[${bad}]`));
    pick = (r) => (isShop(source.system, tenant)(r) && mentions(r) ? { kind: "html" } : null);
    try {
      for (const sourceId of documents) {
        const { documentId } = await receiveDocument(t.db, { integrationId, kind: source.kind, sourceId });
        await processAsInngestWould(documentId, integrationId);
      }
    } finally {
      pick = () => null;
    }
    const rows = await t.db.document.findMany({ where: { integrationId } });
    const garbled = rows.find((d) => d.sourceId === bad)!;
    expect(garbled.status).toBe("error");
    expect(garbled.errorCode).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(garbled.errorCode).not.toBe("internal_error");
    expect(garbled.errorDetail!.length).toBeGreaterThan(15);
    for (const sourceId of valid) {
      expect(rows.find((d) => d.sourceId === sourceId)?.status).toBe("booked");
      const booked = await matrixReaders.rompslomp(`${APP}/sandbox/rompslomp/${tenant}/_admin`, { reference: `${key}-${source.kind}-${sourceId}`, salesNumber: "" });
      expect(booked.count).toBe(1);
    }
  });
});
