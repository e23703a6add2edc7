import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import type { Booking, BookingLine } from "../../types";
import type { RompslompCredentials, RompslompSettingsInput } from "../config";
import { createRompslompTarget } from "../index";
import { SANDBOX_COMPANY_ID } from "./seed";
import type { SalesInvoiceJson, SentEmailJson } from "./state";
import { admin, connectViaConsent, sandboxCtx } from "./testing";
import { caught } from "../../testing";

// The Configuration tab's Rompslomp choices: concept or published, and emailed on publication.
const TENANT = "invoice-status";
const COMPANY = String(SANDBOX_COMPANY_ID);
let t: TestDb;
let creds: RompslompCredentials;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  creds = await connectViaConsent(TENANT);
});
afterAll(async () => { setDb(undefined); await t.close(); });

const state = async () => (await admin(TENANT, "GET", "state")).json() as Promise<{ invoices: SalesInvoiceJson[]; emails: SentEmailJson[] }>;

/** The domestic fixture, booked under its own reference, on a debtor with or without an email address. */
async function book(settings: Partial<RompslompSettingsInput>, reference: string, email: string | null = "jan.jansen@example.nl") {
  const target = createRompslompTarget(sandboxCtx(TENANT, creds), { companyId: COMPANY, ...settings });
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "__fixtures__", "domestic-mixed.json"), "utf8")) as { booking: Booking };
  const document = salesDocumentSchema.parse({ ...raw.booking.document, customer: { ...raw.booking.document.customer, email: email ?? undefined } });
  const debtorId = (email ? await target.findDebtorByEmail(email) : null) ?? (await target.createDebtor(document));
  const lines: BookingLine[] = raw.booking.lines.map((l) => ({ ...l, productId: undefined }));
  return target.createInvoice({ ...raw.booking, document, debtorId, lines, reference });
}

describe("Rompslomp invoice status and sending", () => {
  it("by default publishes the invoice and sends nothing (the manual)", async () => {
    const ref = await book({}, "REF-DEFAULT");
    expect(ref.number).toMatch(/^\d{4}-\d{4}$/);
    const s = await state();
    expect(s.invoices.find((i) => i.api_reference === "REF-DEFAULT")).toMatchObject({ status: "published" });
    expect(s.emails ?? []).toEqual([]); // listed only once an invoice was emailed
  });

  it("keeps a concept without a number when the merchant checks invoices first", async () => {
    const ref = await book({ invoiceStatus: "concept" }, "REF-CONCEPT");
    expect(ref).toEqual({ id: expect.stringMatching(/^\d+$/) });
    expect((await state()).invoices.find((i) => i.api_reference === "REF-CONCEPT")).toMatchObject({ status: "concept", invoice_number: null, published_at: null });
  });

  it("emails a published invoice to its contact when asked", async () => {
    const ref = await book({ sendByEmail: true }, "REF-EMAIL");
    const s = await state();
    expect(s.emails).toEqual([{ invoice_id: Number(ref.id), invoice_number: ref.number, to: "jan.jansen@example.nl", sent_at: expect.any(String) }]);
  });

  it("cannot email an invoice whose customer has no address: a clear error, nothing booked", async () => {
    const err = await caught(book({ sendByEmail: true }, "REF-NO-ADDRESS", null));
    expect(err.message).toContain("geen e-mailadres");
    expect((await state()).invoices.some((i) => i.api_reference === "REF-NO-ADDRESS")).toBe(false);
  });
});
