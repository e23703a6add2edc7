import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { money } from "@/lib/domain/money";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import type { Booking } from "../../types";
import { createFactuursturenTarget } from "../index";
import { savenameOf } from "../map";
import type { InvoiceJson, StoredDraftJson } from "./state";
import { admin, api, sandboxCtx } from "./testing";

// The Configuration tab's Factuursturen choice: invoices created final (the manual) or saved as drafts.
const T = "fs-draft";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { await admin(T, "POST", "reset"); await admin(T, "POST", "activate-key"); });

async function bookable(fs: ReturnType<typeof createFactuursturenTarget>): Promise<Booking> {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "__fixtures__", "domestic-paid.json"), "utf8")) as { booking: Booking };
  const document = salesDocumentSchema.parse(raw.booking.document);
  const debtorId = (await fs.findDebtorByEmail(document.customer.email ?? "")) ?? (await fs.createDebtor(document));
  return { ...raw.booking, document, debtorId, lines: document.lines.map((l) => ({ ...l, vatCode: money(l.vatRate).toFixed() })) };
}

const state = async () => (await admin(T, "GET", "state")).json() as Promise<{ invoices: InvoiceJson[] }>;
const saved = async () => (await api(T, "GET", "invoices_saved")).json() as Promise<StoredDraftJson[]>;

describe("Factuursturen: final or draft", () => {
  it("by default creates the final invoice, numbered (the manual)", async () => {
    const fs = createFactuursturenTarget(sandboxCtx(T), {});
    const ref = await fs.createInvoice(await bookable(fs));
    expect(ref.number).toBeTruthy();
    expect((await state()).invoices).toHaveLength(1);
    expect(await saved()).toEqual([]);
  });

  it("saves a draft under a short name of its own, finds it again, never saves it twice", async () => {
    const fs = createFactuursturenTarget(sandboxCtx(T), { invoiceStatus: "draft", sendMethod: "email" });
    const booking = await bookable(fs);
    const ref = await fs.createInvoice(booking);
    expect(ref).toEqual({ id: expect.stringMatching(/^saved-\d+$/) });
    const drafts = await saved();
    expect(drafts).toEqual([expect.objectContaining({ savename: savenameOf(booking.reference), reference: expect.objectContaining({ line3: booking.reference }) })]);
    expect(savenameOf(booking.reference).length).toBeLessThanOrEqual(20);
    expect((await state()).invoices).toEqual([]); // nothing sent
    expect(await fs.findInvoiceByReference(booking.reference)).toEqual(ref);
    expect(await fs.createInvoice(booking)).toEqual(ref); // a retry finds the draft
    expect(await saved()).toHaveLength(1);
  });
});
