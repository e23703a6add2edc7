import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { money } from "@/lib/domain/money";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { referenceCache } from "../kit/reference-cache";
import { updateTenant } from "../sandbox/kit/tenant-store";
import { caught } from "../testing";
import type { Booking, ExternalCallRecord } from "../types";
import { createFactuursturenTarget } from "./index";
import { sandboxProfileIds } from "./sandbox/seed";
import { initialState, type FactuursturenState, type InvoiceJson } from "./sandbox/state";
import { admin, api, sandboxCtx } from "./sandbox/testing";

/** The account's VAT rates and the customer's tax type cached between bookings, read again when stale data could explain a refusal. */
const T = "fs-cache";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { referenceCache.clear(); await admin(T, "POST", "reset"); await admin(T, "POST", "faults", {}); await admin(T, "POST", "activate-key"); });

const settings = { templateId: sandboxProfileIds.webshop, sendMethod: "mail" };
const target = (calls?: ExternalCallRecord[]) => createFactuursturenTarget(sandboxCtx(T, { calls }), settings);
const endpoints = (calls: ExternalCallRecord[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname.replace(/^.*\/api\/v1/, "")}`);
const state = async () => (await admin(T, "GET", "state")).json() as Promise<{ invoices: InvoiceJson[] }>;

async function booking(n: number): Promise<Booking> {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", "domestic-paid.json"), "utf8")) as { booking: Booking };
  const document = salesDocumentSchema.parse(raw.booking.document);
  const fs = target();
  const debtorId = (await fs.findDebtorByEmail(document.customer.email ?? "")) ?? (await fs.createDebtor(document));
  return { ...raw.booking, document, debtorId, reference: `${raw.booking.reference}-${n}`, lookedUp: true, lines: document.lines.map((l) => ({ ...l, vatCode: money(l.vatRate).toFixed() })) };
}

describe("Factuursturen reference data in steady state", () => {
  it("books the second document with the create alone", async () => {
    const first: ExternalCallRecord[] = [];
    await target(first).createInvoice(await booking(1));
    expect(endpoints(first).sort()).toEqual(["GET /clients/1", "GET /taxes", "POST /invoices"]);
    const second: ExternalCallRecord[] = [];
    await target(second).createInvoice(await booking(2));
    expect(endpoints(second)).toEqual(["POST /invoices"]);
  });

  it("a customer whose tax type changed after it was cached is booked with the cents we checked, for the type we priced", async () => {
    await target().createInvoice(await booking(1));
    const b = await booking(2);
    const priced = (await api(T, "GET", `clients/${b.debtorId}`).then((r) => r.json())) as { client: { tax_type: string } };
    const other = priced.client.tax_type === "intax" ? "extax" : "intax";
    expect((await api(T, "PUT", `clients/${b.debtorId}`, { tax_type: other })).status).toBeLessThan(300);
    await target().createInvoice(b);
    const [firstInvoice, secondInvoice] = (await state()).invoices;
    expect(secondInvoice!.totalintax).toBe(firstInvoice!.totalintax);
    expect(secondInvoice!.taxes).toEqual(firstInvoice!.taxes);
  });

  it("a rate removed after the list was cached gives the clear error; one added is found", async () => {
    await target().createInvoice(await booking(1));
    const editTaxes = (fn: (taxes: FactuursturenState["taxes"]) => FactuursturenState["taxes"]) =>
      updateTenant<FactuursturenState, void>("factuursturen", T, () => initialState(T), (s) => { s.taxes = fn(s.taxes); });
    const before = (await api(T, "GET", "taxes").then((r) => r.json())) as FactuursturenState["taxes"];
    await editTaxes((taxes) => taxes.filter((x) => Number(x.percentage) !== 21));
    const calls: ExternalCallRecord[] = [];
    const err = await caught(target(calls).createInvoice(await booking(2)));
    expect(err).toMatchObject({ code: "vat_rate_unmapped", retryable: false });
    expect(endpoints(calls)).toContain("GET /taxes"); // refused on the cached list, read again, refused clearly
    await editTaxes(() => before);
    await expect(target().createInvoice(await booking(3))).resolves.toMatchObject({ id: expect.any(String) });
  });
});
