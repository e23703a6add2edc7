import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eboekhoudenDemoTarget } from "@/connectors/eboekhouden/sandbox/demo";
import { factuursturenDemoTarget } from "@/connectors/factuursturen/sandbox/demo";
import { rompslompDemoTarget } from "@/connectors/rompslomp/sandbox/demo";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { wefactDemoTarget } from "@/connectors/wefact/sandbox/demo";
import { sealCredentials } from "@/lib/crypto/secrets";
import { setDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import type { DemoSide } from "@/lib/demo/demo-integrations";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { processDocument } from "./process-document";
import { matrixReaders, type MatrixTarget } from "./testing/matrix-readers";
import { matrixSources, type MatrixSource } from "./testing/matrix-sources";
import { sentEventSteps } from "./testing/sent-events";

/**
 * Any webshop books into any accounting system: each source's realistic document (the payload its
 * own end-to-end test uses) is posted to its sandbox shop, recorded with receiveDocument and booked
 * by the real processDocument into each target's sandbox (all served in-process). The booking is
 * read back from the target's `_admin/state`: exactly once, with the total incl. VAT and the VAT
 * per rate the shop charged, to the cent, also after a second run and after a retry whose answer was lost.
 */
const APP = "http://localhost:3000";

/**
 * What the shop charged, worked out once from each payload (see matrix-sources.ts), and the order
 * number the merchant knows: e-Boekhouden books a sale under it (its only handle on the booking).
 */
type Expected = { incl: string; vatPerRate: Record<string, string> };
const sources: [MatrixSource["system"], Expected, salesNumber: string][] = [
  // 24.95 + 2 × 5.98 + 4.95 shipping; 21%: 4.33 + 0.86, 9%: 0.99. The sandbox shop numbers its first order WEB-1001.
  ["ccvshop", { incl: "41.86", vatPerRate: { "21": "5.19", "9": "0.99" } }, "WEB-1001"],
  // Magento's invoice-nl.json (invoice 000000017 of order 000000042): grand_total 96.21, tax 15.21 (incl. shipping 1.05, after the discount).
  ["magento2", { incl: "96.21", vatPerRate: { "21": "13.86", "9": "1.35" } }, "000000042"],
  // Magento 1.9's invoice.json (invoice 100000007 of order 100000012): base_grand_total 65.96, tax 9.96 (7.56 + 1.05 shipping at 21%, 1.35 at 9%).
  ["magento1", { incl: "65.96", vatPerRate: { "21": "8.61", "9": "1.35" } }, "100000012"],
  // 24.95 + 2 × 5.98 + 4.95 − 3.00 discount spread over both rates; PrestaShop's order number is its reference.
  ["prestashop", { incl: "38.86", vatPerRate: { "21": "4.84", "9": "0.91" } }, "XKBKNABJK"],
  // As CCV: 24.95 + 2 × 5.98 + 4.95 shipping. The sandbox shop numbers its first order 1001.
  ["kmoshops", { incl: "41.86", vatPerRate: { "21": "5.19", "9": "0.99" } }, "1001"],
];

const targets: Record<MatrixTarget, (tenant: string) => DemoSide> = {
  rompslomp: rompslompDemoTarget, eboekhouden: eboekhoudenDemoTarget, wefact: wefactDemoTarget, factuursturen: factuursturenDemoTarget,
};

const cases = sources.flatMap(([source, expected, salesNumber]) => (Object.keys(targets) as MatrixTarget[]).map((target) => [source, target, expected, salesNumber] as const));

let t: TestDb;
let accountId: string;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  accountId = (await t.db.account.create({ data: { name: "Matrix Webwinkel B.V." } })).id;
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

/** An integration configured as lib/demo/seed-demo.ts configures the demo ones, on its own tenants. */
async function createIntegration(key: string, source: MatrixSource, target: MatrixTarget): Promise<string> {
  const tenant = key.toLowerCase();
  const sourceSide = source.demo(tenant);
  const targetSide = targets[target](tenant);
  const connection = (side: "source" | "target", system: string, config: DemoSide) => ({
    side, system, baseUrl: `${APP}/sandbox/${system}/${tenant}`, credentialsEnc: sealCredentials(config.credentials), status: "ok", lastCheckedAt: new Date(),
  });
  const settings: Record<string, unknown> = { source: { startDate: "2000-01-01", ...sourceSide.settings }, target: targetSide.settings, payments: { enabled: false } };
  if (targetSide.costAccounts) settings.costAccounts = targetSide.costAccounts;
  const integration = await t.db.integration.create({
    data: {
      accountId, licenseKey: key, name: `${source.system} → ${target} (matrix)`, sourceSystem: source.system, targetSystem: target, status: "active", termsAcceptedAt: new Date(),
      connections: { create: [connection("source", source.system, sourceSide), connection("target", target, targetSide)] },
      settings: { create: Object.entries(settings).map(([k, value]) => ({ key: k, value: value as Prisma.InputJsonValue })) },
      vatMappings: { create: targetSide.vatGrid ?? [] },
    },
  });
  return integration.id;
}

async function process(integrationId: string, kind: MatrixSource["kind"], sourceId: string) {
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  const { result, error } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
  return { result: result as { status: string; already?: boolean; found?: boolean } | undefined, error, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

describe.each(cases)("%s → %s", (system, target, expected, salesNumber) => {
  const key = `MX-${system}-${target}`.toUpperCase();
  const tenant = key.toLowerCase();
  const source = matrixSources[system];
  const books = `${APP}/sandbox/${target}/${tenant}/_admin`;
  const read = (sourceId: string) => matrixReaders[target](books, { reference: `${key}-${source.kind}-${sourceId}`, salesNumber });

  it("books the shop's document once: total incl. VAT and VAT per rate to the cent, also when processed again or retried after a lost answer", async () => {
    const integrationId = await createIntegration(key, source, target);
    const sourceId = await source.place(`${APP}/sandbox/${system}/${tenant}/_admin`);

    const first = await process(integrationId, source.kind, sourceId);
    expect([first.result?.status, first.document.status, first.document.errorCode, first.document.errorDetail]).toEqual(["booked", "booked", null, null]);
    expect(first.document.totalInclVat?.toFixed(2)).toBe(expected.incl);
    expect(await read(sourceId)).toEqual({ count: 1, inBooks: 1, ...expected });

    const again = await process(integrationId, source.kind, sourceId);
    expect(again.result).toMatchObject({ status: "booked", already: true });
    expect(await read(sourceId)).toMatchObject({ count: 1, inBooks: 1 });

    // As if the target created the booking but its answer was lost: the retry must find it, not book again.
    await t.db.document.update({ where: { id: first.document.id }, data: { status: "queued", targetRef: null } });
    const retried = await process(integrationId, source.kind, sourceId);
    // Found by our reference; e-Boekhouden cannot search for it (findInvoiceByReference finds nothing by
    // design), its createInvoice finds the sale by sales number instead: same booking, none added.
    expect(retried.result).toMatchObject(target === "eboekhouden" ? { status: "booked" } : { status: "booked", found: true });
    expect(retried.document.targetRef).toBe(first.document.targetRef);
    expect(await read(sourceId)).toEqual({ count: 1, inBooks: 1, ...expected });
  });
});
