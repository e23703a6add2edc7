import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { type Booking, type BookingLine } from "../../types";
import { sandboxBaseUrl, type RompslompCredentials } from "../config";
import { createRompslompTarget, listAccounts, listTemplates, listVatTypes, testConnection, type RompslompTarget } from "../index";
import { SANDBOX_COMPANY_ID, sandboxAccountIds, sandboxTemplateIds, sandboxVatTypeIds } from "./seed";
import type { SalesInvoiceJson } from "./state";
import { APP_URL, admin, connectViaConsent, sandboxCtx, sandboxFetch } from "./testing";
import { caught } from "../../testing";

const TENANT = "target-acme";
const COMPANY = String(SANDBOX_COMPANY_ID);
let t: TestDb;
let creds: RompslompCredentials;
let target: RompslompTarget;

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  creds = await connectViaConsent(TENANT);
  target = createRompslompTarget(sandboxCtx(TENANT, creds), { companyId: COMPANY, paymentClearingAccountId: String(sandboxAccountIds.clearingIdeal) });
});
afterAll(async () => { setDb(undefined); await t.close(); });

function fixture(name: string): Booking {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "__fixtures__", `${name}.json`), "utf8")) as { booking: Booking };
  return { ...raw.booking, document: salesDocumentSchema.parse(raw.booking.document) };
}

/** Makes a fixture bookable in this tenant: its debtor and products created through the connector. */
async function bookable(name: string): Promise<Booking> {
  const booking = fixture(name);
  const debtorId = (await target.findDebtorByEmail(booking.document.customer.email ?? "")) ?? (await target.createDebtor(booking.document));
  const lines: BookingLine[] = [];
  for (const line of booking.lines) {
    const code = line.code ?? line.kind;
    const productId = (await target.findProductByCode(code)) ??
      (await target.createProduct({ code, description: line.description, vatRate: line.vatRate, unitPriceExcl: line.unitPriceExcl, vatCode: line.vatCode, ledgerAccount: line.ledgerAccount }));
    lines.push({ ...line, productId });
  }
  return { ...booking, debtorId, lines };
}

const state = async () => (await admin(TENANT, "GET", "state")).json() as Promise<{ contacts: Record<string, unknown>[]; products: Record<string, unknown>[]; invoices: SalesInvoiceJson[]; mutations: unknown[]; payments: Record<string, unknown>[] }>;


describe("Rompslomp target against the sandbox", () => {
  it("finds or creates the debtor by email, never twice", async () => {
    const doc = fixture("domestic-mixed").document;
    expect(await target.findDebtorByEmail("jan.jansen@example.nl")).toBeNull();
    const id = await target.createDebtor(doc);
    expect(id).toMatch(/^\d{9,}$/);
    expect(await target.findDebtorByEmail("Jan.Jansen@example.nl")).toBe(id);
    const [contact] = (await state()).contacts;
    expect(contact).toMatchObject({ id: Number(id), is_individual: true, name: "Jan Jansen", contact_person_email_address: "jan.jansen@example.nl", address: "Kerkstraat 12a", country_code: "NL", contact_number: "K00001" });
  });

  it("finds or creates products by their cleaned SKU; the sandbox refuses codes with other characters", async () => {
    expect(await target.findProductByCode("TSHIRT-RED/L")).toBeNull();
    const id = await target.createProduct({ code: "TSHIRT-RED/L", description: "T-shirt rood, maat L", vatRate: "21", unitPriceExcl: "10.00", vatCode: String(sandboxVatTypeIds.high) });
    expect(await target.findProductByCode("TSHIRT-RED/L")).toBe(id);
    expect(await target.findProductByCode("tshirtredl")).toBe(id);
    const raw = await sandboxFetch(`${sandboxBaseUrl(APP_URL, TENANT)}/api/v1/companies/${COMPANY}/products`, {
      method: "POST",
      headers: { Authorization: `Bearer ${creds.accessToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ product: { invoice_line: { description: "x", price_per_unit: "1.00", product_code: "A-1" } } }),
    });
    expect(raw.status).toBe(422);
    expect(await raw.json()).toEqual({ error: { type: "client.parameters.validation", message: "Product is invalid: Productcode mag alleen letters en cijfers bevatten." } });
  });

  it("creates the invoice (published, not sent), finds it by our reference, totals to the cent", async () => {
    const booking = await bookable("domestic-mixed");
    const ref = await target.createInvoice(booking);
    expect(ref).toEqual({ id: expect.stringMatching(/^\d+$/), number: "2024-0001" });
    expect(await target.findInvoiceByReference(booking.reference)).toEqual(ref);
    expect(await target.findInvoiceByReference("bk-unknown")).toBeNull();

    const invoice = (await state()).invoices.find((i) => String(i.id) === ref.id)!;
    expect(invoice).toMatchObject({
      status: "published", date: "2024-03-02", due_date: "2024-03-16", description: "1001", currency: "eur", api_reference: booking.reference,
      template_id: sandboxTemplateIds.webshop, price_without_vat: "29.09", vat_amount: "5.51", price_with_vat: "34.6", payment_status: "unpaid",
    });
    expect(invoice.invoice_lines.map((l) => [l.price_without_vat, l.vat_amount])).toEqual([["20.0", "4.2"], ["5.0", "0.45"], ["4.09", "0.86"]]);
  });

  it("a retry of the same booking returns the invoice already there (api_reference is unique)", async () => {
    const booking = await bookable("domestic-mixed");
    const before = (await state()).invoices.length;
    const again = await target.createInvoice(booking);
    expect(again.number).toBe("2024-0001");
    expect((await state()).invoices).toHaveLength(before);
  });

  it("awkward quantities book to the cent", async () => {
    const base = fixture("awkward-quantities");
    const withCodes: Booking = { ...base, lines: base.document.lines.map((l) => ({ ...l, vatCode: String(l.vatRate === "21" ? sandboxVatTypeIds.high : sandboxVatTypeIds.low), ledgerAccount: String(sandboxAccountIds.revenueHigh) })) };
    const debtorId = await target.createDebtor(withCodes.document);
    const ref = await target.createInvoice({ ...withCodes, debtorId });
    const invoice = (await state()).invoices.find((i) => String(i.id) === ref.id)!;
    expect([invoice.price_without_vat, invoice.vat_amount, invoice.price_with_vat]).toEqual(["52.3", "8.35", "60.65"]);
  });

  it("credit: negative amounts, 'Credit' description, a company debtor", async () => {
    const booking = await bookable("credit");
    const tgt = createRompslompTarget(sandboxCtx(TENANT, creds), { companyId: COMPANY, descriptionSource: "invoice-number" });
    const ref = await tgt.createInvoice(booking);
    const s = await state();
    const invoice = s.invoices.find((i) => String(i.id) === ref.id)!;
    expect(invoice).toMatchObject({ description: "Credit 100000012", price_with_vat: "-21.8", vat_amount: "-1.8" });
    expect(s.contacts.find((c) => String(c.id) === booking.debtorId)).toMatchObject({ is_individual: false, company_name: "Bakkerij De Vries B.V.", kvk_number: "87654321" });
  });

  it("ICP: 0% to an EU business needs the VAT number, which the mapping sends", async () => {
    const booking = await bookable("icp");
    const noVat = { ...booking, reference: "bk-icp-novat", document: { ...booking.document, icp: false } };
    const refused = await caught(target.createInvoice(noVat));
    expect(refused).toMatchObject({ code: "rejected", retryable: false });
    expect(refused.message).toMatch(/^Rompslomp rejected the invoice: Btw-nummer moet opgegeven zijn/);
    const ref = await target.createInvoice(booking);
    expect((await state()).invoices.find((i) => String(i.id) === ref.id)).toMatchObject({ vat_number: "DE983924221", validates_vat_number: false, price_with_vat: "87.5" });
  });

  it("422 on an unknown VAT type, in plain language and not retryable", async () => {
    const booking = await bookable("domestic-mixed");
    const bad = { ...booking, reference: "bk-bad-vat", lines: booking.lines.map((l, i) => (i === 1 ? { ...l, vatCode: "123456789" } : l)) };
    const e = await caught(target.createInvoice(bad));
    expect(e).toMatchObject({ code: "rejected", retryable: false, detail: { status: 422 } });
    expect(e.message).toBe("Rompslomp rejected the invoice: Factuurregel 2 btw-soort bestaat niet.");
    const noContact = await caught(target.createInvoice({ ...booking, reference: "bk-bad-contact", debtorId: "999999999" }));
    expect(noContact.message).toBe("Rompslomp rejected the invoice: Contact bestaat niet.");
  });

  it("validates like Rompslomp: missing contact, bad amounts, unpermitted parameters", async () => {
    const post = (body: unknown) =>
      sandboxFetch(`${sandboxBaseUrl(APP_URL, TENANT)}/api/v1/companies/${COMPANY}/sales_invoices`, {
        method: "POST",
        headers: { Authorization: `Bearer ${creds.accessToken}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const missing = await post({ sales_invoice: { date: "2024-03-02", invoice_lines: [{ description: "x", price_per_unit: "12,40", quantity: "1" }] } });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toEqual({ error: { type: "client.parameters.validation", message: "Factuur is invalid: Contact moet opgegeven zijn, Factuurregel 1 stuksprijs is geen getal." } });
    const typo = await post({ sales_invoice: { contact_id: 1, invoice_lines: [{ price: "1.00" }] } });
    expect(typo.status).toBe(400);
    expect((await typo.json()).error.type).toBe("client.parameters.unpermitted_parameters");
    const noRoot = await post({ invoice: {} });
    expect((await noRoot.json()).error.type).toBe("client.parameters.missing_parameter");
  });

  it("adds a payment to the invoice on the clearing account", async () => {
    const found = await target.findInvoice("bk-ccvshop-482211");
    expect(found).toMatchObject({ status: "published", paymentStatus: "unpaid", openAmount: "34.6" });
    const paid = await target.addPayment(found!.id, { amount: "34.60", paidAt: "2024-03-02", number: "1001", transactionId: "tr_123" });
    expect(paid).toMatchObject({ paymentStatus: "paid", openAmount: "0.0" });
    expect((await state()).payments).toContainEqual(expect.objectContaining({ amount: "34.6", description: "1001 tr_123", account_id: sandboxAccountIds.clearingIdeal, sales_invoice_id: Number(found!.id) }));
  });

  it("_admin/state exports Rompslomp's own JSON", async () => {
    const s = await state();
    expect(Object.keys(s).sort()).toEqual(["contacts", "invoices", "mutations", "payments", "products"]);
    expect(s.mutations).toEqual([]);
    expect(s.products[0]).toMatchObject({ has_stock: true, invoice_line: { product_code: "TSHIRTREDL", price_per_unit: "10.0", vat_type_id: sandboxVatTypeIds.high } });
    expect(s.invoices[0]).toHaveProperty("cached_contact.contact_person_email_address", "jan.jansen@example.nl");
  });

  it("lists pages with X-Page, X-Per-Page and X-Total", async () => {
    const res = await sandboxFetch(`${sandboxBaseUrl(APP_URL, TENANT)}/api/v1/companies/${COMPANY}/contacts?per_page=1&page=2`, { headers: { Authorization: `Bearer ${creds.accessToken}` } });
    const total = (await state()).contacts.length;
    expect(total).toBeGreaterThan(1);
    expect([res.headers.get("x-page"), res.headers.get("x-per-page"), res.headers.get("x-total")]).toEqual(["2", "1", String(total)]);
    expect((await res.json()).contacts).toHaveLength(1);
  });

  it("wizard drop-downs show a fresh Dutch administration", async () => {
    const ctx = sandboxCtx(TENANT, creds);
    const vat = await listVatTypes(ctx, {}, COMPANY);
    expect(vat.map((v) => [v.name, v.friendlyName, v.rate])).toEqual([
      ["vat_high", "hoog", "21"], ["vat_low_new", "laag", "9"], ["vat_zero", "0%", "0"], ["vat_reverse_charged", "verlegd", "0"],
      ["vat_none", "vrijgesteld", "0"], ["vat_custom", "aangepast", undefined],
    ]);
    const revenue = await listAccounts(ctx, {}, COMPANY);
    expect(revenue.map((a) => a.label)).toEqual(expect.arrayContaining(["8000 Omzet • Omzet hoog", "8100 Omzet • Omzet ICP", "8200 Omzet • Verzendkosten", "8300 Omzet • Betaalkosten"]));
    expect((await listAccounts(ctx, {}, COMPANY, "payment")).map((a) => a.name)).toEqual(["Bank", "Kas", "iDEAL", "PayPal", "Creditcard", "AfterPay"]);
    expect(await listTemplates(ctx, {}, COMPANY)).toEqual([
      { id: String(sandboxTemplateIds.standard), name: "Standaard", isDefault: true },
      { id: String(sandboxTemplateIds.webshop), name: "Webwinkel met logo", isDefault: false },
    ]);
    expect(await testConnection(ctx, {}, COMPANY)).toMatchObject({ ok: true });
    expect(await testConnection(ctx, {}, "1")).toMatchObject({ ok: false, code: "company_not_found" });
  });

  it("injected 429s come back as rate_limited with Rompslomp's Retry-After", async () => {
    await admin(TENANT, "POST", "faults", { failNext: 1, status: 429 });
    expect(await caught(target.findDebtorByEmail("x@y.nl"))).toMatchObject({ code: "rate_limited", retryable: true, detail: { retryAfterMs: 1000 } });
  });

  it("reset empties business data, keeps OAuth grants and the seeded reference data", async () => {
    expect((await admin(TENANT, "POST", "reset")).status).toBe(204);
    expect(await state()).toEqual({ contacts: [], products: [], invoices: [], mutations: [], payments: [] });
    expect(await (await admin(TENANT, "GET", "requests")).json()).toEqual([]);
    // The same tokens still work, and the reference data is there.
    expect(await target.findDebtorByEmail("jan.jansen@example.nl")).toBeNull();
    expect((await listVatTypes(sandboxCtx(TENANT, creds), {}, COMPANY)).find((v) => v.name === "vat_high")?.id).toBe(String(sandboxVatTypeIds.high));
    // Numbering starts over with the business data.
    const booking = await bookable("domestic-mixed");
    expect((await target.createInvoice(booking)).number).toBe("2024-0001");
  });
});
