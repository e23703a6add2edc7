import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { processDocument } from "@/inngest/functions/process-document";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { D, type Dec } from "@/lib/domain/money";
import { loadIntegration } from "@/lib/integrations/load-integration";
import { connectorsFor } from "@/lib/pipeline/connectors-for";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import type { DocumentKind } from "../types";
import creditmemoNl from "./__fixtures__/creditmemo-nl.json";
import invoiceNl from "./__fixtures__/invoice-nl.json";
import orderNl from "./__fixtures__/order-nl.json";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";
import { useDemoDatabase } from "@/lib/db/demo-database";

/**
 * The demo Magento 2 → Rompslomp integration end to end, through the real connectors and both
 * sandboxes (served in-process): documents posted to the shop → pollChanges → processDocument →
 * booked in Rompslomp once, with totals and VAT per rate to the cent.
 */
const APP = "http://localhost:3000";
const KEY = "DEMO-MAGENTO-ROMPSLOMP";
const TENANT = KEY.toLowerCase();
const shopAdmin = `${APP}/sandbox/magento2/${TENANT}/_admin`;
const books = `${APP}/sandbox/rompslomp/${TENANT}/_admin`;

const t = useDemoDatabase(APP);
let integrationId: string;

beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
});

const strip = ({ entity_id: _e, order_id: _o, ...rest }: Record<string, unknown>) => rest;

async function post(kind: DocumentKind, payload: object): Promise<string> {
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function poll(cursor: string | null) {
  const { source } = connectorsFor(await loadIntegration(t.db, integrationId), () => undefined);
  return source.pollChanges!({ cursor, startDate: "2024-04-01" });
}

async function process(kind: DocumentKind, sourceId: string) {
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  const { result } = await new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();
  return { result: result as { status: string; code?: string }, document: await t.db.document.findUniqueOrThrow({ where: { id: documentId } }) };
}

type Line = { vat_rate: string; price_without_vat: string; vat_amount: string };
type Invoice = { api_reference: string; price_with_vat: string; price_without_vat: string; vat_amount: string; description: string; invoice_lines: Line[] };
const booked = async () => ((await (await inProcessSandboxFetch(`${books}/state`)).json()) as { invoices: Invoice[] }).invoices;

const totals = (i: Invoice) => ({ incl: new D(i.price_with_vat).toFixed(2), excl: new D(i.price_without_vat).toFixed(2), vat: new D(i.vat_amount).toFixed(2), description: i.description });

/** VAT per rate as Rompslomp booked it: rate → [excl, VAT]. */
function perRate(invoice: Invoice): Record<string, [string, string]> {
  const out: Record<string, [Dec, Dec]> = {};
  for (const l of invoice.invoice_lines) {
    const [excl, vat] = out[l.vat_rate] ?? [new D(0), new D(0)];
    out[l.vat_rate] = [excl.plus(l.price_without_vat), vat.plus(l.vat_amount)];
  }
  return Object.fromEntries(Object.entries(out).map(([rate, [excl, vat]]) => [new D(rate).times(100).toFixed(), [excl.toFixed(2), vat.toFixed(2)]]));
}

describe("Magento 2 → Rompslomp: invoice and credit memo", () => {
  let invoiceId: string;
  let creditId: string;
  let cursor: string;

  it("polls exactly the two new documents", async () => {
    const orderRes = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload: strip(orderNl) }) });
    const orderId = ((await orderRes.json()) as { id: string }).id;
    invoiceId = await post("invoice", { ...strip(invoiceNl), order_id: orderId });
    creditId = await post("creditnote", { ...strip(creditmemoNl), order_id: orderId });
    const result = await poll(null);
    expect(result.notices).toEqual([{ kind: "invoice", sourceId: invoiceId }, { kind: "creditnote", sourceId: creditId }]);
    expect(result.more).toBe(false);
    cursor = result.cursor;
  });

  it("books the invoice in Rompslomp: totals and VAT per rate to the cent", async () => {
    const { result, document } = await process("invoice", invoiceId);
    expect(result.status).toBe("booked");
    expect(document.totalInclVat?.toFixed(2)).toBe("96.21");
    const invoices = (await booked()).filter((i) => i.api_reference === `${KEY}-invoice-${invoiceId}`);
    expect(invoices).toHaveLength(1);
    expect(totals(invoices[0]!)).toEqual({ incl: "96.21", excl: "81.00", vat: "15.21", description: "000000042" });
    expect(perRate(invoices[0]!)).toEqual({ "21": ["66.00", "13.86"], "9": ["15.00", "1.35"] });
  });

  it("books the credit memo negative: totals and VAT per rate to the cent", async () => {
    const { result, document } = await process("creditnote", creditId);
    expect(result.status).toBe("booked");
    expect(document.totalInclVat?.toFixed(2)).toBe("-11.50");
    const credits = (await booked()).filter((i) => i.api_reference === `${KEY}-creditnote-${creditId}`);
    expect(credits).toHaveLength(1);
    expect(totals(credits[0]!)).toEqual({ incl: "-11.50", excl: "-10.00", vat: "-1.50", description: "Credit 000000042" });
    expect(perRate(credits[0]!)).toEqual({ "21": ["-5.00", "-1.05"], "9": ["-5.00", "-0.45"] });
  });

  it("books once: a repeated poll finds nothing, a redelivery finds it booked, a retry after a lost answer finds it by reference", async () => {
    // Listed again from the look-back window only, as re-checks: nothing new.
    expect((await poll(cursor)).notices).toEqual([{ kind: "invoice", sourceId: invoiceId, recheck: true }, { kind: "creditnote", sourceId: creditId, recheck: true }]);
    expect((await process("invoice", invoiceId)).result).toMatchObject({ status: "booked", already: true });
    await t.db.document.updateMany({ where: { integrationId, kind: "creditnote", sourceId: creditId }, data: { status: "queued", targetRef: null } });
    expect((await process("creditnote", creditId)).result).toMatchObject({ status: "booked", found: true });
    const all = await booked();
    expect(all.filter((i) => i.api_reference.startsWith(`${KEY}-`))).toHaveLength(2);
  });

  it("a credit memo with an adjustment lands on Errors with the manual's reason, booking nothing", async () => {
    const id = await post("creditnote", { ...strip(creditmemoNl), base_adjustment_positive: 2, base_grand_total: 13.5, order: strip(orderNl) });
    const { document } = await process("creditnote", id);
    expect(document.status).toBe("error");
    expect(document.errorCode).toBe("credit_adjustment_without_vat");
    expect((await booked()).filter((i) => i.api_reference === `${KEY}-creditnote-${id}`)).toHaveLength(0);
  });

  it("a canceled invoice waits on Open", async () => {
    const id = await post("invoice", { ...strip(invoiceNl), state: 3, order: strip(orderNl) });
    const { document } = await process("invoice", id);
    expect(document.status).toBe("open");
    expect(document.errorDetail).toMatch(/canceled/);
  });
});
