import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { productFor } from "@/lib/pipeline/product-codes";
import type { SalesDocument } from "@/lib/domain/sales-document";
import { caught } from "../testing";
import type { Booking, ExternalCallRecord, TargetConnector } from "../types";
import { bookingFixture } from "./__fixtures__/bookings";
import type { WefactSettingsInput } from "./config";
import { decodeForm } from "./form";
import type { DebtorJson, InvoiceJson, ProductJson } from "./sandbox/state";
import { admin, api, sandboxCtx, sandboxFetch } from "./sandbox/testing";
import { createWefactTarget } from "./target";

const TENANT = "target-acme";
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });
beforeEach(async () => { await admin(TENANT, "POST", "reset"); await admin(TENANT, "POST", "faults", {}); });

const nl = bookingFixture("invoice-nl-mixed");
const credit = bookingFixture("credit-icp");

function target(settings: WefactSettingsInput = {}, opts: { calls?: ExternalCallRecord[] } = {}): TargetConnector {
  return createWefactTarget(sandboxCtx(TENANT, opts.calls), settings);
}
const state = async () => (await admin(TENANT, "GET", "state")).json() as Promise<{ contacts: DebtorJson[]; products: ProductJson[]; invoices: InvoiceJson[] }>;
/** controller/action of each recorded call, e.g. "invoice/add". */
const actions = (calls: ExternalCallRecord[]) => calls.map((c) => { const b = decodeForm(c.requestBody ?? ""); return `${b.controller}/${b.action}`; });

/** A fixture booking made bookable in this tenant: its debtor found or created through the connector. */
async function bookable(f: { booking: Booking }, wefact: TargetConnector, patch: Partial<Booking> = {}): Promise<Booking> {
  const doc = f.booking.document;
  const debtorId = (await wefact.findDebtorByEmail(doc.customer.email ?? "")) ?? (await wefact.createDebtor(doc));
  return { ...f.booking, debtorId, ...patch };
}

describe("debtors: found by email or created, never modified", () => {
  it("creates the customer table's debtor once and finds it again by exact email, whatever the case", async () => {
    const wefact = target();
    expect(await wefact.findDebtorByEmail("jan.jansen@example.nl")).toBeNull();
    const id = await wefact.createDebtor(nl.booking.document);
    expect(await wefact.findDebtorByEmail(" Jan.Jansen@Example.nl ")).toBe(id);
    const [debtor] = (await state()).contacts;
    expect(debtor).toMatchObject({ Identifier: Number(id), DebtorCode: "DB10000", ...nl.expectedDebtor, CompanyName: "", TaxNumber: "" });
  });

  it("a substring hit of WeFact's search is not a match", async () => {
    const wefact = target();
    await wefact.createDebtor({ ...nl.booking.document, customer: { ...nl.booking.document.customer, email: "jann@example.nl" } });
    expect(await wefact.findDebtorByEmail("ann@example.nl")).toBeNull();
    expect(await wefact.findDebtorByEmail("")).toBeNull();
  });

  it("a company without a last name becomes SurName NN, with its VAT number", async () => {
    await target().createDebtor(credit.booking.document);
    expect((await state()).contacts[0]).toMatchObject({ CompanyName: "Muster GmbH", SurName: "NN", TaxNumber: "DE983924221", Country: "DE" });
  });

  it("an existing debtor is used as it is: booking never changes it", async () => {
    const existing = (await api(TENANT, { controller: "debtor", action: "add", CompanyName: "Oude Naam BV", SurName: "Anders", Address: "Oudeweg 1", EmailAddress: "jan.jansen@example.nl" })).json.debtor as DebtorJson;
    const calls: ExternalCallRecord[] = [];
    const wefact = target({}, { calls });
    const booking = await bookable(nl, wefact);
    expect(booking.debtorId).toBe(String(existing.Identifier));
    await wefact.createInvoice(booking);
    expect((await state()).contacts).toEqual([existing]);
    expect(actions(calls).filter((a) => a.startsWith("debtor/"))).toEqual(["debtor/list"]);
  });
});

describe("products: a setting, off by default", () => {
  it("off: nothing is looked up or created, and invoice lines carry no product code", async () => {
    const calls: ExternalCallRecord[] = [];
    const wefact = target({}, { calls });
    expect(await wefact.findProductByCode("THEEPOT-1")).toBeNull();
    expect(await wefact.createProduct({ code: "THEEPOT-1", description: "Theepot", vatRate: "21", unitPriceExcl: "20.62", vatCode: "V21" })).toBe("");
    expect(calls).toEqual([]);
    expect((await state()).products).toEqual([]);
  });

  it("on: missing products and the cost products (shipping, payment, surcharge, discount, additional costs) are created once, then found", async () => {
    const wefact = target({ createProducts: true, costCenter: "KP100" });
    const line = nl.booking.lines[0]!;
    const costLines = (["shipping", "payment", "surcharge", "discount"] as const).map((kind) => ({ ...line, kind, code: undefined, description: kind }));
    const extra = { ...line, kind: "surcharge" as const, code: undefined, description: "Extra costs (gift wrap)" };
    const created: string[] = [];
    for (const l of [line, ...costLines, extra]) {
      const product = productFor(l);
      expect(await wefact.findProductByCode(product.code)).toBeNull();
      created.push(await wefact.createProduct({ code: product.code, description: product.description, vatRate: l.vatRate, unitPriceExcl: l.unitPriceExcl, vatCode: l.vatCode }));
      expect(await wefact.findProductByCode(product.code)).toBe(created.at(-1));
    }
    expect(created).toEqual(["THEEPOT1", "SHIPPINGCOSTS", "PAYMENTCOSTS", "SURCHARGE", "DISCOUNT", "EXTRACOSTS"]);
    const products = (await state()).products;
    expect(products.map((p) => p.ProductName)).toEqual(["Theepot", "Shipping costs", "Payment costs", "Surcharge", "Discount", "Extra costs"]);
    expect(products[0]).toMatchObject({ ProductCode: "THEEPOT1", ProductKeyPhrase: "Theepot", PriceExcl: "20.61984", TaxCode: "V21", AccountingCostCentre: "KP100" });
    // A product that exists is not added again (WeFact's codes are case-insensitive).
    expect(await wefact.findProductByCode("theepot-1")).toBe("THEEPOT1");
  });

  it("on: invoice lines refer to the products, and WeFact accepts them", async () => {
    const wefact = target({ createProducts: true });
    const lines = [];
    for (const l of nl.booking.lines) {
      const p = productFor(l);
      lines.push({ ...l, productId: (await wefact.findProductByCode(p.code)) ?? (await wefact.createProduct({ code: p.code, description: p.description, vatRate: l.vatRate, unitPriceExcl: l.unitPriceExcl, vatCode: l.vatCode })) });
    }
    await wefact.createInvoice(await bookable(nl, wefact, { lines }));
    const [invoice] = (await state()).invoices;
    expect(invoice!.InvoiceLines.map((l) => l.ProductCode)).toEqual(["THEEPOT1", "THEEG", "SHIPPINGCOSTS", "PAYMENTCOSTS"]);
    expect(invoice!.AmountIncl).toBe("42.38");
  });
});

describe("invoices", () => {
  it("books the manual's invoice: totals and VAT per rate to the cent, draft, layout, reference, shipping fields", async () => {
    const wefact = target({ templateId: "nl_nl" });
    const ref = await wefact.createInvoice(await bookable(nl, wefact));
    expect(ref).toEqual({ id: expect.stringMatching(/^\d+$/) }); // a draft has no number yet
    const [invoice] = (await state()).invoices;
    expect(invoice).toMatchObject({
      Identifier: Number(ref.id), InvoiceCode: "[concept]0001", Status: "0", VatCalcMethod: "incl", Date: "2024-07-10", Term: "14", PayBefore: "2024-07-24",
      Description: "WEB-1006", ReferenceNumber: "WEB-1006", LanguageCode: "nl_nl", UseProductInventory: "no",
      AmountExcl: nl.booking.document.totals.excl, AmountTax: nl.booking.document.totals.vat, AmountIncl: nl.booking.document.totals.incl,
      CustomFields: nl.expectedInvoice.CustomFields,
    });
    expect(invoice!.SandboxVatPerRate).toEqual([
      { TaxPercentage: "21", AmountExcl: "25.12", AmountTax: "5.28", AmountIncl: "30.40" },
      { TaxPercentage: "9", AmountExcl: "10.99", AmountTax: "0.99", AmountIncl: "11.98" },
    ]);
  });

  it("processed with the invoice number as code: status 4 and the number comes back", async () => {
    const wefact = target({ invoiceStatus: "processed", invoiceCode: "invoice-number" });
    expect(await wefact.createInvoice(await bookable(nl, wefact))).toEqual({ id: expect.any(String), number: "F-2024001" });
    expect((await state()).invoices[0]).toMatchObject({ Status: "4", InvoiceCode: "F-2024001", AmountPaid: "42.38" });
  });

  it("books the ICP credit note negative at 0%", async () => {
    const wefact = target({ ...credit.settings, createProducts: false });
    const booking = await bookable(credit, wefact, { lines: credit.booking.lines.map(({ productId: _p, ...l }) => l) });
    await wefact.createInvoice(booking);
    expect((await state()).invoices[0]).toMatchObject({ AmountIncl: "-105.00", AmountTax: "0.00", Status: "4", InvoiceCode: "F-2024002", Description: "Credit F-2024002" });
  });

  it("send by email after creation (a setting): the draft is sent and gets its real number", async () => {
    const calls: ExternalCallRecord[] = [];
    const wefact = target({ sendByEmail: true }, { calls });
    const ref = await wefact.createInvoice(await bookable(nl, wefact));
    expect(ref).toEqual({ id: expect.any(String), number: "F2024-0001" });
    expect((await state()).invoices[0]).toMatchObject({ Status: "2", Sent: "1", InvoiceCode: "F2024-0001" });
    expect(actions(calls).slice(-2)).toEqual(["invoice/add", "invoice/sendbyemail"]);
  });

  it.each([
    ["a VAT code with another rate", "V21", "vat_code_mismatch", /"V21" is 21% in WeFact, but line "Groene thee 100 g" has 9%/],
    ["a VAT code WeFact does not know", "V7.5", "vat_code_unknown", /"V7.5".*does not exist in WeFact/],
  ])("refuses %s before creating anything", async (_what, code, errorCode, message) => {
    const wefact = target();
    const booking = await bookable(nl, wefact);
    const e = await caught(wefact.createInvoice({ ...booking, lines: booking.lines.map((l) => (l.vatRate === "9" ? { ...l, vatCode: code } : l)) }));
    expect(e).toMatchObject({ code: errorCode, retryable: false });
    expect(e.message).toMatch(message);
    expect((await state()).invoices).toEqual([]);
  });

  it("refuses other currencies and invalid settings or credentials with a clear reason", async () => {
    const wefact = target();
    const booking = await bookable(nl, wefact);
    const usd: SalesDocument = { ...booking.document, currency: "USD" };
    expect(await caught(wefact.createInvoice({ ...booking, document: usd }))).toMatchObject({ code: "currency_not_supported" });
    expect(() => createWefactTarget(sandboxCtx(TENANT), { invoiceStatus: "final" })).toThrow(/invoiceStatus/);
    expect(await caught(createWefactTarget({ ...sandboxCtx(TENANT), credentials: {} }, {}).findDebtorByEmail("a@b.nl"))).toMatchObject({ code: "not_connected" });
  });
});

describe("idempotency: our reference in the invoice's comment, looked up before creating", () => {
  it("finds the invoice by its exact reference, not by a reference that merely contains it", async () => {
    const wefact = target();
    const booking = await bookable(nl, wefact, { reference: "DEMO-X-invoice-12" });
    const ref = await wefact.createInvoice(booking);
    expect(await wefact.findInvoiceByReference("DEMO-X-invoice-12")).toEqual({ id: ref.id });
    expect(await wefact.findInvoiceByReference("DEMO-X-invoice-1")).toBeNull();
    expect(await wefact.findInvoiceByReference("DEMO-X-invoice-123")).toBeNull();
  });

  /** A fetch that arms the sandbox's `timeoutNext` fault right before the given call, e.g. "invoice/add". */
  function losingAnswerOf(call: string): typeof fetch {
    let armed = true;
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = decodeForm(String(init?.body ?? ""));
      if (armed && `${body.controller}/${body.action}` === call) {
        armed = false;
        await admin(TENANT, "POST", "faults", { timeoutNext: 1 });
      }
      return sandboxFetch(input, init);
    }) as typeof fetch;
  }
  const losing = (settings: WefactSettingsInput, calls?: ExternalCallRecord[]) =>
    createWefactTarget(sandboxCtx(TENANT, calls, { timeoutMs: 2_000, fetch: losingAnswerOf("invoice/add") }), settings);

  it("a timeout at creation whose invoice was booked anyway: neither a retried step nor a new run books it twice", async () => {
    const first = losing({});
    const booking = await bookable(nl, first);
    expect(await caught(first.createInvoice(booking))).toMatchObject({ code: "timeout", retryable: true });
    const booked = (await state()).invoices;
    expect(booked).toHaveLength(1); // WeFact did it; we never heard
    const id = String(booked[0]!.Identifier);

    // Inngest retries the failed step: createInvoice again, which looks the reference up first.
    const calls: ExternalCallRecord[] = [];
    expect(await target({}, { calls }).createInvoice(booking)).toEqual({ id });
    expect(actions(calls)).not.toContain("invoice/add");
    // A new run (Process on the Errors tab) looks it up before anything else.
    expect(await target().findInvoiceByReference(booking.reference)).toEqual({ id });
    expect((await state()).invoices).toHaveLength(1);
  });

  it("with an explicit invoice number the retried create returns the invoice of the lost answer and its number", async () => {
    const settings = { invoiceCode: "order-number" as const };
    const first = losing(settings);
    const booking = await bookable(nl, first);
    expect(await caught(first.createInvoice(booking))).toMatchObject({ code: "timeout" });
    const again = await target(settings).createInvoice(booking);
    expect(again).toEqual({ id: String((await state()).invoices[0]!.Identifier), number: "WEB-1006" });
    expect((await state()).invoices).toHaveLength(1);
  });

  it("send by email: the retry that finds the unsent invoice sends it, once", async () => {
    const first = losing({ sendByEmail: true });
    const booking = await bookable(nl, first);
    expect(await caught(first.createInvoice(booking))).toMatchObject({ code: "timeout" });
    expect((await state()).invoices[0]).toMatchObject({ Status: "0", Sent: "0" });
    const retry = target({ sendByEmail: true });
    expect(await retry.findInvoiceByReference(booking.reference)).toEqual({ id: expect.any(String), number: "F2024-0001" });
    expect(await retry.findInvoiceByReference(booking.reference)).toEqual({ id: expect.any(String), number: "F2024-0001" });
    expect((await state()).invoices).toEqual([expect.objectContaining({ Status: "2", Sent: "1" })]);
  });
});
