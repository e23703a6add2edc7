import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { processDocument } from "@/inngest/functions/process-document";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { changeImport, createImport } from "./commands";
import { importInPipeline, queueNextBatch } from "./queue-batch";
import { scanPage } from "./scan-page";
import { historyImportReason } from "./start-date-exemption";
import { importProgress, scanSummary } from "./summary";
import { useDemoDatabase } from "@/lib/db/demo-database";

/**
 * History import through the real pipeline and both sandboxes (in-process): the demo Magento 2 →
 * Rompslomp integration, a shop holding documents of March 2025 and one outside the range.
 */
const APP = "http://localhost:3000";
const KEY = "DEMO-MAGENTO-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/magento2/${TENANT}/_admin`;
const books = `${APP}/sandbox/rompslomp/${TENANT}/_admin`;

const t = useDemoDatabase(APP);
let integrationId: string;
let userId: string;

beforeAll(async () => {
  const integration = await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY }, include: { account: { include: { users: true } } } });
  integrationId = integration.id;
  userId = integration.account.users[0]!.id;
});

async function admin(path: string, body: unknown) {
  const res = await inProcessSandboxFetch(`${shopAdmin}/${path}`, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id?: string; ids?: string[] };
}

const row = (price: number) => ({ sku: "MUG", name: "Mug", qty: 1, base_price: price, base_price_incl_tax: +(price * 1.21).toFixed(2), tax_percent: 21 });
const day = (d: number) => `2025-03-${String(d).padStart(2, "0")} 10:00:00`;
const who = () => ({ integrationId, userId });

type Invoice = { api_reference: string };
const bookedRefs = async () => ((await (await inProcessSandboxFetch(`${books}/state`)).json()) as { invoices: Invoice[] }).invoices.map((i) => i.api_reference);

async function scanAll(importId: string) {
  const { source } = connectorsFor(await loadIntegration(t.db, integrationId), () => undefined);
  for (let i = 0; i < 100; i++) if ((await scanPage(t.db, importId, source)).done) return;
  throw new Error("scan did not end");
}

async function book(documentId: string) {
  const { result } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }] }).execute();
  return result as { status: string };
}

/** One paced batch of the run: handed over, then booked by the pipeline one at a time. */
async function runBatch(importId: string, size: number) {
  const row = await t.db.historyImport.findUniqueOrThrow({ where: { id: importId } });
  const batch = await queueNextBatch(t.db, importId, row.generation, size);
  for (const id of batch.documentIds) await book(id);
  return batch;
}

describe("history import: scan, then book exactly once", () => {
  let invoices: string[];
  let credit: string;
  let importId: string;

  it("scans the range: exact count and totals per kind, already booked and not eligible apart", async () => {
    const orderId = (await admin("documents", { kind: "order", payload: { customer_email: "piet@example.nl", billing_address: { firstname: "Piet", lastname: "Bakker", street: ["Molenweg 3"], postcode: "5611AA", city: "Eindhoven", country_id: "NL" }, payment: { method: "checkmo" }, items: [] } })).id!;
    // Eight invoices of 10.00 … 17.00 excl. VAT in March, one in April, one credit memo of 5.00, one canceled invoice.
    invoices = (await admin("documents/bulk", { kind: "invoice", payloads: Array.from({ length: 8 }, (_, i) => ({ order_id: orderId, created_at: day(i + 2), items: [row(10 + i)] })) })).ids!;
    await admin("documents/bulk", { kind: "invoice", payloads: [{ order_id: orderId, created_at: "2025-04-02 10:00:00", items: [row(99)] }] });
    credit = (await admin("documents/bulk", { kind: "creditnote", payloads: [{ order_id: orderId, created_at: day(20), items: [row(5)] }] })).ids![0]!;
    await admin("documents/bulk", { kind: "invoice", payloads: [{ order_id: orderId, created_at: day(21), state: 3, items: [row(50)] }] });
    // The first invoice was booked live already.
    const { documentId } = await receiveDocument(t.db, { integrationId, kind: "invoice", sourceId: invoices[0]! });
    expect(await book(documentId)).toMatchObject({ status: "booked" });

    const created = await createImport(t.db, who(), { from: "2025-03-01", to: "2025-03-31" });
    if (!created.ok) throw new Error(created.problem);
    importId = created.importId;
    expect(await createImport(t.db, who(), { from: "2025-01-01", to: "2025-01-31" })).toEqual({ ok: false, problem: "busy" });
    await scanAll(importId);

    const summary = await scanSummary(t.db, importId);
    expect(summary).toMatchObject({ found: 10, toBookCount: 8, alreadyBooked: 1, notEligible: 1 });
    // Invoices 11 … 17 excl. = 98.00, incl. 21% = 118.58; the credit memo −5.00 / −6.05.
    expect(summary.toBook).toEqual([
      { kind: "creditnote", count: 1, incl: "-6.05", excl: "-5.00" },
      { kind: "invoice", count: 7, incl: "118.58", excl: "98.00" },
    ]);
    expect(summary.reasons[0]!.reason).toMatch(/cancel/i);
    expect((await t.db.historyImport.findUniqueOrThrow({ where: { id: importId } })).status).toBe("ready");
  });

  it("pause stops handing over, resume continues; a document that also arrives live is booked once", async () => {
    expect(await changeImport(t.db, who(), importId, "start")).toMatchObject({ ok: true, generation: 1 });
    await runBatch(importId, 3);
    expect(await importProgress(t.db, importId)).toMatchObject({ booked: 3, remaining: 5, skipped: 2, errors: 0 });

    // Pause: the next batch hands nothing over.
    await changeImport(t.db, who(), importId, "pause");
    const paused = await runBatch(importId, 3);
    expect(paused).toEqual({ stop: "paused", documentIds: [] });
    expect((await importProgress(t.db, importId)).booked).toBe(3);

    // Meanwhile the fifth invoice arrives live and is booked.
    const live = await receiveDocument(t.db, { integrationId, kind: "invoice", sourceId: invoices[4]! });
    expect(await book(live.documentId)).toMatchObject({ status: "booked" });

    // Resume: a new generation; a run of the old one stops by itself.
    expect(await changeImport(t.db, who(), importId, "resume")).toMatchObject({ ok: true, generation: 2 });
    expect(await queueNextBatch(t.db, importId, 1, 3)).toEqual({ stop: "superseded", documentIds: [] });
    while (!(await runBatch(importId, 3)).stop);

    const progress = await importProgress(t.db, importId);
    expect(progress).toMatchObject({ booked: 7, skipped: 3, remaining: 0, errors: 0, total: 10 });
    expect((await t.db.historyImport.findUniqueOrThrow({ where: { id: importId } })).status).toBe("done");
    const refs = await bookedRefs();
    for (const id of invoices) expect(refs.filter((r) => r === `${KEY}-invoice-${id}`)).toHaveLength(1);
    expect(refs.filter((r) => r === `${KEY}-creditnote-${credit}`)).toHaveLength(1);
  });

  it("cancel leaves the rest unbooked", async () => {
    const orderId = (await admin("documents", { kind: "order", payload: { customer_email: "piet@example.nl", billing_address: { firstname: "Piet", lastname: "Bakker", street: ["Molenweg 3"], postcode: "5611AA", city: "Eindhoven", country_id: "NL" }, payment: { method: "checkmo" }, items: [] } })).id!;
    const ids = (await admin("documents/bulk", { kind: "invoice", payloads: Array.from({ length: 5 }, (_, i) => ({ order_id: orderId, created_at: `2025-01-${String(i + 10)} 10:00:00`, items: [row(20)] })) })).ids!;
    const created = await createImport(t.db, who(), { from: "2025-01-01", to: "2025-01-31" });
    if (!created.ok) throw new Error(created.problem);
    await scanAll(created.importId);
    await changeImport(t.db, who(), created.importId, "start");
    await runBatch(created.importId, 2);
    // A document the running import handed over carries the import as its reason; one it has not, none.
    const handed = await t.db.historyImportItem.findFirstOrThrow({ where: { importId: created.importId, state: "queued" } });
    expect(await historyImportReason(t.db, handed.documentId!)).toEqual({ importId: created.importId });
    const live = await receiveDocument(t.db, { integrationId, kind: "invoice", sourceId: ids[4]! });
    expect(await historyImportReason(t.db, live.documentId)).toBeNull();
    expect(await changeImport(t.db, who(), created.importId, "cancel")).toMatchObject({ ok: true });
    expect(await runBatch(created.importId, 2)).toEqual({ stop: "cancelled", documentIds: [] });
    expect(await importProgress(t.db, created.importId)).toMatchObject({ booked: 2, remaining: 3 });
    const refs = await bookedRefs();
    expect(ids.filter((id) => refs.includes(`${KEY}-invoice-${id}`))).toEqual(ids.slice(0, 2));
    const audit = await t.db.auditEvent.findMany({ where: { integrationId, action: { startsWith: "history-import." } }, orderBy: { at: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["history-import.scan", "history-import.start", "history-import.pause", "history-import.resume", "history-import.scan", "history-import.start", "history-import.cancel"]);
  });
  it("is done only when the pipeline is done with the last documents it handed over", async () => {
    const orderId = (await admin("documents", { kind: "order", payload: { customer_email: "piet@example.nl", billing_address: { firstname: "Piet", lastname: "Bakker", street: ["Molenweg 3"], postcode: "5611AA", city: "Eindhoven", country_id: "NL" }, payment: { method: "checkmo" }, items: [] } })).id!;
    await admin("documents/bulk", { kind: "invoice", payloads: Array.from({ length: 3 }, (_, i) => ({ order_id: orderId, created_at: `2025-02-${String(i + 10)} 10:00:00`, items: [row(30)] })) });
    const created = await createImport(t.db, who(), { from: "2025-02-01", to: "2025-02-28" });
    if (!created.ok) throw new Error(created.problem);
    await scanAll(created.importId);
    await changeImport(t.db, who(), created.importId, "start");
    const handed = await queueNextBatch(t.db, created.importId, 1, 10);
    expect(handed.documentIds).toHaveLength(3);
    expect(await importInPipeline(t.db, created.importId)).toBe(3);

    // Nothing left to hand over, but the pipeline still holds them: not done yet.
    expect(await queueNextBatch(t.db, created.importId, 1, 10)).toEqual({ stop: null, documentIds: [], draining: true });
    expect((await t.db.historyImport.findUniqueOrThrow({ where: { id: created.importId } })).status).toBe("running");

    for (const id of handed.documentIds) await book(id);
    expect(await importInPipeline(t.db, created.importId)).toBe(0);
    expect(await queueNextBatch(t.db, created.importId, 1, 10)).toEqual({ stop: "done", documentIds: [] });
    expect(await importProgress(t.db, created.importId)).toMatchObject({ booked: 3, remaining: 0 });
  });
});
