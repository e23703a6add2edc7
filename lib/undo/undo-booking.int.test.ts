import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { processDocument } from "@/inngest/functions/process-document";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { seedDemo } from "@/lib/demo/seed-demo";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { reprocessDocument } from "@/lib/pipeline/reprocess-document";
import { undoBooking } from "./undo-booking";
import { sentEventSteps } from "../../inngest/functions/testing/sent-events";

// Undo through the real target connectors into the demo sandboxes, then Process books it again.
const APP = "http://localhost:3000";
let t: TestDb;
const realFetch = globalThis.fetch;
const merchant = { actor: "merchant" as const, actorId: "user-1" };

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  globalThis.fetch = inProcessSandboxFetch;
  await seedDemo(t.db, APP);
});
afterAll(async () => { globalThis.fetch = realFetch; setDb(undefined); await t.close(); });

const row = (name: string, count: number, price: number, tax: number) =>
  ({ product_name: name, product_number: name.toUpperCase(), count, price, selling_price: price, price_without_discount: price, tax, price_with_attributes: price, price_without_discount_with_attributes: price });
const order = (email: string) => ({
  paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 4.95, paymethod_costs: 0,
  currency: "EUR", is_intra_community_order: false, customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
  orderrows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)],
});

async function shopPost(tenant: string, kind: string, payload: Record<string, unknown>) {
  const res = await inProcessSandboxFetch(`${APP}/sandbox/ccvshop/${tenant}/_admin/documents`, { method: "POST", body: JSON.stringify({ kind, payload }) });
  return String((await res.json()).id);
}

async function bookNew(key: string, kind: "order" | "invoice", email: string) {
  const tenant = key.toLowerCase();
  const orderId = await shopPost(tenant, "order", order(email));
  const sourceId = kind === "order" ? orderId : await shopPost(tenant, "invoice", { order: Number(orderId), total_shipping: 4.95, shipping_tax_percentage: 21, invoicerows: [row("Theepot", 1, 24.95, 21), row("Thee", 2, 5.98, 9)] });
  const integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: key } })).id;
  const { documentId } = await receiveDocument(t.db, { integrationId, kind, sourceId });
  await book(integrationId, documentId);
  return { integrationId, documentId, sourceId, reference: `${key}-${kind}-${sourceId}` };
}

async function book(integrationId: string, documentId: string) {
  await new InngestTestEngine({
    function: processDocument,
    events: [{ name: "document/process.requested", data: { documentId, integrationId } }],
    steps: sentEventSteps(),
  }).execute();
  return t.db.document.findUniqueOrThrow({ where: { id: documentId } });
}

const state = async (system: string, key: string) => (await (await inProcessSandboxFetch(`${APP}/sandbox/${system}/${key.toLowerCase()}/_admin/state`)).json()) as { invoices: Record<string, unknown>[] };

describe("undo booking", () => {
  it("WeFact: credits the sent invoice (or deletes a draft), then Process books it again as a new invoice", async () => {
    const key = "DEMO-CCVSHOP-WEFACT";
    const { integrationId, documentId, reference } = await bookNew(key, "invoice", "undo-wefact@example.nl");
    const booked = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(booked.status).toBe("booked");
    const ours = (s: { invoices: Record<string, unknown>[] }) => s.invoices.filter((i) => String(i.Comment ?? "").includes(`[ref:${reference}]`));

    const outcome = await undoBooking(t.db, documentId, merchant);
    expect(outcome.ok).toBe(true);
    const undone = await t.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect([undone.status, undone.errorCode, undone.targetRef]).toEqual(["error", "booking_undone", null]);
    const after = ours(await state("wefact", key));
    if (outcome.ok && outcome.how === "credited") {
      expect(after.map((i) => i.Status).sort()).toEqual(["8", "9"]);
    } else {
      expect(after).toHaveLength(0);
    }
    // A second click finds nothing booked to undo.
    expect(await undoBooking(t.db, documentId, merchant)).toEqual({ ok: false, reason: "not_booked" });
    // The shop announcing it again does not rebook it behind the merchant's back.
    expect((await receiveDocument(t.db, { integrationId, kind: "invoice", sourceId: undone.sourceId })).process).toBe(false);

    expect(await reprocessDocument(t.db, documentId)).toBe(true);
    const rebooked = await book(integrationId, documentId);
    expect(rebooked.status).toBe("booked");
    expect(rebooked.targetRef).not.toBe(booked.targetRef);
    const live = ours(await state("wefact", key)).filter((i) => i.Status !== "8" && i.Status !== "9");
    expect(live).toHaveLength(1);
    expect(String(live[0]!.Identifier)).toBe(rebooked.targetRef);
    const actions = (await t.db.auditEvent.findMany({ where: { documentId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["attempt.started", "attempt.booked", "booking.undone", "attempt.started", "attempt.booked"]);
  });

  it("Rompslomp: deletes a concept invoice and rebooks; a published one cannot be undone", async () => {
    const key = "DEMO-CCVSHOP-ROMPSLOMP";
    const integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: key } })).id;
    const published = await bookNew(key, "order", "undo-published@example.nl");
    expect(await undoBooking(t.db, published.documentId, merchant)).toEqual({ ok: false, reason: "not_supported" });

    const setting = await t.db.integrationSetting.findUniqueOrThrow({ where: { integrationId_key: { integrationId, key: "target" } } });
    await t.db.integrationSetting.update({ where: { integrationId_key: { integrationId, key: "target" } }, data: { value: { ...(setting.value as object), invoiceStatus: "concept" } } });
    const concept = await bookNew(key, "order", "undo-concept@example.nl");
    const ours = async () => (await state("rompslomp", key)).invoices.filter((i) => i.api_reference === concept.reference);
    expect((await ours()).map((i) => i.status)).toEqual(["concept"]);
    expect(await undoBooking(t.db, concept.documentId, merchant)).toEqual({ ok: true, how: "deleted" });
    expect(await ours()).toHaveLength(0);
    expect(await reprocessDocument(t.db, concept.documentId)).toBe(true);
    expect((await book(integrationId, concept.documentId)).status).toBe("booked");
    expect(await ours()).toHaveLength(1);
  });
});
