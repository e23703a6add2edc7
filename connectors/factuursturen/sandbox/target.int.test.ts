import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { money } from "@/lib/domain/money";
import { salesDocumentSchema } from "@/lib/domain/sales-document";
import { caught } from "../../testing";
import { referenceCache } from "../../kit/reference-cache";
import type { Booking, ExternalCallRecord } from "../../types";
import { sandboxBaseUrl } from "../config";
import { createFactuursturenTarget, factuursturenSetup } from "../index";
import { sandboxCredentials } from "./credentials";
import { sandboxProfileIds } from "./seed";
import type { ClientJson, InvoiceJson } from "./state";
import { APP_URL, admin, sandboxCtx, sandboxFetch } from "./testing";

const T = "fs-target";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
// A reset tenant hands out customer numbers from 1 again: to the reference cache it is a new account.
beforeEach(async () => { referenceCache.clear(); await admin(T, "POST", "reset"); await admin(T, "POST", "faults", {}); await admin(T, "POST", "activate-key"); });

const settings = { templateId: sandboxProfileIds.webshop, sendMethod: "mail" };
const target = (opts: Parameters<typeof sandboxCtx>[1] = {}) => createFactuursturenTarget(sandboxCtx(T, opts), settings);

function fixture(name: string): Booking {
  const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "__fixtures__", `${name}.json`), "utf8")) as { booking: Booking };
  const document = salesDocumentSchema.parse(raw.booking.document);
  return { ...raw.booking, document, lines: document.lines.map((l) => ({ ...l, vatCode: money(l.vatRate).toFixed() })) };
}

/** The fixture's booking for a customer found or created through the connector, as the pipeline does it. */
async function bookable(name: string, reference?: string): Promise<Booking> {
  const booking = fixture(name);
  const fs = target();
  const email = booking.document.customer.email ?? "";
  const debtorId = (await fs.findDebtorByEmail(email)) ?? (await fs.createDebtor(booking.document));
  return { ...booking, debtorId, reference: reference ?? booking.reference };
}

const state = async () => (await admin(T, "GET", "state")).json() as Promise<{ contacts: ClientJson[]; invoices: InvoiceJson[]; products: unknown[] }>;

/** VAT per rate as booked, e.g. {"21": "5.19", "9": "0.99"}. */
const vatPerRate = (invoice: InvoiceJson) => Object.fromEntries(Object.values(invoice.taxes).map((t) => [String(t.rate), t.sum]));

describe("Factuursturen target against the sandbox", () => {
  it("finds the customer by email (exactly, any case) or creates it; never changes it", async () => {
    const doc = fixture("domestic-paid").document;
    const fs = target();
    expect(await fs.findDebtorByEmail("eva@theehuis.nl")).toBeNull();
    const id = await fs.createDebtor(doc);
    expect(await fs.findDebtorByEmail(" Eva@Theehuis.NL ")).toBe(id);
    expect(await fs.findDebtorByEmail("theehuis.nl")).toBeNull(); // the search matches parts; we do not
    expect(await fs.findDebtorByEmail("")).toBeNull();
    const [client] = (await state()).contacts;
    expect(client).toMatchObject({ clientnr: id, contact: "Eva Koper", company: "Theehuis B.V.", address: "Kerkstraat 12 2e verdieping", zipcode: "1234 AB", city: "Utrecht", country: "146", mobile: "06 12345678", email: "eva@theehuis.nl", taxnumber: "NL123456789B01", tax_type: "intax", sendmethod: "mail", paymentmethod: "bank", mailintro: "Dear Eva Koper", showcontact: "true", notes_on_invoice: "false", tax_shifted: "false" });
    expect(client!.reference.line1).toBe("Thank you for your order");
    const requests = (await (await admin(T, "GET", "requests")).json()) as { method: string; path: string }[];
    expect(requests.filter((r) => r.method === "PUT")).toEqual([]);
  });

  it("creates no products: findProductByCode answers null without a call; createProduct refuses", async () => {
    const calls: ExternalCallRecord[] = [];
    const fs = target({ calls });
    expect(fs.createsProducts).toBe(false);
    expect(await fs.findProductByCode("POT")).toBeNull();
    expect((await caught(fs.createProduct({ code: "POT", description: "Theepot", vatRate: "21", unitPriceExcl: "20.62" }))).code).toBe("not_supported");
    expect(calls).toEqual([]);
    expect((await state()).products).toEqual([]);
  });

  it.each([
    ["domestic-paid", { total: "41.86", vat: "6.18", perRate: { "21": "5.19", "9": "0.99" }, open: "0.00" }],
    ["credit", { total: "-34.94", vat: "-5.15", perRate: { "21": "-4.33", "9": "-0.82" }, open: "-34.94" }],
    ["icp-excl", { total: "285.47", vat: "0.00", perRate: { "0": "0.00" }, open: "285.47" }],
  ])("books %s: total, VAT per rate and open amount equal to the document's, to the cent", async (name, expected) => {
    const booking = await bookable(name);
    const ref = await target().createInvoice(booking);
    expect(ref.id).toMatch(/^F\d{8}$/);
    const [invoice] = (await state()).invoices;
    expect(invoice!.invoicenr).toBe(ref.id);
    expect([invoice!.totalintax, invoice!.tax, invoice!.open]).toEqual([expected.total, expected.vat, expected.open]);
    expect(invoice!.totalintax).toBe(money(booking.document.totals.incl).toFixed(2));
    expect(vatPerRate(invoice!)).toEqual(expected.perRate);
    expect(invoice!.sent).toBe(booking.document.date);
    expect(invoice!.reference.line3).toBe(booking.reference);
  });

  it("prices by the customer's tax type as Factuursturen has it: an extax customer gets excl. prices, still to the cent", async () => {
    const booking = fixture("domestic-paid");
    const fs = target();
    // The customer first came with excl. prices, so Factuursturen keeps it as extax; it is never changed.
    const debtorId = await fs.createDebtor({ ...booking.document, pricesIncludeVat: false });
    await fs.createInvoice({ ...booking, debtorId });
    const [invoice] = (await state()).invoices;
    expect(invoice!.lines.line2).toMatchObject({ amount: 1, description: "2 × Thee", price: 10.97 });
    expect([invoice!.totalintax, invoice!.tax]).toEqual(["41.86", "6.18"]);
    expect(vatPerRate(invoice!)).toEqual({ "21": "5.19", "9": "0.99" });
  });

  it("plans for Factuursturen's arithmetic (VAT per rate, on the document's price basis) and refuses a customer whose other tax type would move a cent", async () => {
    const booking = fixture("domestic-paid");
    const fs = target();
    expect(fs.arithmetic(booking.document)).toEqual({ vat: "rate", basis: "incl" });
    expect(fs.arithmetic({ ...booking.document, pricesIncludeVat: false })).toEqual({ vat: "rate", basis: "excl" });
    // 10.00 incl. at 21%: 1.74 VAT from the incl. total, but 8.26 excl. × 21% = 1.73.
    const line = { ...booking.lines[0]!, description: "Cadeaubon", quantity: "1", unitPriceIncl: "10.00", unitPriceExcl: "8.264463", totalIncl: "10.00", totalExcl: "8.26", vatAmount: "1.74" };
    const document = { ...booking.document, lines: [line], totals: { incl: "10.00", excl: "8.26", vat: "1.74" } };
    const extaxCustomer = await fs.createDebtor({ ...document, customer: { ...document.customer, email: "extax@example.nl" }, pricesIncludeVat: false });
    const e = await caught(fs.createInvoice({ ...booking, document, lines: [line], debtorId: extaxCustomer }));
    expect([e.code, e.retryable]).toEqual(["rounding_mismatch", false]);
    expect(e.message).toBe(
      `At 21% VAT the webshop charged 1.74 VAT (10.00 incl.), but Factuursturen, which computes VAT on the total per rate from prices excl. VAT for customer ${extaxCustomer}, would book 1.73 (9.99 incl.). ` +
        "Set that customer's prices to incl. VAT in Factuursturen (as this document's prices are), then click Process.",
    );
    expect((await state()).invoices).toEqual([]);
    const intaxCustomer = await fs.createDebtor(document);
    await fs.createInvoice({ ...booking, document, lines: [line], debtorId: intaxCustomer });
    expect((await state()).invoices.map((i) => [i.totalintax, i.tax])).toEqual([["10.00", "1.74"]]);
  });

  it("finds an invoice by our reference, exactly", async () => {
    const booking = await bookable("domestic-paid", "DEMO-X-order-1");
    const fs = target();
    expect(await fs.findInvoiceByReference("DEMO-X-order-1")).toBeNull();
    const ref = await fs.createInvoice(booking);
    expect(await fs.findInvoiceByReference("DEMO-X-order-1")).toEqual({ id: ref.id, number: ref.id });
    expect(await fs.findInvoiceByReference("DEMO-X-order-")).toBeNull(); // a part of it matches in the search, not here
  });

  it("a timeout at creation (the sandbox's timeoutNext on the POST: nothing created), then the retry: booked once", async () => {
    const booking = await bookable("domestic-paid");
    // Arms the contract's timeoutNext fault once the rates and the customer are read: the next request, the invoice POST, hangs.
    const read = new Set<string>();
    const armed = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await sandboxFetch(input, init);
      const what = /\/api\/v1\/(taxes|clients\/\d+)$/.exec(new URL(String(input)).pathname)?.[1];
      if (what && read.add(what).size === 2) await admin(T, "POST", "faults", { timeoutNext: 1 });
      return res;
    }) as typeof fetch;
    const calls: ExternalCallRecord[] = [];
    const slow = createFactuursturenTarget({ ...sandboxCtx(T, { calls, timeoutMs: 1000 }), fetch: armed }, settings);
    const e = await caught(slow.createInvoice(booking));
    expect([e.code, e.retryable]).toEqual(["timeout", true]);
    expect(calls.at(-1)).toMatchObject({ method: "POST", error: "timeout after 1000 ms" });
    expect((await state()).invoices).toEqual([]);
    const ref = await target().createInvoice(booking);
    expect((await state()).invoices.map((i) => i.invoicenr)).toEqual([ref.id]);
  });

  it("a lost answer at creation (created, timeout on our side), then the retry of the same step: found, booked once", async () => {
    const booking = await bookable("domestic-paid");
    await admin(T, "POST", "lose-answers", { next: 1 });
    const e = await caught(target({ timeoutMs: 150 }).createInvoice(booking));
    expect([e.code, e.retryable]).toEqual(["timeout", true]);
    expect((await state()).invoices).toHaveLength(1);
    // The pipeline's look-up ran before the first attempt; createInvoice itself must not book again.
    const calls: ExternalCallRecord[] = [];
    const again = await target({ calls }).createInvoice(booking);
    expect(again.id).toBe((await state()).invoices[0]!.invoicenr);
    expect((await state()).invoices).toHaveLength(1);
    expect(calls.map((c) => c.method)).toEqual(["GET"]); // only the look-up by reference
    expect(await target().findInvoiceByReference(booking.reference)).toEqual(again);
  });

  it("pre-checks every rate against the account's VAT rates before creating anything", async () => {
    const booking = await bookable("domestic-paid");
    const calls: ExternalCallRecord[] = [];
    const e = await caught(target({ calls }).createInvoice({ ...booking, lines: booking.lines.map((l, i) => (i === 1 ? { ...l, vatRate: "15" } : l)) }));
    expect([e.code, e.retryable]).toEqual(["vat_rate_unmapped", false]);
    expect(e.message).toBe("Factuursturen has no 15% VAT rate, which this order uses (the account has 21%, 9%, 0%). Add the rate in Factuursturen, or correct the VAT in your webshop, then click Process.");
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    expect((await state()).invoices).toEqual([]);
  });

  it("turns Factuursturen's refusals into plain-language errors", async () => {
    const booking = await bookable("domestic-paid");
    const e = await caught(createFactuursturenTarget(sandboxCtx(T), { ...settings, templateId: "9" }).createInvoice(booking));
    expect([e.code, e.retryable]).toEqual(["rejected", false]);
    expect(e.message).toBe("Factuursturen rejected the invoice: Profiel 9 bestaat niet");
    const missing = await caught(target().createInvoice({ ...booking, debtorId: "999" }));
    expect(missing.code).toBe("not_found");
    expect((await caught(target().createInvoice({ ...booking, document: { ...booking.document, currency: "USD" } }))).code).toBe("currency_not_supported");
    await admin(T, "POST", "revoke");
    expect((await caught(target().findDebtorByEmail("eva@theehuis.nl"))).code).toBe("unauthorized");
    expect((await state()).invoices).toEqual([]);
  });

  it("a server error or an exhausted quota is retried later", async () => {
    await admin(T, "POST", "faults", { failNext: 1, status: 502 });
    expect(await caught(target().findInvoiceByReference("x"))).toMatchObject({ code: "server_error", retryable: true });
    await admin(T, "POST", "rate-limit", { remaining: 0 });
    const limited = await caught(target().findInvoiceByReference("x"));
    expect(limited).toMatchObject({ code: "rate_limited", retryable: true });
    expect(limited.detail?.retryAfterMs).toBeGreaterThan(0);
    await admin(T, "POST", "rate-limit", { remaining: 2000 });
  });
});

describe("Factuursturen setup (wizard)", () => {
  const baseUrl = sandboxBaseUrl(APP_URL, T);
  const ctx = { baseUrl, credentials: sandboxCredentials(T), onCredentials: async () => {}, fetch: sandboxFetch };

  it("connects with username and API key; a wrong key is refused with what to check", async () => {
    const form = factuursturenSetup.credentialForm!;
    expect(form.fields.map((f) => [f.name, f.secret ?? false])).toEqual([["username", false], ["apiKey", true]]);
    const { username, apiKey } = sandboxCredentials(T);
    expect(await form.connect({ baseUrl, values: { username: ` ${username} `, apiKey }, fetch: sandboxFetch })).toEqual({ username, apiKey });
    const wrong = await caught(form.connect({ baseUrl, values: { username, apiKey: "nope" }, fetch: sandboxFetch }));
    expect([wrong.code, wrong.retryable]).toEqual(["unauthorized", false]);
    expect(wrong.message).toMatch(/Settings > Connections/);
    expect((await caught(form.connect({ baseUrl, values: { username, apiKey: "" }, fetch: sandboxFetch }))).message).toBe("Enter the Factuursturen API key.");
  });

  it("has one administration per login, layouts from /profiles (default first), no VAT grid", async () => {
    expect(factuursturenSetup.usesVatGrid).toBe(false);
    expect(await factuursturenSetup.listAdministrations(ctx)).toEqual([{ id: T, name: `Factuursturen (${T})` }]);
    const catalog = await factuursturenSetup.catalog(ctx, T);
    expect(catalog.templates).toEqual([{ id: "1", name: "Standaard (default)" }, { id: "2", name: "Webwinkel met logo" }]);
    expect(catalog.vatCodes).toEqual([
      { id: "21", name: "21%", rate: "21", scope: "domestic" },
      { id: "9", name: "9%", rate: "9", scope: "domestic" },
      { id: "0", name: "0%", rate: "0", scope: "zero" },
    ]);
    expect(catalog.accounts).toEqual([]);
  });
});
