import { InngestTestEngine } from "@inngest/test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import { factuursturenDemoTarget } from "@/connectors/factuursturen/sandbox/demo";
import { sandboxBaseUrl as rompslompBase, sandboxOAuthApp } from "@/connectors/rompslomp/config";
import { authorizeUrl, exchangeCode } from "@/connectors/rompslomp/oauth";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { formFields } from "@/connectors/rompslomp/sandbox/testing";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { wefactDemoTarget } from "@/connectors/wefact/sandbox/demo";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import type { DemoSide } from "@/lib/demo/demo-integrations";
import { saveCredentials } from "@/lib/integrations/connection-credentials";
import { HELD_RECONNECT } from "@/lib/pipeline/reconnect-hold";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { reprocessDocument } from "@/lib/pipeline/reprocess-document";
import { assertProperty } from "@/lib/testing/malformed";
import { mangleArbitrary, manglingFetch, namedMangles, type Mangle } from "@/lib/testing/mangle-response";
import { inngest } from "../client";
import { processDocument } from "./process-document";
import { matrixReaders, type MatrixTarget } from "./testing/matrix-readers";
import { matrixSources } from "./testing/matrix-sources";
import { sentEventSteps } from "./testing/sent-events";

/**
 * Bad input on the booking path: the accounting sandbox answers garbage (HTML, cut-off JSON, wrong
 * types, nothing) to one of our calls: a lookup, or a write it did carry out (the invoice may exist
 * while we cannot read the answer). The document ends booked (a retry found the booking) or on
 * Errors with a clear code, and after the merchant's Process it is booked; always exactly once.
 */
const APP = "http://localhost:3000";
const SEED = 3333;
// Each run books through the pipeline, retries included: fewer runs than the other bad-input tests.
const RUNS = Math.max(2, Math.round(Number(process.env.BAD_INPUT_RUNS ?? 20) / 10));

const targets: Record<MatrixTarget, (tenant: string) => DemoSide> = {
  rompslomp: rompslompDemoTarget, eboekhouden: eboekhoudenDemoTarget, wefact: wefactDemoTarget, factuursturen: factuursturenDemoTarget,
};

let t: TestDb;
let accountId: string;
const realFetch = globalThis.fetch;
let pick: (request: Request) => Mangle | null = () => null;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = manglingFetch(inProcessSandboxFetch, (r) => pick(r));
  accountId = (await t.db.account.create({ data: { name: "Garbage Boekhouding B.V." } })).id;
  // A reconnect requeues what waited; this test processes those documents itself.
  vi.spyOn(inngest, "send").mockResolvedValue({ ids: [] } as never);
});
afterAll(async () => { vi.restoreAllMocks(); globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

/** CCV Shop → the target, on its own tenants, configured as the demo integrations are. */
async function createIntegration(key: string, target: MatrixTarget): Promise<string> {
  const tenant = key.toLowerCase();
  const sourceSide = matrixSources.ccvshop.demo(tenant);
  const targetSide = targets[target](tenant);
  const connection = (side: "source" | "target", system: string, config: DemoSide) => ({
    side, system, baseUrl: `${APP}/sandbox/${system}/${tenant}`, credentialsEnc: sealCredentials(config.credentials), status: "ok", lastCheckedAt: new Date(),
  });
  const settings: Record<string, unknown> = { source: { startDate: "2000-01-01", ...sourceSide.settings }, target: targetSide.settings, payments: { enabled: false } };
  if (targetSide.costAccounts) settings.costAccounts = targetSide.costAccounts;
  const integration = await t.db.integration.create({
    data: {
      accountId, licenseKey: key, name: `ccvshop → ${target} (garbage)`, sourceSystem: "ccvshop", targetSystem: target, status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", "ccvshop", sourceSide), connection("target", target, targetSide)] },
      settings: { create: Object.entries(settings).map(([k, value]) => ({ key: k, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: targetSide.vatGrid ?? [] },
    },
  });
  return integration.id;
}

/** As Inngest runs it: retried while a step fails retryably (5 retries), then its onFailure handler. */
async function processAsInngestWould(documentId: string, integrationId: string) {
  const event = { name: "document/process.requested", data: { documentId, integrationId } };
  let error: unknown;
  for (let run = 0; run <= 5; run++) {
    ({ error } = await new InngestTestEngine({ function: processDocument, events: [event], steps: sentEventSteps() }).execute());
    if (!error) return;
  }
  const { onFailure } = (processDocument as unknown as { opts: { onFailure: (ctx: unknown) => Promise<unknown> } }).opts;
  await onFailure({ event: { data: { event } }, error: new Error((error as { message?: string }).message ?? String(error)), step: { sendEvent: async () => ({ ids: [] }) } });
}

/** The merchant reconnects Rompslomp: consent → Allow → code → tokens, saved as the OAuth callback saves them. */
async function reconnectRompslomp(integrationId: string, tenant: string) {
  const baseUrl = rompslompBase(APP, tenant);
  const redirectUri = `${APP}/api/oauth/rompslomp/callback`;
  const page = await inProcessSandboxFetch(authorizeUrl({ baseUrl, clientId: sandboxOAuthApp.clientId, redirectUri, state: "s" }));
  const allow = await inProcessSandboxFetch(`${baseUrl}/oauth/authorize`, { method: "POST", body: new URLSearchParams([...formFields(await page.text()), ["decision", "allow"]]), redirect: "manual" });
  const code = new URL(allow.headers.get("location")!).searchParams.get("code")!;
  const credentials = await exchangeCode({ baseUrl, app: sandboxOAuthApp, fetch: inProcessSandboxFetch }, { code, redirectUri });
  await saveCredentials(t.db, integrationId, "target", "rompslomp", credentials);
}

describe.each(Object.keys(targets) as MatrixTarget[])("%s answers garbage", (target) => {
  const key = `BADT-${target}`.toUpperCase();
  const tenant = key.toLowerCase();
  const shopAdmin = `${APP}/sandbox/ccvshop/${tenant}/_admin`;
  const books = `${APP}/sandbox/${target}/${tenant}/_admin`;
  const isTarget = (r: Request) => new URL(r.url).pathname.startsWith(`/sandbox/${target}/${tenant}/`) && !new URL(r.url).pathname.includes("/_admin");

  it("to one lookup or write: booked, or on Errors with a clear code and booked after Process; never twice", async () => {
    const integrationId = await createIntegration(key, target);
    await assertProperty(
      fc.asyncProperty(mangleArbitrary(), fc.boolean(), fc.nat(3), async (mangle, write, nth) => {
        const sourceId = await matrixSources.ccvshop.place(shopAdmin);
        const { documentId } = await receiveDocument(t.db, { integrationId, kind: "order", sourceId });
        // The nth lookup (GET) or write (anything else) of this document's booking gets garbage back.
        let seen = 0;
        pick = (r) => (isTarget(r) && (r.method !== "GET") === write && seen++ === nth ? mangle : null);
        try {
          await processAsInngestWould(documentId, integrationId);
        } finally {
          pick = () => null;
        }
        let doc = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
        // What the merchant does about it, once the system answers properly again (at most twice).
        for (let fix = 0; fix < 2 && doc.status !== "booked"; fix++) {
          expect(doc.errorCode).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(doc.errorDetail!.length).toBeGreaterThan(15);
          if (doc.status === "open") {
            // Rompslomp rotates refresh tokens: a refresh it carried out but whose answer we could not
            // read leaves us with a dead grant. The document waits for the reconnect; nothing is lost.
            expect([target, doc.errorCode]).toEqual(["rompslomp", HELD_RECONNECT]);
            await reconnectRompslomp(integrationId, tenant);
          } else {
            expect(doc.status).toBe("error");
            expect(await reprocessDocument(t.db, documentId)).toBe(true); // Process
          }
          await processAsInngestWould(documentId, integrationId);
          doc = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
        }
        expect([doc.status, doc.errorCode, doc.errorDetail]).toEqual(["booked", null, null]);
        const salesNumber = doc.sourceNumber ?? "";
        const booked = await matrixReaders[target](books, { reference: `${key}-order-${sourceId}`, salesNumber });
        expect(booked.count, `bookings of order ${sourceId} (${salesNumber})`).toBe(1);
      }),
      { seed: SEED, numRuns: RUNS, examples: namedMangles.slice(0, 3).map((m, i): [Mangle, boolean, number] => [m, i % 2 === 0, 0]) },
    );
  });
});
